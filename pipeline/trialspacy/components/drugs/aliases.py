"""Short names a record gives an agent, or a list of agents, in parentheses right after it.

Registry text names a drug and then, in parentheses, the short name it uses from there on:
"zidovudine (AZT)", "propylene glycol-free melphalan HCl (EVOMELA®)", "tegafur-uracil (UFT)",
"piperacillin-tazobactam (pip-tazo)" (a clipped form, each part the start of the name's word),
and, after a list of agents, the regimen's acronym: "lomustine/etoposide/cyclophosphamide/
procarbazine (CECP)", "cyclophosphamide, doxorubicin, vincristine, and prednisone (CHOP)". Such a
short name often shares no letters with the long form (``AZT`` for zidovudine), so the general
abbreviation finder, which wants the short form's letters in the long form, cannot take it; the
agent span in front of it is the evidence here. The short name is a DRUG wherever the record writes
it, with the agent's attributes (a regimen's ``normalized`` names its agents: ``lomustine/
etoposide/...``), except where the words around it say it is measured ("serum GH levels").

Two more ways registry text gives an agent its short names:

- a combination's short names, slashed like the agents before them: "sulfamethoxazole/trimethoprim
  (SMX/TMP)", "fludarabine melphalan (FLU/MEL)": each part names the agent in its place, alone
  wherever the record writes it and, written as the same slashed pair, in any case ("Flu/Mel",
  "flu/mel": a regimen's abbreviation is capitalized as the sentence goes);
- the synonym lists of NCI PDQ summaries (legacy records, 1999-2001), which end in the agent's NSC
  number: "Cisplatin, CDDP, NSC-119875", "Paclitaxel (Bristol-Myers), Taxol, TAX, NSC-125973".
"""

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from ...lexicon import package_data
from ...spans import Candidate
from .codes import is_code_lookalike
from .context import is_measured
from .gazetteer import NAME_LIST_GAP_RE, NSC_RE

# "(AZT)", "(EVOMELA®)", "(5-FU)": a word of 2 to 10 letters, digits and hyphens with two
# capitals, a trademark sign allowed (also as the mojibake ``Â®`` of legacy records).
# A salt written as ``HCl`` may stand between ("melphalan HCl (EVOMELA®)"); the salt words written
# out are in the agent's span already (see formulations).
_ALIAS_RE = re.compile(r"(?:[ \t]+HC[lL](?![\w-]))?[ \t]*\(\s*([A-Za-z0-9][A-Za-z0-9-]{1,9})(?:Â?®|™)?\s*\)")
# "(SMX/TMP)", "(3TC/ABC/d4T)": two to four short names of 2 to 10 characters joined by slashes.
_SLASHED_RE = re.compile(
    r"(?:[ \t]+HC[lL](?![\w-]))?[ \t]*\(\s*([A-Za-z0-9][A-Za-z0-9-]{1,9}(?:/[A-Za-z0-9][A-Za-z0-9-]{1,9}){1,3})\s*\)"
)
# A PDQ synonym list after the agent, ending in its NSC number (as the gazetteer reads it): the
# names between are the agent's other names.
_SYNONYMS_RE = re.compile(f"({NAME_LIST_GAP_RE.pattern})(?:{NSC_RE.pattern})", re.IGNORECASE)
_LISTED_NAME_RE = re.compile(r",\s*([^\s,;.()]+)")
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
# What may stand between the agents of a list: "A/B/C", "A, B, and C", "A + B"; a salt's short
# name may end an agent and a route start the next: "IV doxorubicin hydrochloride (HCl), and oral
# prednisone (pola-R-CHP)".
_ROUTES = r"(?-i:IV|PO|SC|IM)|intravenous|oral|subcutaneous|intramuscular"
LIST_GAP_RE = re.compile(rf"(?:[ \t]*\(HC[lL]\))?\s*(?:[,/+]|,?\s*and)\s*(?:(?:{_ROUTES})\s+)?", re.IGNORECASE)


# Endpoint abbreviations: a short name made with one names an outcome measured on the agent, not
# the agent ("receiving osimertinib (PFS-OSI)").
_ENDPOINTS = frozenset(
    row["abbreviation"].upper() for row in package_data("endpoints.jsonl") if row.get("abbreviation")
)


