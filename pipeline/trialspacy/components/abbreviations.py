"""Abbreviations defined in the text (``objective response rate (ORR)``), JSON-safe.

scispaCy's Schwartz & Hearst implementation (``filter_matches`` and ``find_abbreviation``), read
from the document's token view instead of Token and Span objects, which cost several times the
algorithm (the results are scispaCy's: tests/test_abbreviations.py compares them on real text).
Unlike scispaCy's component it stores plain offsets, so documents serialize and cross process
boundaries; other components read ``doc._.trialspacy_abbreviation_defs``.
"""

from collections.abc import Iterator, Sequence
from itertools import compress

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..lexicon import DocTokens, doc_tokens

# scispaCy's filter_matches drops parentheses holding more than this many tokens.
_MAX_INSIDE = 8
_PARENTHESES = frozenset("()")


def parenthesis_matches(words: Sequence[str]) -> list[tuple[int, int, int]]:
    """What scispaCy's Matcher pattern ``( + )`` yields, as ``(0, start, end)`` token ranges
    *inside* the parentheses, limited to those filter_matches keeps (at most eight tokens), in
    the Matcher's order (by closing parenthesis, innermost opening first)."""
    found = []
    opens: list[int] = []
    # Only the parentheses matter: found in one pass in C, not a Python step per token.
    for j in compress(range(len(words)), map(_PARENTHESES.__contains__, words)):
        if words[j] == ")":
            for s in reversed(opens):
                if j - s - 1 > _MAX_INSIDE:
                    break
                if j - s >= 2:
                    found.append((0, s + 1, j))
        else:
            opens.append(j)
    return found


TokenRange = tuple[int, int]


def _span_text(view: DocTokens, start: int, end: int) -> str:
    """``doc[start:end].text``."""
    return view.text[view.starts[start] : view.starts[end - 1] + len(view.words[end - 1])]


def _unbalanced(view: DocTokens, start: int, end: int) -> bool:
    """scispaCy's ``span_contains_unbalanced_parentheses`` of ``doc[start:end]``."""
    depth = 0
    for i in range(start, end):
        word = view.token_text(i)
        if word == "(":
            depth += 1
        elif word == ")":
            if depth == 0:
                return True
            depth -= 1
    return depth != 0


def _short_form_ok(view: DocTokens, start: int, end: int) -> bool:
    """scispaCy's ``short_form_filter`` of ``doc[start:end]``."""
    if not all(2 <= len(view.words[i]) < 10 for i in range(start, end)):
        return False
    text = _span_text(view, start, end)
    return sum(c.isalpha() for c in text) / len(text) >= 0.5 and text[0].isalpha()


def filter_candidates(
    view: DocTokens, matches: Sequence[tuple[int, int, int]]
) -> Iterator[tuple[TokenRange, TokenRange]]:
    """scispaCy's ``filter_matches``: the (long form, short form) candidates around the parentheses
    of ``matches``, as token ranges."""
    for _, start, end in matches:
        if end - start > 8 or start == 1:
            continue
        if end - start > 3:  # the long form inside the parentheses, the word before them the short form
            short, long = (start - 2, start - 1), (start, end)
            if _unbalanced(view, start, end):
                continue
        else:  # the short form inside, the long form up to max_words before
            short = (start, end)
            length = sum(len(view.words[i]) for i in range(start, end))
            long = (max(start - min(length + 5, length * 2) - 1, 0), start - 1)
        if _short_form_ok(view, *short):
            yield long, short


def long_form(view: DocTokens, long: TokenRange, short: TokenRange) -> TokenRange | None:
    """scispaCy's ``find_abbreviation``: the tokens of the long candidate that the short form
    abbreviates, from the word its first character starts; None when its characters are not there."""
    long_text = " ".join(view.token_text(i) for i in range(*long))
    short_text = " ".join(view.token_text(i) for i in range(*short))
    long_index = len(long_text) - 1
    short_index = len(short_text) - 1
    while short_index >= 0:
        char = short_text[short_index].lower()
        if not char.isalnum():
            short_index -= 1
            continue
        # The character in the long form; the short form's first at the start of a word.
        while (long_index >= 0 and long_text[long_index].lower() != char) or (
            short_index == 0 and long_index > 0 and long_text[long_index - 1].isalnum()
        ):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
        short_index -= 1
    long_index += 1
    # The first token ending past that character, counted in the text as written (as scispaCy
    # does: with each token's own white space, not the single spaces joined above).
    starts, size = view.starts, len(view.text)
    for i in range(*long):
        if (starts[i + 1] if i + 1 < len(starts) else size) - starts[long[0]] > long_index:
            return i, long[1]
    return long


def find_definitions(doc: Doc) -> list[dict[str, object]]:
    """Abbreviation definitions in ``doc``: each with the long and short form's character
    offsets and texts, and every token-exact occurrence of the short form in the doc."""
    found: list[dict[str, object]] = []
    patterns: list[list[str]] = []  # the short form's token texts, per definition
    seen_short = set()
    view = doc_tokens(doc)
    words, starts = view.words, view.starts
    for candidate, short in filter_candidates(view, parenthesis_matches(view.words)):
        long = long_form(view, candidate, short)
        short_text = _span_text(view, *short)
        if long is None or short_text in seen_short or long[0] == long[1]:
            continue
        seen_short.add(short_text)
        patterns.append(words[short[0] : short[1]])
        found.append(
            {
                "short": [starts[short[0]], starts[short[1] - 1] + len(words[short[1] - 1])],
                "long": [starts[long[0]], starts[long[1] - 1] + len(words[long[1] - 1])],
                "short_text": short_text,
                "long_text": _span_text(view, *long),
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
