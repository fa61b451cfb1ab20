"""Abbreviations defined in the text (``objective response rate (ORR)``), JSON-safe.

A thin wrapper over scispaCy's Schwartz & Hearst implementation (``filter_matches`` and
``find_abbreviation``). Unlike scispaCy's component it stores plain offsets, so documents
serialize and cross process boundaries; other components read ``doc._.trialspacy_abbreviation_defs``.
"""

from collections.abc import Sequence
from itertools import compress

from scispacy.abbreviation import filter_matches, find_abbreviation
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..lexicon import doc_tokens

# scispaCy's filter_matches drops parentheses holding more than this many tokens.
_MAX_INSIDE = 8


def parenthesis_matches(words: Sequence[str]) -> list[tuple[int, int, int]]:
    """What scispaCy's Matcher pattern ``( + )`` yields, as ``(0, start, end)`` token ranges
    *inside* the parentheses, limited to those filter_matches keeps (at most eight tokens), in
    the Matcher's order (by closing parenthesis, innermost opening first)."""
    found = []
    opens: list[int] = []
    for j, word in enumerate(words):
        if word == ")":
            for s in reversed(opens):
                if j - s - 1 > _MAX_INSIDE:
                    break
                if j - s >= 2:
                    found.append((0, s + 1, j))
        elif word == "(":
            opens.append(j)
    return found


def find_definitions(doc: Doc) -> list[dict[str, object]]:
    """Abbreviation definitions in ``doc``: each with the long and short form's character
    offsets and texts, and every token-exact occurrence of the short form in the doc."""
    found: list[dict[str, object]] = []
    patterns: list[list[str]] = []  # the short form's token texts, per definition
    seen_short = set()
    view = doc_tokens(doc)
    words, starts = view.words, view.starts
    for long_candidate, short_candidate in filter_matches(parenthesis_matches(view.words), doc):
        short, long = find_abbreviation(long_candidate, short_candidate)
        if long is None or short.text in seen_short or len(long) == 0:
            continue
        seen_short.add(short.text)
        patterns.append(words[short.start : short.end])
        found.append(
            {
                "short": [short.start_char, short.end_char],
                "long": [long.start_char, long.end_char],
                "short_text": short.text,
                "long_text": long.text,
            }
        )
    # Where each short form's first token occurs, in one pass over the tokens for all definitions
    # (not one pass per definition).
    firsts = {pattern[0] for pattern in patterns}
    at: dict[str, list[int]] = {first: [] for first in firsts}
    for i in compress(range(len(words)), map(firsts.__contains__, words)):
        at[words[i]].append(i)
    for item, pattern in zip(found, patterns):
        n = len(pattern)
        item["occurrences"] = [
            [starts[i], starts[i + n - 1] + len(words[i + n - 1])]
            for i in at[pattern[0]]
            if i <= len(words) - n and words[i : i + n] == pattern
        ]
    return found


class AbbreviationDefinitions(Pipe):
    """Sets ``doc._.trialspacy_abbreviation_defs`` (a list of dicts, see :func:`find_definitions`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.trialspacy_abbreviation_defs = find_definitions(doc)
        return doc


@Language.factory("trialspacy_abbreviations", assigns=["doc._.trialspacy_abbreviation_defs"])
def make_abbreviations(nlp: Language, name: str) -> AbbreviationDefinitions:
    """Factory of the abbreviation component."""
    return AbbreviationDefinitions(nlp, name)