def is_short_name(word: str) -> bool:
    """True unless ``word`` is a route, a schedule, a salt, a number, a code look-alike or an
    endpoint's abbreviation."""
    return (
        word.upper() not in NOT_ALIASES
        and not word.isdigit()
        and not is_code_lookalike(word)
        and _ENDPOINTS.isdisjoint(word.upper().split("-"))
    )


def _is_alias(word: str) -> bool:
    """True for a short name in parentheses after an agent: two capitals (``AZT``, ``EVOMELA``) or
    a capital after the first letter (the antiretrovirals' ``ddI``, ``d4T``, ``ddC``); a word with
    only its first letter capital is a brand or, in NCI PDQ summaries, the vendor ("(Amgen)")."""
    return (sum(c.isupper() for c in word) >= 2 or any(c.isupper() for c in word[1:])) and is_short_name(word)


_PARTS_RE = re.compile(r"[-/ ]")


def _is_clipped(word: str, name: str) -> bool:
    """True for a clipped form of the agent's name ``name`` in any case, each part the start of the
    name's word in its place (``pip-tazo`` for ``piperacillin-tazobactam``, ``vanco`` for
    ``vancomycin``): of five characters or more, since shorter clippings are words too (``met``)."""
    parts, words = _PARTS_RE.split(word.lower()), _PARTS_RE.split(name.lower())
    return (
        len(word) >= 5
        and len(parts) == len(words)
        and all(len(p) >= 3 and w.startswith(p) and p != w for p, w in zip(parts, words))
        and is_short_name(word)
    )


# Agents of a regimen may also be joined by a hyphen alone, as its acronym's parts are:
# "docetaxel-cyclophosphamide (TC)", "5FU-epirubicin-cyclophosphamide-docetaxel (FEC-D)",
# "Taxotere-Cisplatin (TC)" (a fixed combination written so is one agent span already:
# "piperacillin-tazobactam").
JOINED_GAP_RE = re.compile(r"-")


def regimen_gap(gap: str) -> re.Match[str] | None:
    """The match of a gap between two agents of a list (see :data:`LIST_GAP_RE`), or of a hyphen
    joining them."""
    return LIST_GAP_RE.fullmatch(gap) or JOINED_GAP_RE.fullmatch(gap)


def spells_initials(acronym: str, names: Sequence[str]) -> bool:
    """True when the capitals of ``acronym`` are the initials of ``names`` in order: ``CM`` (also
    ``ldoCM``, "low dose oral") for "cyclophosphamide and methotrexate"."""
    capitals = "".join(c for c in acronym if c.isupper())
    return len(names) >= 2 and capitals == "".join(name[:1].upper() for name in names)


def _regimen(text: str, agents: Sequence[Candidate], last: int, acronym: str = "") -> list[Candidate]:
    """The regimen whose acronym follows ``agents[last]``: the agents of the list it ends when
    they are written ``A/B`` or ``A-B``, are three or more ("A, B, and C (ABC)"), or when the
    acronym's capitals are their initials ("cyclophosphamide and methotrexate (ldoCM)"); else the
    agent alone, as in "gemcitabine and zidovudine (AZT)"."""
    first, slashed = last, True
    while first > 0 and (gap := regimen_gap(text[agents[first - 1][1] : agents[first][0]])):
        slashed = slashed and gap.group() in ("/", "-")
        first -= 1
    regimen = list(agents[first : last + 1])
    if len(regimen) >= 3 or (slashed and len(regimen) == 2):
        return regimen
    if spells_initials(acronym, [text[s:e] for s, e, _ in regimen]):
        return regimen
    return regimen[-1:]


def _is_part(word: str) -> bool:
    """True for a part of a slashed short name: one capital is enough there (``Flu/Mel``)."""
    return any(c.isupper() for c in word) and is_short_name(word)


# What may stand between the agents a slashed short name follows: a list gap, or a space alone
# ("fludarabine melphalan (FLU/MEL)").
_NEIGHBOUR_GAP_RE = re.compile(rf"[ \t]+|{LIST_GAP_RE.pattern}", re.IGNORECASE)


def _combination(text: str, agents: Sequence[Candidate], last: int, parts: int) -> list[Candidate] | None:
    """The ``parts`` agents written one after the other that end with ``agents[last]``, or None."""
    first = last - parts + 1
    if first < 0 or any(
        _NEIGHBOUR_GAP_RE.fullmatch(text[agents[i][1] : agents[i + 1][0]]) is None for i in range(first, last)
    ):
        return None
    return list(agents[first : last + 1])


