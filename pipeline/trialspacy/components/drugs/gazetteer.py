"""What the record itself says about its agents: the names in its intervention list
(``DRUG: Toripalimab injection combine with Axitinib``), found again across the record, and the
generic names it gives its codes (``Toripalimab injection (JS001)``).

The words of the intervention list that are not names are listed with a reason each in
``data/drug_intervention_words.jsonl``.
"""

import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from ...spans import Candidate
from .codes import is_code
from .formulations import SALTS
from .radiolabels import ISOTOPE_LABEL_RE
from .stems import has_inn_stem
from .vocabulary import vocabulary

_WORDS = vocabulary("drug_intervention_words.jsonl")
# The types whose items the gazetteer read before contract v1.2 made the whole list authoritative
# (kept so that the component's ``authoritative_list = false`` gives that behaviour back).
CORE_TYPES = frozenset(_WORDS["intervention_type"])
# Every intervention type whose items name agents (contract v1.2): the core types, DIETARY_SUPPLEMENT
# and GENETIC, as API v2 and the legacy formats spell them.
# Types whose items are modalities unless they name a radionuclide: then a radiolabelled agent.
RADIOLABEL_TYPES = frozenset(_WORDS["radiolabel_type"])
GAZETTEER_TYPES = CORE_TYPES | frozenset(_WORDS["listed_type"]) | RADIOLABEL_TYPES
# Words that name a dose form, a route, a schedule or a role rather than the agent.
DOSE_FORM_WORDS = frozenset(_WORDS["dose_form"])
# Chunks of items made only of these words are not agents.
NOT_AGENTS = frozenset(_WORDS["not_agent"])
# Chunks with one of these words describe a treatment plan, not an agent ("adjuvant chemotherapy MRD-").
PLAN_WORDS = frozenset(_WORDS["plan"])
# Nouns that end the name of an agent written as a description (``anti-thymocyte globulin``,
# ``bcr-abl peptide vaccine``, ``therapeutic autologous dendritic cells``).
AGENT_HEADS = frozenset(_WORDS["agent_head"])

_ITEM_RE = re.compile(r"^\s*([A-Za-z_ ]+?)\s*:\s*(.+?)\s*$")
# Words and signs that join the agents of a combination listed as one item (a comma between digits
# is no such sign: ``3,4-diaminopyridine``, ``L-743,872``).
_SPLIT_RE = re.compile(
    r"\s*(?:\bcombined?\s+with\b|\bin\s+combination\s+with\b|\bplus\b|\bfollowed\s+by\b|\bversus\b|\bvs\.?(?!\w)"
    r"|\band\b|\bor\b|\bwith\b|\+|＋|&|,(?!\d)|(?<!\d),|;|，|；|、)\s*",
    re.IGNORECASE,
)
# Signs that join agents (``FLU/MEL``, ``Toripalimab (JS001)``) but also the parts of one name
# (``HER-2/neu peptide vaccine``, ``rV-DF3/MUC1``, ``CEA(6D)``): what they set apart is split off,
# but is not taken on the record's word alone (see ``ListedName.whole``).
_INNER_RE = re.compile(r"\s*(?:/|\(|\)|\[|\]|（|）)\s*")
# A radionuclide as registries write it: element (or carrier) name, symbol, mass number
# (``iodine I 131``, ``indium In 111``, ``fludeoxyglucose F 18``, ``phosphorus P32``, ``technetium Tc 99m``).
NUCLIDE_RE = re.compile(r"\b[A-Za-z]{3,}\s+[A-Z][a-z]?\s?-?\d{1,3}m?\b")
# A dose or a bare number, but not the digits of a name (``IL-2``, ``5-FU``, ``LM103``, the
# locants of ``3,4-diaminopyridine``).
DOSE_RE = re.compile(
    r"(?<![\w\-/.])\d+(?:[.,]\d+)?(?![.,]\d)\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:mg|g|mcg|µg|ug|ng|ml|mL|l|iu|IU|units?|u|%|mg/kg|"
    r"mg/m2|mg/m²|auc|gy|cgy)?(?:\s*/\s*(?:kg|m2|m²|day|d|dose|week|wk)){0,2}(?![\w\-])",
    re.IGNORECASE,
)


class ListedName(NamedTuple):
    """An agent name of the intervention list, and whether it is a whole item or a part set apart
    by combination words and signs (``SHR-1316+carboplatin``) rather than cut from a longer name at
    ``/`` or a parenthesis."""

    text: str
    whole: bool


