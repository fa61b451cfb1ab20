"""Short names a record gives an agent, or a list of agents, in parentheses right after it.

Registry text names a drug and then, in parentheses, the short name it uses from there on:
"zidovudine (AZT)", "propylene glycol-free melphalan HCl (EVOMELA®)", "tegafur-uracil (UFT)",
and, after a list of agents, the regimen's acronym: "lomustine/etoposide/cyclophosphamide/
procarbazine (CECP)", "cyclophosphamide, doxorubicin, vincristine, and prednisone (CHOP)". Such a
short name often shares no letters with the long form (``AZT`` for zidovudine), so the general
abbreviation finder, which wants the short form's letters in the long form, cannot take it; the
agent span in front of it is the evidence here. The short name is a DRUG wherever the record writes
it, with the agent's attributes (a regimen's ``normalized`` names its agents: ``lomustine/
etoposide/...``), except where the words around it say it is measured ("serum GH levels").
"""

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from ...lexicon import package_data
from ...spans import Candidate
from .codes import is_code_lookalike
from .context import is_measured

# "(AZT)", "(EVOMELA®)", "(5-FU)": a word of 2 to 10 letters, digits and hyphens with two
# capitals, a trademark sign allowed (also as the mojibake ``Â®`` of legacy records).
_ALIAS_RE = re.compile(r"[ \t]*\(\s*([A-Za-z0-9][A-Za-z0-9-]{1,9})(?:Â?®|™)?\s*\)")
# Parenthesized short forms that follow a drug name but are not its name: routes, schedules,
# salts, pharmacopoeias and trial terms ("IL-2 (SQ)", "docetaxel (MTD)", "heparin (USP)").
NOT_ALIASES = frozenset(
    [
        "IV",
        "PO",
        "SC",
        "SQ",
        "IM",
        "IT",
        "IP",
        "ID",
        "IA",
        "IVP",
        "IVPB",
        "BID",
        "TID",
        "QID",
        "QD",
        "QOD",
        "QW",
        "QOW",
        "PRN",
        "HCL",
        "USP",
        "NF",
        "BP",
        "EP",
        "JP",
        "TM",
        "ER",
        "XR",
        "SR",
        "CR",
        "XL",
        "LA",
        "DR",
        "ODT",
        "NSC",
        "MTD",
        "RP2D",
        "DLT",
        "OBD",
        "RD",
    ]
)
# What may stand between the agents of a list: "A/B/C", "A, B, and C", "A + B".
_LIST_GAP_RE = re.compile(r"\s*(?:[,/+]|,?\s*and)\s*", re.IGNORECASE)


# Endpoint abbreviations: a short name made with one names an outcome measured on the agent, not
# the agent ("receiving osimertinib (PFS-OSI)").
_ENDPOINTS = frozenset(
    row["abbreviation"].upper() for row in package_data("endpoints.jsonl") if row.get("abbreviation")
)


def _is_alias(word: str) -> bool:
    return (
        sum(c.isupper() for c in word) >= 2
        and word.upper() not in NOT_ALIASES
        and not word.isdigit()
        and not is_code_lookalike(word)
        and _ENDPOINTS.isdisjoint(word.upper().split("-"))
    )


def _regimen(text: str, agents: Sequence[Candidate], last: int) -> list[Candidate]:
    """The regimen whose acronym follows ``agents[last]``: the agents of the list it ends when
    they are written ``A/B`` or are three or more ("A, B, and C (ABC)"); else the agent alone, as
    in "gemcitabine and zidovudine (AZT)"."""
    first, slashed = last, True
    while first > 0 and (gap := _LIST_GAP_RE.fullmatch(text[agents[first - 1][1] : agents[first][0]])):
        slashed = slashed and gap.group() == "/"
        first -= 1
    regimen = list(agents[first : last + 1])
    return regimen if len(regimen) >= 3 or (slashed and len(regimen) == 2) else regimen[-1:]


def alias_spans(doc: Doc, text: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """Every occurrence of a short name defined in parentheses right after an agent of ``found``
    (or after the last agent of a list: the regimen's acronym), not already taken."""
    # One candidate per stretch of text: the lexicon and the intervention list often give the same.
    spans = {(c[0], c[1]): c for c in found if c[2]["kind"] == "agent"}
    agents = [
        c
        for key, c in sorted(spans.items())
        if not any(s <= key[0] and key[1] <= e and (s, e) != key for s, e in spans)
    ]
    taken = {i for start, end, _ in found for i in range(start, end)}
    defined: dict[str, dict] = {}
    for position, (_, end, attrs) in enumerate(agents):
        match = _ALIAS_RE.match(text, end)
        if match is None or not _is_alias(match.group(1)) or match.start(1) in taken:
            continue
        regimen = _regimen(text, agents, position)
        if len(regimen) > 1:
            attrs = {**attrs, "normalized": "/".join(a["normalized"] for _, _, a in regimen), "drugbank_id": None}
        defined.setdefault(match.group(1), attrs)
    for alias, attrs in defined.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            start, end = match.span()
            if start in taken:
                continue
            span = doc.char_span(start, end)
            if span is not None and not is_measured(doc, span.start, span.end):
                yield start, end, dict(attrs)
