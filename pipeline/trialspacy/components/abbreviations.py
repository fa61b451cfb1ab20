"""Abbreviations defined in the text (``objective response rate (ORR)``), JSON-safe.

A thin wrapper over scispaCy's Schwartz & Hearst implementation (``filter_matches`` and
``find_abbreviation``). Unlike scispaCy's component it stores plain offsets, so documents
serialize and cross process boundaries; other components read ``doc._.abbreviation_defs``.
"""

from typing import Dict, List

from scispacy.abbreviation import filter_matches, find_abbreviation
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

if not Doc.has_extension("abbreviation_defs"):
    Doc.set_extension("abbreviation_defs", default=None)


def find_definitions(doc: Doc, matcher: Matcher) -> List[Dict[str, object]]:
    """Abbreviation definitions in ``doc``: each with the long and short form's character
    offsets and texts, and every token-exact occurrence of the short form in the doc."""
    found = []
    seen_short = set()
    matches = [(m, s + 1, e - 1) for m, s, e in matcher(doc)]
    for long_candidate, short_candidate in filter_matches(matches, doc):
        short, long = find_abbreviation(long_candidate, short_candidate)
        if long is None or short.text in seen_short or len(long) == 0:
            continue
        seen_short.add(short.text)
        found.append(
            {
                "short": [short.start_char, short.end_char],
                "long": [long.start_char, long.end_char],
                "short_text": short.text,
                "long_text": long.text,
            }
        )
    if found:
        words = [t.text for t in doc]
        for item in found:
            pattern = [t.text for t in doc.char_span(*item["short"])]
            n = len(pattern)
            item["occurrences"] = [
                [doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])]
                for i in range(len(words) - n + 1)
                if words[i : i + n] == pattern
            ]
    return found


class AbbreviationDefinitions:
    """Sets ``doc._.abbreviation_defs`` (a list of dicts, see :func:`find_definitions`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])

    def __call__(self, doc: Doc) -> Doc:
        doc._.abbreviation_defs = find_definitions(doc, self.matcher)
        return doc


@Language.factory("trialspacy_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationDefinitions:
    """Factory of the abbreviation component."""
    return AbbreviationDefinitions(nlp, name)