def listed_names(section_text: str, types: frozenset[str] = GAZETTEER_TYPES) -> list[ListedName]:
    """Agent names in an interventions section (``TYPE: name`` items separated by ``|``, ``~`` or
    lines; the type as API v2 writes it, ``DIETARY_SUPPLEMENT``, or as the legacy formats do,
    ``Dietary Supplement``), from items of one of ``types``: each name split at combination
    words and signs (``SHR-1316+carboplatin``, ``FLU/MEL``, ``pemetrexed、carboplatin``), without
    dose forms, doses and routes, without placebo, modalities and laboratory methods."""
    names: dict[str, bool] = {}
    for item in re.split(r"[|\n~]", section_text):
        match = _ITEM_RE.match(item)
        kind = match.group(1).strip().lower() if match else ""
        if not match or kind not in types:
            continue
        labelled = kind in RADIOLABEL_TYPES
        if labelled and not NUCLIDE_RE.search(match.group(2)):
            continue
        # A radiolabelled agent's name is a standard name, longer, with a mass number that is no
        # dose, a symbol that is no dose form (``strontium chloride Sr 89``) and signs of its own
        # (``iodine I 131 monoclonal antibody TNT-1/B``).
        value, longest = (match.group(2), 8) if labelled else (DOSE_RE.sub(" ", match.group(2)), 4)
        for part in _SPLIT_RE.split(value):
            if labelled and not NUCLIDE_RE.search(part):
                continue
            # A hyphen left at a chunk's end by a bracket is no part of the name ("[14C]-TAK-954").
            chunks = [part] if labelled else [c.strip("-") for c in _INNER_RE.split(part)]
            for chunk in chunks:
                words = [w for w in chunk.split() if labelled or w.lower().strip(".") not in DOSE_FORM_WORDS]
                # A salt after one name is the salt form of that name ("Curdlan sulfate", "Cotinine
                # fumarate"): the name is the agent, and the span covers the salt (formulations.py).
                if len(words) == 2 and words[1].lower() in SALTS and words[0].lower() not in SALTS and not labelled:
                    words = words[:1]
                lowered = [w.lower() for w in words]
                if not words or all(w in NOT_AGENTS for w in lowered) or any(w in PLAN_WORDS for w in lowered):
                    continue
                # A single letter is no name (``B`` of ``Vitamin B/C``).
                joined = "".join(words)
                if len(words) > longest or len(joined) < 2 or not any(c.isalpha() for c in joined):
                    continue
                name = " ".join(words)
                names[name] = names.get(name, False) or len(chunks) == 1
    return [ListedName(name, whole) for name, whole in names.items()]


def intervention_names(section_text: str, types: frozenset[str] = GAZETTEER_TYPES) -> list[str]:
    """The names of :func:`listed_names`, in order."""
    return [name.text for name in listed_names(section_text, types)]


def looks_like_name(name: str) -> bool:
    """True for an intervention name that is a proper name rather than a description: a code,
    a word with an inner capital or digit (``Neo-DCVac``, ``LG002``), a radiolabelled agent
    (``indium In 111 pentetreotide``), an INN-style word or a single capitalised word."""
    words = name.split()
    if any(is_code(w) or re.search(r"[A-Za-z][A-Z0-9]", w) for w in words) or NUCLIDE_RE.search(name):
        return True
    return len(words) == 1 and (has_inn_stem(name.lower()) or name[:1].isupper())


def names_agent(name: str, blocked: bool = False) -> bool:
    """True for a whole item of an agent-naming type that the record's word makes an agent
    whatever its case (contract v1.2): one word that the lexicon blocks as often measured
    (``blocked``: ``niacin``, ``calcium``) or that is a chemical name (``2-Fluorodeoxyglucose``,
    ``3,4-diaminopyridine``), or several words ending in a noun of :data:`AGENT_HEADS`
    (``anti-thymocyte globulin``). Other lower-case words are what is left of a description
    (``gene`` of "gene therapy", ``depression`` of "Treatment of depression")."""
    words = name.split()
    if len(words) == 1:
        return blocked or re.search(r"\d|\w-\w", name) is not None
    return words[-1].lower() in AGENT_HEADS


def occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Whole-word, case-insensitive occurrences of ``name`` in ``text``."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w]|-\w)", re.IGNORECASE)
    for match in pattern.finditer(text):
        yield match.span()


# "Toripalimab injection (JS001)" / "JS001 (toripalimab)": a name, optional dose-form words, then
# the other name in parentheses; a tracer's isotope label may be written with the name inside them,
# glued before it or in brackets after it: "Fluciclatide Injection ([18F]AH111585)",
# "Fluciclatide Injection (AH111585 (18F) Injection)".
_DOSE_FORMS = rf"(?:\s+(?:{'|'.join(sorted(re.escape(w) for w in DOSE_FORM_WORDS))}))*"
_LABEL_BEFORE = rf"(?:\[(?:{ISOTOPE_LABEL_RE.pattern})\]\s*)?"
_PAREN_GAP_RE = re.compile(rf"{_DOSE_FORMS}\s*\(\s*{_LABEL_BEFORE}", re.IGNORECASE)
# The same with the words a record defines a name with: "NPI-0052 (also known as marizomib)",
# "CYC, also called Cytoxan" (after a comma the words are required: "A, B" is a list).
_ALIAS = r"(?:also\s+known\s+as|also\s+called|a\.?k\.?a\.?|formerly(?:\s+known\s+as)?|previously\s+known\s+as)"
_ALIAS_GAP_RE = re.compile(rf"{_DOSE_FORMS}\s*(?:\(\s*(?:{_ALIAS}\s+)?{_LABEL_BEFORE}|,\s*{_ALIAS}\s+)", re.IGNORECASE)
# What closes the parenthesis after the other name: its isotope label and dose-form words may come first.
_PAREN_END_RE = re.compile(rf"\s*(?:[(\[]\s*(?:{ISOTOPE_LABEL_RE.pattern})\s*[)\]])?{_DOSE_FORMS}\s*\)", re.IGNORECASE)