def _occurrences(doc: Doc, text: str, pattern: str, flags: int = 0) -> Iterator[tuple[int, int]]:
    """Where ``pattern`` is written as a word of its own (a registered sign's mojibake ``Â®`` may
    follow: ``EVOMELAÂ®``), and not as a measured substance."""
    for match in re.finditer(rf"(?<![\w-]){pattern}(?!(?!Â®)[\w-])", text, flags):
        span = doc.char_span(*match.span())
        if span is not None and not is_measured(doc, span.start, span.end):
            yield match.span()


def _defined_elsewhere(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """The long forms (offsets) of each short form the abbreviation component found defined in the record."""
    definitions = doc._.trialspacy_abbreviation_defs if doc.has_extension("trialspacy_abbreviation_defs") else None
    longs: dict[str, list[tuple[int, int]]] = {}
    for definition in definitions or []:
        longs.setdefault(definition["short_text"], []).append((definition["long"][0], definition["long"][1]))
    return longs


def _names_another(longs: dict[str, list[tuple[int, int]]], word: str, start: int, end: int) -> bool:
    """True when the record defines ``word`` as the short form of a long form other than the agent
    at ``start``-``end``: "castration-resistant metastatic prostate cancer (mCRPC)" before
    "treatment with enzalutamide (mCRPC)" makes the parenthesis the indication, not a short name."""
    return any(not (s < end and start < e) for s, e in longs.get(word, ()))


def alias_spans(doc: Doc, text: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """Every occurrence of a short name defined in parentheses right after an agent of ``found``
    (or after the last agent of a list: the regimen's acronym; or after the agents of a
    combination, slashed like them), or in a PDQ synonym list after the agent, not already taken."""
    # One candidate per stretch of text: the lexicon and the intervention list often give the same.
    spans = {(c[0], c[1]): c for c in found if c[2]["kind"] == "agent"}
    agents = [
        c
        for key, c in sorted(spans.items())
        if not any(s <= key[0] and key[1] <= e and (s, e) != key for s, e in spans)
    ]
    taken = {i for start, end, _ in found for i in range(start, end)}
    elsewhere = _defined_elsewhere(doc)
    defined: dict[str, dict] = {}
    # A combination's slashed short name, lower-cased, with its agents' attributes part by part.
    slashed: dict[str, list[dict]] = {}
    for position, (start, end, attrs) in enumerate(agents):
        match = _ALIAS_RE.match(text, end)
        if (
            match is not None
            and (_is_alias(match.group(1)) or _is_clipped(match.group(1), text[start:end]))
            and match.start(1) not in taken
            and not _names_another(elsewhere, match.group(1), start, end)
        ):
            regimen = _regimen(text, agents, position, match.group(1))
            alias_attrs = attrs
            if len(regimen) > 1:
                names = "/".join(a["normalized"] for _, _, a in regimen)
                alias_attrs = {**attrs, "normalized": names, "drugbank_id": None}
            defined.setdefault(match.group(1), alias_attrs)
            if len(regimen) > 1 and "-" in match.group(1):
                # The acronym is also written without its hyphen ("FEC-D", later "FECD").
                defined.setdefault(match.group(1).replace("-", ""), alias_attrs)
        match = _SLASHED_RE.match(text, end)
        if match is not None and match.start(1) not in taken:
            parts = match.group(1).split("/")
            combination = _combination(text, agents, position, len(parts))
            if combination is not None and all(map(_is_part, parts)):
                slashed.setdefault(match.group(1).lower(), [a for _, _, a in combination])
                for part, (_, _, part_attrs) in zip(parts, combination):
                    defined.setdefault(part, part_attrs)
        match = _SYNONYMS_RE.match(text, end)
        if match is not None:
            for name in _LISTED_NAME_RE.findall(match.group(1)):
                if _is_alias(name):
                    defined.setdefault(name, attrs)
    yielded: set[int] = set()
    for form, parts_attrs in slashed.items():
        for start, _ in _occurrences(doc, text, re.escape(form), re.IGNORECASE):
            for part, part_attrs in zip(text[start : start + len(form)].split("/"), parts_attrs):
                if start not in taken:
                    yielded.add(start)
                    yield start, start + len(part), dict(part_attrs)
                start += len(part) + 1
    for alias, alias_attrs in defined.items():
        for start, end in _occurrences(doc, text, re.escape(alias)):
            if start not in taken and start not in yielded:
                yield start, end, dict(alias_attrs)
