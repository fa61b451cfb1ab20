"""Investigational codes (``LM103``, ``BGB-A317``) by shape, and the look-alikes that are not drugs.

The look-alikes (registry ids, genes, antigens, scales, trial groups, ...) are listed with a reason
each in ``data/drug_code_guards.jsonl``; the shapes they are written in are here.
"""

import re

from ...tokenizer import GLUED_WORDS
from .vocabulary import vocabulary

# Letters then digits, optionally one letter between (BGB-A317) and a short tail (DS-8201a,
# MSC2156119J, YN968D1), or after a hyphen a lower-case letter and one to three digits (ZN-c3,
# ZN-d5). A single letter is accepted only as E, M or R with four to six digits
# (E7080, M3814, R115777): other single letters with digits are mostly trial protocols (S1400,
# A5324) and mutations (H1047R). A Lundbeck code keeps its sponsor prefix, written in mixed case and
# mostly apart: ``Lu AF11167``, ``Lu AA21004`` (the code alone would be clipped to ``AF11167``). A code
# ends before a function word glued to it in text registered from China (``SHR-A1921or SHR-A2009``; the
# tokenizer splits it off) and before a hyphen and a word in lower case, a modifier
# (``TQB3616-matching placebo``, ``SU5416-induced``). An isotope label may be joined to it by a
# hyphen (``[14C]-TAK-954``).
CODE_RE = re.compile(
    r"(?:(?<![\w\-/.])|(?<=\]-))(?:Lu[ \u00a0]?[A-Z]{2}\d{5}|[A-Z]{2,6}-?(?:[A-Z]-?)?\d{2,7}(?:[A-Za-z]\d{0,2})?|[A-Z]{2,6}-[a-z]\d{1,3}|[EMR]-?\d{4,6})"
    rf"(?:(?![\w\-+/]|\.\d)|(?=(?:{GLUED_WORDS})(?![\w-]))|(?=-[a-z]{{3,}}(?![\w-])))"
)

_GUARDS = vocabulary("drug_code_guards.jsonl")


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


# Each role of the guard file with the shape its items are written in: a prefix with a number
# (NCT01234567, CA19-9, SF-36), an allele or module with letters then digits (HLA-A24, QLQ-C30), a
# gene with a mutation (KRASG12C, EGFR-T790M), a constant (IC50).
CODE_GUARD_RE = re.compile(
    rf"(?:{_either(_GUARDS['prefix'])})(?:-?\d+|-[A-Z]\d+)(?:[A-Za-z]\d*)?"
    rf"|(?:{_either(_GUARDS['allele'])})-?[A-Z]{{1,3}}\d+(?:[A-Za-z]\d*)?"
    rf"|(?:{_either(_GUARDS['mutation'])})-?[A-Z]\d+[A-Z]?"
    rf"|(?:{_either(_GUARDS['constant'])})\d{{2}}"
)


def is_code_lookalike(text: str) -> bool:
    """True for code-shaped strings that are not drugs (``NCT01234567``, ``CA125``, ``CD20``,
    ``COVID-19``, ``HLA-A24``, ``QLQ-C30``, ``FIGO2018``, ``SF-36``)."""
    return CODE_GUARD_RE.fullmatch(text) is not None


# A code after "protocol" is the protocol's number ("as determined by the ongoing Protocol
# NYU-9123", "patients registered on protocol SWOG-8897", "protocol No. BR-0021").
_PROTOCOL_BEFORE_RE = re.compile(r"(?<![\w-])protocols?(?:[ \t]+(?:no\.?|number|#))?[ \t]*:?[ \t]+\Z", re.IGNORECASE)

# A sponsor's code written with a space between its letters and its number, as several sponsors
# write theirs (``BI 765179``, ``AMG 193``, ``GS 9219``, ``BLU 945``, ``EZN 2208``): two to five
# capitals and three to seven digits. Not a year (``GINA 2017``, ``WHO 2016``), not a number after
# another number (``21 CFR 1271``) or before a unit (``ADX 200 mg``, ``KLH 1000 mcg``, ``RNA 1103
# copies``), and the look-alikes of the glued shape (``ACTG 223``, ``SWOG 9346``, ``POG 9317``),
# with the prefixes that only the spaced shape makes ambiguous (``ATN 062``; ``ATN-161`` is a drug).
SPACED_CODE_RE = re.compile(
    r"(?<![\w\-/.])(?<!\d )([A-Z]{2,5})[ \u00a0](?!(?:19|20)\d\d(?!\d))(\d{3,7})(?![\w\-+/]|[.,]\d)"
    r"(?![ \u00a0]?(?:mg|mcg|µg|ug|g|kg|ml|mL|L|IU|U|units?|copies|cells|mmHg|mm|cm|Gy|cGy|%)(?![A-Za-z]))"
)


def _spaced_lookalike(letters: str, digits: str) -> bool:
    return letters in _GUARDS["spaced_prefix"] or is_code_lookalike(letters + digits)


_PROTOCOL_WORD_RE = re.compile("protocol", re.IGNORECASE)


def _after_protocol(text: str, start: int) -> bool:
    return _PROTOCOL_BEFORE_RE.search(text, max(0, start - 24), start) is not None


def find_codes(text: str) -> list[tuple[int, int]]:
    """Character spans of investigational-code shaped strings in ``text``, look-alikes and protocol
    numbers removed (a code written with a space, ``BI 765179``, included)."""
    spans = [m.span() for m in CODE_RE.finditer(text) if not is_code_lookalike(m.group())]
    spans += [m.span() for m in SPACED_CODE_RE.finditer(text) if not _spaced_lookalike(m[1], m[2])]
    if _PROTOCOL_WORD_RE.search(text) is None:
        return sorted(spans)
    return sorted(span for span in spans if not _after_protocol(text, span[0]))


def is_code(text: str) -> bool:
    """True when ``text`` as a whole has the shape of an investigational code."""
    return CODE_RE.fullmatch(text) is not None and not is_code_lookalike(text)
