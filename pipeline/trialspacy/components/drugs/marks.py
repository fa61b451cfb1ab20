"""Brand names the record marks as such: a name written with ``®`` or ``™`` (``EXPAREL®``,
``ADASUVE®``, ``Arctuvan®``) that neither source lists.

A registered mark says the word is a product's name, not which product: criteria mark devices
(``Hickman® catheter``, ``HandiHaler®``), laboratory tests (``QuantiFERON®``, ``Fibroscan®``),
programmes (``REMS®``) and rating manuals (``DSM-IV-TR™``) as often as drugs. So a marked name is a
DRUG only where one of its occurrences stands where a drug does: given (``treated with EXPAREL``,
``allergy to Arctuvan``; see :mod:`.context`) or listed beside a drug found (``NSAIDs, Vicodin®``),
and never when one of its occurrences is followed by a device or test word (``Optune™ device``).
It is then a DRUG wherever the record writes it, marked or not (``EXPAREL® is cleared by the
kidneys``), as an agent normalized as written, lower-cased, as an unknown code is. Words listed
with a reason each in ``data/drug_context_words.jsonl`` (role ``not_product_after``).
"""

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ...spans import Candidate
from .context import given_as_therapy, listed_beside
from .vocabulary import vocabulary

# A capitalised name of letters, possibly hyphenated, then the mark (a space may come between).
MARKED_RE = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*)[ \t]?[®™]")
NOT_PRODUCT_AFTER = frozenset(vocabulary("drug_context_words.jsonl")["not_product_after"])
_ROMAN_RE = re.compile(r"[IVX]+")
_WORD_RE = re.compile(r"[\w-]+")


def _name_like(name: str) -> bool:
    """A product name of four letters or more, without a Roman numeral part (``DSM-IV-TR``)."""
    return len(name) >= 4 and not any(_ROMAN_RE.fullmatch(part) for part in name.split("-"))


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` stands as a word in ``text``, as written."""
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]


def _next_word(text: str, end: int) -> str:
    """The lower-case word after offset ``end`` (past a mark and spaces), or ''."""
    match = _WORD_RE.search(text, end, min(len(text), end + 40))
    return match.group().lower() if match is not None and not text[end : match.start()].strip(" \t®™") else ""


def _past_mark(doc: Doc, end: int) -> int:
    """Token ``end``, or the one after it when it is a mark: the name and its mark are one item of
    a list ("Roxicodone®, Vicodin®") and are read as one by the words around them."""
    return end + 1 if end < len(doc) and doc[end].text in ("®", "™") else end


def marked_names(doc: Doc, text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """Spans of the names the record marks with ``®`` or ``™`` that stand where a drug does in at
    least one place (see the module's docstring), at every occurrence no span of ``found`` covers."""
    if "®" not in text and "™" not in text:
        return []  # most records: the pattern is not tried at every capital
    names = {m.group("name") for m in MARKED_RE.finditer(text) if _name_like(m.group("name"))}
    if not names:
        return []
    taken = {i for start, end, _ in found for i in range(start, end)}
    places: dict[str, list[tuple[int, int, int, int]]] = {}
    for name in sorted(names):
        spans = [(s, e) for s, e in _occurrences(text, name) if not any(i in taken for i in range(s, e))]
        if not spans or any(_next_word(text, e) in NOT_PRODUCT_AFTER for s, e in spans):
            continue
        tokens = [(s, e, doc.char_span(s, e, alignment_mode="expand")) for s, e in spans]
        places[name] = [(s, e, span.start, _past_mark(doc, span.end)) for s, e, span in tokens if span is not None]
    drugs = [doc.char_span(s, e, alignment_mode="expand") for s, e, _ in found]
    starts = {span.start for span in drugs if span is not None}
    ends = {span.end for span in drugs if span is not None}
    kept: dict[str, list[tuple[int, int, int, int]]] = {}
    # A list may chain marked names ("e.g. Cystinol®, Uvalysat®, Arctuvan®"): each one taken lets
    # its neighbour in.
    while taken_now := [
        name
        for name, where in places.items()
        if name not in kept
        and any(given_as_therapy(doc, a, b) or listed_beside(doc, a, b, starts, ends) for _, _, a, b in where)
    ]:
        for name in taken_now:
            kept[name] = places[name]
            starts.update(a for _, _, a, _ in places[name])
            ends.update(b for _, _, _, b in places[name])
    return [
        (s, e, {"normalized": name.lower(), "kind": "agent", "drugbank_id": None})
        for name, where in kept.items()
        for s, e, _, _ in where
    ]
