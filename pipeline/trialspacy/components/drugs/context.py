"""The words around a substance that say it is measured rather than given (``insulin
resistance``, ``serum creatinine``) or, for a cytokine, that it is given (``IL-2 therapy``, ``treated
with interferon``).
Listed with a reason each in ``data/drug_context_words.jsonl``."""

import re
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc

from .vocabulary import vocabulary

_WORDS = vocabulary("drug_context_words.jsonl")
# A substance followed by one of these is measured, a biomarker or a device, not given: "estrogen
# receptor", "insulin resistance", "vitamin D deficiency", "heparin levels", "insulin pump".
MEASURED_AFTER = frozenset(_WORDS["measured_after"])
MEASURED_BEFORE = frozenset(_WORDS["measured_before"])
# Words after or before a cytokine that say it is given as therapy ("IL-2 therapy", "treated with
# interferon", "high-dose IL-2").
THERAPY_AFTER = frozenset(_WORDS["therapy_after"])
THERAPY_BEFORE = frozenset(_WORDS["therapy_before"])
# A name followed by one of these is an organism, however drug-like its name: "EV71 infection",
# "Pseudomonas aeruginosa infection" (a vaccine or an investigational code may share it).
PATHOGEN_AFTER = frozenset(_WORDS["pathogen_after"])


def next_word(doc: Doc, end: int) -> str:
    """Lower-case word after token ``end`` (skipping one hyphen), or ''."""
    if end < len(doc) and doc[end].text in "-–" and not doc[end - 1].whitespace_:
        end += 1
    return doc[end].lower_ if end < len(doc) else ""


def is_measured(doc: Doc, start: int, end: int) -> bool:
    """True when the words around ``doc[start:end]`` say the substance is measured."""
    before = doc[start - 1].lower_ if start > 0 else ""
    return next_word(doc, end) in MEASURED_AFTER or before in MEASURED_BEFORE or names_pathogen(doc, end)


def names_pathogen(doc: Doc, end: int) -> bool:
    """True when the word after token ``end`` says the name before it is an organism."""
    return next_word(doc, end) in PATHOGEN_AFTER


# A comparator after a substance makes it a laboratory value, whatever comes before it ("Women With
# Estradiol > 25 pg/mL").
_COMPARATORS = frozenset({">", "<", "≥", "≤", ">=", "<=", "=", "=<", "=>"})


def given_as_therapy(doc: Doc, start: int, end: int) -> bool:
    """True when the word after or before the cytokine ``doc[start:end]`` says it is given (``IL-2
    therapy``, ``treated with interferon``), unless a comparator follows it (a laboratory value)."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = next_word(doc, end)
    return after not in _COMPARATORS and (after in THERAPY_AFTER or before in THERAPY_BEFORE)


# Words and signs that join the items of a list ("acyclovir, interferon, foscarnet", "AZT and IFN").
_LIST_JOINS = frozenset({",", "and", "or", "/", "+"})
# A cytokine or growth factor by its name: listed with cytokines, a cytokine is as likely measured
# ("cytokines such as INF-gamma, interleukin-2, interleukin-4"; "tumor necrosis factor-alpha, basic
# fibroblast growth factor"), so such a name says nothing of the cytokines listed with it.
CYTOKINE_NAME_RE = re.compile(r"interleukin|\bIL-?\d|\bfactor\b|interferon|\bIFN", re.IGNORECASE)


def coordinated(doc: Doc, start: int, end: int, starts: AbstractSet[int], ends: AbstractSet[int]) -> bool:
    """True when ``doc[start:end]`` is an item of a list whose item before or after it is a drug
    (one starting at a token of ``starts`` or ending before a token of ``ends``): "acyclovir,
    interferon, foscarnet", "AZT and interferon", "IL-2, or cyclosporine"; a cytokine listed with
    drugs is given like them. Not the first part of a longer name (``IFN`` of ``IFN-A2a``)."""
    if end < len(doc) and doc[end].text in "-–" and not doc[end - 1].whitespace_:
        return False
    before = start - 1
    if before > 0 and doc[before].lower_ in ("and", "or") and doc[before - 1].text == ",":
        before -= 1
    if before > 0 and doc[before].lower_ in _LIST_JOINS and before in ends:
        return True
    after = end
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ in ("and", "or"):
        after += 1
    return after + 1 < len(doc) and doc[after].lower_ in _LIST_JOINS and after + 1 in starts