# A number of the NCI's Cancer Chemotherapy National Service Center closes the list of an agent's
# names in the outlines of legacy records ("plus Cisplatin, CDDP, NSC-119875"; "Paclitaxel
# (Bristol-Myers), Taxol, TAX, NSC-125973"): it is that agent, not one more of a list.
NSC_RE = re.compile(r"NSC[- ]?\d+", re.IGNORECASE)
# What may stand between the agent and its number: a parenthesis, other names of one word each.
NAME_LIST_GAP_RE = re.compile(r"(?:\s*\([^()]*\))?(?:\s*,\s*[^\s,;.()]+){0,3}\s*,\s*")


def resolve_codes(text: str, found: Sequence[Candidate], aliases: bool = True) -> dict[str, dict[str, Any]]:
    """Generic names the record gives its codes: ``{code lower-case: attrs of the agent}``.

    A code with no known generic name, written in parentheses right after a named agent (or
    the reverse), takes that agent's ``normalized`` and ``drugbank_id``. With ``aliases``
    (contract v1.2: the record's own name wins), the record may also say so in words ("NPI-0052
    (also known as marizomib)", "CYC, also called Cytoxan"), and its name replaces the one the
    lexicon has for the code."""
    gap = _ALIAS_GAP_RE if aliases else _PAREN_GAP_RE
    resolved: dict[str, dict[str, Any]] = {}
    ordered = sorted(found, key=lambda c: (c[0], c[1]))
    for (s1, e1, a1), (s2, e2, a2) in zip(ordered, ordered[1:]):
        match = gap.fullmatch(text, e1, s2)
        if not match or ("(" in match.group() and not _PAREN_END_RE.match(text, e2)):
            continue
        # Said in words, the definition also names an abbreviation ("ganciclovir (also known as DHPG)").
        defined = aliases and re.search(_ALIAS, match.group(), re.IGNORECASE) is not None
        pair = ((text[s1:e1], a1), (text[s2:e2], a2))
        # "indium In 111 pentetreotide (OctreoScan)": the record names the brand's agent.
        branded = aliases and "(" in match.group() and _brand(text[s2:e2], a2, a1)
        for (code, code_attrs), (name, named) in (pair, pair[::-1]):
            if (
                (is_code(code) or (defined and code.isupper() and not name.isupper()) or (branded and code_attrs is a2))
                and (aliases or code_attrs["normalized"] == code.lower())
                and named["kind"] == "agent"
                and not is_code(named["normalized"].upper())
            ):
                resolved[code.lower()] = {"normalized": named["normalized"], "drugbank_id": named["drugbank_id"]}
    if aliases:
        resolved.update(_nsc_numbers(text, ordered, resolved))
    return resolved


# A brand name: one word with a capital first letter and lower-case letters, perhaps its mark.
_BRAND_RE = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*®?")


def _brand(surface: str, attrs: dict[str, Any], named: dict[str, Any]) -> bool:
    """True for a brand in parentheses after an agent, that the lexicon takes for another agent:
    ``OctreoScan`` (``octreotide scan``) in "indium In 111 pentetreotide (OctreoScan)". Not a
    generic name (``Cholecalciferol`` in "vitamin D (Cholecalciferol)" names itself), nor a brand whose
    name already has the agent's (``Doxil``, ``liposomal doxorubicin``, after "doxorubicin")."""
    return (
        _BRAND_RE.fullmatch(surface) is not None
        and attrs["kind"] == "agent"
        and attrs["normalized"] != surface.lower().rstrip("®")
        and named["normalized"] not in attrs["normalized"]
    )


def _nsc_numbers(
    text: str, ordered: Sequence[Candidate], resolved: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """NSC numbers written at the end of an agent's list of names (see ``NSC_RE``), with that
    agent's generic name; ``ordered`` is sorted by offset, ``resolved`` what the record already said."""
    numbers: dict[str, dict[str, Any]] = {}
    for (s1, e1, named), (s2, e2, attrs) in zip(ordered, ordered[1:]):
        number = text[s2:e2]
        if not NSC_RE.fullmatch(number) or attrs["normalized"] != number.lower() or named["kind"] != "agent":
            continue
        named = {**named, **resolved.get(text[s1:e1].lower(), {})}
        if NAME_LIST_GAP_RE.fullmatch(text, e1, s2) and not is_code(named["normalized"].upper()):
            numbers[number.lower()] = {"normalized": named["normalized"], "drugbank_id": named["drugbank_id"]}
    return numbers
