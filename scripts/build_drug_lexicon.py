"""Build the DRUG lexicon: pipeline/trialspacy/data/drug_lexicon.jsonl.gz (+ drug_evidence.jsonl).

Sources (see pipeline/trialspacy/data/DRUG_LEXICON.md for licences and every filtering rule):
- the dictionary shipped in the installed ``drug-named-entity-recognition`` package (MIT);
- the DrugBank open vocabulary in ``<corpora>/lexicons/drugbank_vocabulary.csv.gz`` (CC0);
- curated files in the data folder: drug_codes.jsonl, drug_classes.jsonl, drug_denylist.jsonl;
- the other names that registry records give their interventions (``<corpora>/ctgov_legacy_xml``,
  ``<corpora>/ctgov_samples`` and the repository's ``samples/``; ClinicalTrials.gov records, public
  domain), without the records of the gold documents.
Evidence for the denylist comes from the DEV split of CHIA and LCT (NCT number % 5 != 0).

Usage: python scripts/build_drug_lexicon.py [../shared/corpora]
The output is byte-reproducible for the same inputs and tokenizer.
"""

import argparse
import bz2
import csv
import gzip
import json
import pickle
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from corpora_eval import add_corpora_argument
from spacy.lang.en.stop_words import STOP_WORDS

from trialspacy.brat import read_brat
from trialspacy.components.drugs.codes import CODE_RE, is_code, is_code_lookalike
from trialspacy.components.drugs.context import is_measured
from trialspacy.components.drugs.formulations import product_name
from trialspacy.components.drugs.gazetteer import GAZETTEER_TYPES, RADIOLABEL_TYPES, listed_names
from trialspacy.components.drugs.stems import has_inn_stem
from trialspacy.lexicon import TermIndex, read_jsonl, tokenize_terms, write_jsonl
from trialspacy.tokenizer import blank

REPO = Path(__file__).resolve().parent.parent

DATA = REPO / "pipeline" / "trialspacy" / "data"
MAX_CHARS = 50
MAX_TOKENS = 6  # for the large sources; curated terms may be longer
MAX_CURATED_TOKENS = 14
# A term denied by evidence: seen at least MIN_OUTSIDE times outside gold drug spans on DEV, and
# inside them less than MIN_INSIDE_SHARE of its occurrences. Names that are surely medicines (a
# MedlinePlus drug page, or an INN stem) need stronger evidence, as CHIA leaves many drug mentions
# unannotated.
MIN_OUTSIDE = 2
MIN_INSIDE_SHARE = 0.5
PROTECTED_MIN_OUTSIDE = 5
PROTECTED_MIN_INSIDE_SHARE = 0.2
# A name the package excludes stays only when DEV shows it as a drug this often, and mostly.
EXCLUDED_MIN_INSIDE = 3
# Priority of sources when two give the same tokens (higher wins).
PRIORITY = {
    "drugbank": 0,
    "mesh_class": 1,
    "fds": 2,
    "registry_alias": 3,
    "curated_code": 4,
    "curated_class": 5,
    "deny": 6,
}


@dataclass
class Term:
    """One surface form with what it stands for."""

    surface: str
    normalized: str
    drugbank_id: str | None
    kind: str
    source: str
    case_sensitive: bool = False
    context: str | None = None
    deny: str | None = None
    medicine: bool = False
    excluded: bool = False


def dev_split(nct: str) -> bool:
    """True for documents of the DEV split: NCT number % 5 != 0 (TEST is never used to tune)."""
    match = re.search(r"NCT(\d+)", nct)
    if match is None:
        raise ValueError(f"no NCT number in {nct!r}")
    return int(match.group(1)) % 5 != 0


# --- sources ---------------------------------------------------------------------------------


def package_dictionary() -> dict[str, Any]:
    """The drug-named-entity-recognition dictionary (read directly: importing the package
    would also load its structure and API helpers)."""
    import importlib.util

    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or spec.origin is None:
        raise SystemExit("build_drug_lexicon: the drug-named-entity-recognition package is not installed")
    with bz2.open(Path(spec.origin).parent / "drug_ner_dictionary.pkl.bz2", "rb") as handle:
        return pickle.load(handle)


def drug_like(data: dict[str, Any]) -> bool:
    """Entries of the package dictionary that are drugs: with a DrugBank id, a MedlinePlus
    page or a Wikipedia drug page. Entries known only by a MeSH id are proteins, enzymes,
    receptors and chemical families and are left out."""
    return any(k in data for k in ("drugbank_id", "medline_plus_id", "wikipedia_url"))


# A canonical name of the package qualified in parentheses by an indication, a vehicle or a
# source (``paclitaxel (with polyoxyethylated castor oil)``, ``tolvaptan (kidney disease)``,
# ``insulin glargine (rdna origin)``): the brand names under it are the bare generic.
_QUALIFIED = re.compile(r"(?P<base>.+?) \((?P<qualifier>[^()]+)\)")
# Except the qualifier that makes a product of its own (contract v1.2): albumin-bound forms.
_ALBUMIN_BOUND = "with albumin"
# A canonical name of the package for a route's products (``estrogen vaginal``, ``desmopressin
# nasal``, ``goserelin implant``): the contract drops routes.
_ROUTED = re.compile(
    r"(?P<base>.+?) (?:buccal|implant|inhalation|intramuscular|nasal|ophthalmic|oral|otic|rectal|sublingual"
    r"|subcutaneous|topical|transdermal|vaginal)"
)


def generic_name(name: str, canon: dict[str, Any]) -> tuple[str, str | None]:
    """The generic name and DrugBank id for a canonical name of the package: a name qualified in
    parentheses or by a route whose base is itself a drug-like canonical name becomes that base
    (``paclitaxel (with polyoxyethylated castor oil)`` -> ``paclitaxel``, ``clotrimazole vaginal``
    -> ``clotrimazole``), albumin-bound forms ``nab-`` + base."""
    data = canon[name]
    match = _QUALIFIED.fullmatch(name) or _ROUTED.fullmatch(name)
    base = match.group("base") if match else None
    if base is None or base not in canon or not drug_like(canon[base]):
        return formulation_name(name, canon), data.get("drugbank_id")
    if match is not None and match.groupdict().get("qualifier") == _ALBUMIN_BOUND:
        return f"nab-{base}", data.get("drugbank_id")
    return formulation_name(base, canon), data.get("drugbank_id") or canon[base].get("drugbank_id")


# MedlinePlus names liposomal products "... lipid complex" (Doxil, DaunoXome, DepoCyt, Onivyde,
# Marqibo); the contract names them ``liposomal ...``. Amphotericin B lipid complex (Abelcet) is a
# lipid complex, not liposomes (those are AmBisome's), and a product of its own under that name.
_LIPID_COMPLEX = re.compile(r"(?P<base>.+) lipid complex")
_TRUE_LIPID_COMPLEXES = frozenset({"amphotericin b"})


def formulation_name(name: str, canon: dict[str, Any]) -> str:
    """The package's name of a formulation or a salt as rule 16 names the product written so
    (``albumin-bound paclitaxel`` -> ``nab-paclitaxel``, ``amphotericin b liposomal`` ->
    ``liposomal amphotericin b``, ``megestrol acetate`` -> ``megestrol``), when the parent agent
    is itself a drug-like canonical name (not ``dimethyl`` of ``dimethyl fumarate``), and its
    liposomal products (``doxorubicin lipid complex`` -> ``liposomal doxorubicin``)."""
    lipid = _LIPID_COMPLEX.fullmatch(name)
    if lipid and lipid.group("base") not in _TRUE_LIPID_COMPLEXES:
        return f"liposomal {lipid.group('base')}"
    product = product_name(name, name)
    if product is None:
        return name
    parent = product.removeprefix("liposomal ").removeprefix("nab-")
    return product if parent in canon and drug_like(canon[parent]) else name


def package_terms(dictionary: dict[str, Any]) -> Iterator[Term]:
    """Variants of the package's drug-like canonical names; normalized = the canonical name,
    or its generic name when it is qualified (:func:`generic_name`). A variant made of a name and
    a route (``estrogen vaginal``, ``carmustine implant``) is left out when the name is a variant
    too: the contract keeps routes out of the span, and the name alone is found."""
    canon = dictionary["drug_canonical_to_data"]
    variants = dictionary["drug_variant_to_canonical"]
    for variant, canonicals in sorted(variants.items()):
        data = canon.get(canonicals[0])
        if data is None or not drug_like(data):
            continue
        routed = _ROUTED.fullmatch(variant)
        if routed is not None and routed.group("base") in variants:
            continue  # ``estrogen vaginal``: the route stays out of the span, the name is found alone
        name, ident = generic_name(canonicals[0], canon)
        medicine = "medline_plus_id" in data
        yield Term(variant, name, ident, "agent", "fds", medicine=medicine)
        if data.get("name") and data["name"].lower() == variant:
            yield Term(data["name"], name, ident, "agent", "fds", medicine=medicine)


def uninvert(name: str) -> str:
    """MeSH's inverted heading in reading order: ``analgesics, opioid`` -> ``opioid analgesics``."""
    head, sep, modifier = name.partition(", ")
    return f"{modifier} {head}" if sep and "," not in modifier else name


# MeSH Pharmacologic Actions that are not named drug classes in trial text: generic ("anticancer
# agents" is the contract's generic "anticancer therapy"), laboratory tools, dose forms, effects.
MESH_CLASS_EXCLUDED = frozenset(
    {
        "antineoplastic agents",
        "immunologic factors",
        "enzyme inhibitors",
        "enzyme activators",
        "dialysis solutions",
        "hemodialysis solutions",
        "ophthalmic solutions",
        "lubricant eye drops",
        "dna probes",
        "hla dna probes",
        "hpv dna probes",
        "rna probes",
        "molecular probes",
        "oligonucleotide probes",
        "fluorescent chemosensor compounds",
        "neuronal tract-tracers",
        "agglutinins",
        "hemagglutinins",
        "mitogens",
        "growth inhibitors",
        "growth substances",
        "plant growth regulators",
        "insect repellents",
        "sunscreening agents",
        "antifoaming agents",
        "cryoprotective agents",
        "dental disinfectants",
        "membrane transport modulators",
        "performance-enhancing substances",
        "historical stimulants",
        "endothelium-dependent relaxing factors",
        "peptidomimetics",
        "uncoupling agents",
        "siderophores",
        "proton ionophores",
        "potassium ionophores",
        "sodium ionophores",
        "calcium ionophores",
        "coccidiostats",
        "senotherapeutics",
        "parenteral nutrition solutions",
        "cardioplegic solutions",
        "sclerosing solutions",
        "plasma substitutes",
        "intravenous fat emulsions",
    }
)


def mesh_class_terms(dictionary: dict[str, Any]) -> Iterator[Term]:
    """Variants of the package's entries known only by MeSH under Pharmacologic Actions
    (tree D27.505: ``cyclooxygenase 2 inhibitors``, ``analgesics, opioid``) as classes,
    normalized = the heading in reading order; without MESH_CLASS_EXCLUDED and "... effect(s)"."""
    canon = dictionary["drug_canonical_to_data"]
    for variant, canonicals in sorted(dictionary["drug_variant_to_canonical"].items()):
        data = canon.get(canonicals[0])
        if data is None or drug_like(data) or uninvert(canonicals[0]) in MESH_CLASS_EXCLUDED:
            continue
        if re.search(r"\beffects?$", variant):
            continue
        if any(tree.startswith("D27.505") for tree in data.get("mesh_tree", [])):
            for surface in inflections(variant):
                yield Term(surface, uninvert(canonicals[0]), None, "class", "mesh_class")


# Names the package excludes that are medicines whose name is neither an ordinary word nor a
# substance trial text mostly measures: they stay (a DrugBank row like any other, subject to DEV
# evidence). With "therapy", names that text also measures or that are endogenous (``inulin
# clearance``, ``serum thiamine``, ``adenosine deaminase``): a drug only where given (rule 15).
# The other exclusions (sugars, elements, amino acids, solvents, ``amber``, ``ether``, ``LYE``,
# ``frankincense``) stay excluded.
RESTORED_EXCLUSIONS: dict[str, str | None] = {
    **dict.fromkeys(
        (
            "acriflavine",
            "antipyrine",
            "berberine",
            "capsaicin",
            "cyanamide",
            "desoxycorticosterone",
            "diethylstilbestrol",
            "dihydrotachysterol",
            "diosmin",
            "genistein",
            "glucosamine",
            "gossypol",
            "gramicidin",
            "hemin",
            "hexestrol",
            "ipecac",
            "lindane",
            "pancreatin",
            "phenolphthalein",
            "podophyllotoxin",
            "polyethylene glycol 3350",
            "procaine",
            "proflavine",
            "senna",
            "tubocurarine",
        ),
        None,
    ),
    **dict.fromkeys(
        (
            "adenosine",
            "fluorescein",
            "glutathione",
            "inulin",
            "lutein",
            "magnesium",
            "phosphocreatine",
            "potassium",
            "riboflavin",
            "thiamine",
        ),
        "therapy",
    ),
}


def package_exclusions(dictionary: dict[str, Any]) -> set[str]:
    """Names the package keeps data for but does not match (``gold``, ``lead``, ``glucose``,
    ``creatinine``, elements, endogenous substances, some hormones): its curators' exclusions,
    less the medicines of RESTORED_EXCLUSIONS."""
    excluded = set(dictionary["drug_variant_to_variant_data"]) - set(dictionary["drug_variant_to_canonical"])
    return excluded - set(RESTORED_EXCLUSIONS)


# DrugBank's block of biologic extracts (DB10000-DB10999): vaccine antigens and allergenic
# extracts, the latter named by the food, plant, animal or material they are made of (``Squash``,
# ``Perch``, ``Cotton``, ``Sage``, ``Duck``). Such a name in plain words (no CAS number, not a
# vaccine or antigen) is an ordinary word first: a drug only where given (rule 15), not in "frozen
# section or squash preparation".
_EXTRACT_BLOCK = ("DB10000", "DB11000")
_PLAIN_WORDS_RE = re.compile(r"[A-Za-z]+(?: [a-z]+)?")
_ANTIGEN_RE = re.compile(r"\b(?:vaccines?|antigens?|toxoids?|virus|viruses|strain)\b", re.IGNORECASE)


def allergenic_extract(row: dict[str, str]) -> bool:
    """True for a DrugBank row of an extract named by a plain word (see _EXTRACT_BLOCK)."""
    ident = row["DrugBank ID"]
    if not _EXTRACT_BLOCK[0] <= ident < _EXTRACT_BLOCK[1] or row["CAS"] or row["Standard InChI Key"]:
        return False
    return _ANTIGEN_RE.search(row["Common name"] + " " + row["Synonyms"]) is None


def drugbank_terms(path: Path, dictionary: dict[str, Any]) -> Iterator[Term]:
    """Common names and synonyms of the DrugBank vocabulary. normalized = the package's
    canonical name for the same DrugBank id when there is exactly one, else the common name.
    Names the package excludes are marked (see :func:`package_exclusions`)."""
    excluded = package_exclusions(dictionary)
    canon = dictionary["drug_canonical_to_data"]
    by_id: dict[str, list[str]] = {}
    for name, data in canon.items():
        if "drugbank_id" in data and drug_like(data):
            by_id.setdefault(data["drugbank_id"], []).append(name)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ident = row["DrugBank ID"]
            known = by_id.get(ident, [])
            normalized = generic_name(known[0], canon)[0] if len(known) == 1 else row["Common name"].lower()
            names = [row["Common name"]] + [s for s in row["Synonyms"].split(" | ") if s]
            extract = allergenic_extract(row)
            for surface in names:
                lower = surface.lower()
                gated = extract and _PLAIN_WORDS_RE.fullmatch(surface) is not None
                yield Term(
                    surface,
                    normalized,
                    ident,
                    "agent",
                    "drugbank",
                    context="therapy" if gated else RESTORED_EXCLUSIONS.get(lower),
                    excluded=lower in excluded,
                )


# The radionuclide of a labelled agent as registries name it (``iodine I 131``, ``indium In 111
# pentetreotide``, ``fludeoxyglucose F 18``): DrugBank writes ``iodine i-131``. Symbols of the
# elements used in radiopharmaceuticals, so that ``il-2`` or ``cytochrome p-450`` stay as they are.
_NUCLIDE_HYPHEN = re.compile(
    r"(?<= )(ac|at|au|ba|bi|c|co|cr|cs|cu|er|f|fe|ga|h|ho|i|in|k|kr|lu|n|o|p|pb|ra|rb|re|s|se|sm|sr|tc|th|tl|xe|y|zr)"
    r"-(\d{1,3}m?)\b"
)


def nuclide_spacing(name: str) -> str:
    """``iodine i-131 monoclonal antibody 81c6`` -> ``iodine i 131 monoclonal antibody 81c6``
    (mass numbers up to 300, see ``_NUCLIDE_HYPHEN``)."""
    return _NUCLIDE_HYPHEN.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if int(m.group(2).rstrip("m")) <= 300 else m.group(), name
    )


def code_generic_names(path: Path, dictionary: dict[str, Any]) -> dict[str, str]:
    """Canonical names of the package that are codes, with the generic name DrugBank gives the
    same DrugBank id (``medi3506`` -> ``tozorakimab``, ``sgn-30`` -> ``brentuximab``): the
    contract normalizes a code with a known generic name to that name."""
    codes = {
        data["drugbank_id"]: name
        for name, data in dictionary["drug_canonical_to_data"].items()
        if "drugbank_id" in data and drug_like(data) and is_code(name.upper())
    }
    renamed: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = codes.get(row["DrugBank ID"])
            if code and not is_code(row["Common name"].upper()):
                renamed[code] = row["Common name"].lower()
    return renamed


# A code of letters and a number (``ZD1839``, ``STI-571``, ``PS 341``): sponsors and registries
# write the same code with a hyphen, a space or neither between the two.
_LETTERS_NUMBER = re.compile(r"(?P<letters>[A-Za-z]{2,6})[- ]?(?P<number>\d{2,7}[A-Za-z]?)")


# A radionuclide as the lexicon names it (``iodine i 125``, ``radium ra 223``), and a word with a number.
_RADIONUCLIDE = re.compile(r"\b[a-z]{1,2} \d{1,3}m?\b")
_WORD_NUMBER = re.compile(r"[a-z]{4,}[- ]?\d+")


def code_spellings(code: str) -> set[str]:
    """``code`` and its other spellings: ``ZD1839``, ``ZD-1839``, ``ZD 1839``. With a space only
    for a number of three digits or more (``AT 10`` is also "at 10")."""
    match = _LETTERS_NUMBER.fullmatch(code)
    if match is None:
        return {code}
    letters, number = match.group("letters", "number")
    spellings = {code, letters + number, f"{letters}-{number}"}
    if sum(c.isdigit() for c in number) >= 3:
        spellings.add(f"{letters} {number}")
    return spellings


def coded_generics(terms: Sequence[Term]) -> Iterator[Term]:
    """The other spellings (:func:`code_spellings`) of the large sources' codes that name an agent
    with a generic name (``ZD1839`` -> ``gefitinib``), so that each spelling finds it. A code
    without a generic name is found by its shape and normalized as written."""
    for term in terms:
        if term.kind != "agent" or not is_code(term.surface.upper()) or is_code(term.normalized.upper()):
            continue
        if _RADIONUCLIDE.search(term.normalized) or _WORD_NUMBER.fullmatch(term.surface):
            continue  # an isotope (``iodine-125``, ``ra-223``), a word and a number (``copper63``)
        for surface in sorted(code_spellings(term.surface) - {term.surface}):
            yield Term(surface, term.normalized, term.drugbank_id, "agent", term.source, medicine=term.medicine)


def curated_codes(known: dict[str, Term]) -> Iterator[Term]:
    """Codes of data/drug_codes.jsonl, with and without their hyphen or space (see
    :func:`code_spellings`); normalized and DrugBank id as the lexicon has them for the generic
    name (``apatinib`` -> ``rivoceranib``)."""
    for row in read_jsonl(DATA / "drug_codes.jsonl"):
        generic = known.get(row["normalized"])
        normalized = generic.normalized if generic else row["normalized"]
        ident = generic.drugbank_id if generic else None
        code = row["code"]
        spellings = {code, code.replace("-", ""), code.replace(" ", ""), code.replace(" ", "-")}
        for surface in sorted(spellings | code_spellings(code)):
            yield Term(surface, normalized, ident, "agent", "curated_code")


def inflections(variant: str) -> list[str]:
    """The variant and the other number of its last word (inhibitor/inhibitors, antibody/antibodies)."""
    head, _, last = variant.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("ies") and len(last) > 4:
        other = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        other = last[:-1]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        other = last[:-1] + "ies"
    else:
        other = last + "s"
    return [variant, prefix + other]


def curated_classes(known: dict[str, Term]) -> Iterator[Term]:
    """Classes and named cell products of data/drug_classes.jsonl."""
    for row in read_jsonl(DATA / "drug_classes.jsonl"):
        generic = known.get(row["normalized"]) if row["kind"] == "agent" else None
        ident = row.get("drugbank") or (generic.drugbank_id if generic else None)
        inflect = row.get("inflect", True)
        for variant in row["variants"]:
            for surface in inflections(variant) if inflect else [variant]:
                yield Term(surface, row["normalized"], ident, row["kind"], "curated_class", context=row.get("context"))
        for surface in row["cased"]:
            yield Term(surface, row["normalized"], ident, row["kind"], "curated_class", True, row.get("context"))


def curated_denials() -> Iterator[Term]:
    """Blockers of data/drug_denylist.jsonl."""
    for row in read_jsonl(DATA / "drug_denylist.jsonl"):
        yield Term(row["term"], "", None, "", "deny", row.get("cased", False), deny="curated")


# --- filters ---------------------------------------------------------------------------------

_BAD_CHARS = re.compile(r"[\[\]{}();:,=<>@#$%^*|\"?!&]")
_LOCANT = re.compile(r"\d'?[,-]")
_COMBINATION = re.compile(r"/| and | with | in |\bw/")


def shape_ok(surface: str) -> bool:
    """Surface forms that can be written in trial text as a drug name: 3 to 50 characters,
    no brackets or punctuation of chemical or inverted names (``beta, trastuzumab``), not a
    spelled-out combination (``ezetimibe/atorvastatin``), not an IUPAC-style name with two or
    more locants, not a number."""
    if not 3 <= len(surface) <= MAX_CHARS or _BAD_CHARS.search(surface):
        return False
    if _COMBINATION.search(surface.lower()) or len(_LOCANT.findall(surface)) >= 2:
        return False
    return any(c.isalpha() for c in surface) and not re.fullmatch(r"[\d\W]+\w?", surface)


def ambiguous_abbreviation(term: Term) -> bool:
    """Letters-only capitals of up to five letters from the large sources (``SCC``, ``DES``,
    ``CET``): in trial text these are mostly other abbreviations (squamous cell carcinoma, ...).
    Drug abbreviations that are used in trials come from the curated code list instead."""
    return term.source in ("fds", "drugbank") and re.fullmatch(r"[A-Z]{2,5}s?", term.surface) is not None


def case_rule(term: Term) -> Term:
    """Short forms and capitals are matched case-sensitively: a surface of three characters or
    fewer, one written in capitals (``MTX``, ``ATRA``, ``5-FU``) of at most six letters, or one
    with another capital after its first letter (``SAMe``, ``hCG``, ``Iodine I 131``). A capital that
    starts a later word of lower-case letters is title case, as DrugBank writes many synonyms
    (``L-Thyroxine``, ``Interferon Beta-1a``), not an abbreviation: trial text writes those names
    in any case. Lower-case short forms (the package lower-cases everything) are matched in capitals."""
    surface = term.surface
    letters = [c for c in surface if c.isalpha()]
    capitals = letters and all(c.isupper() for c in letters) and len(letters) <= 6
    title = [not surface[i - 1].isalpha() and surface[i + 1 : i + 2].islower() for i in range(1, len(surface))]
    inner = any(c.isupper() and not starts_word for c, starts_word in zip(surface[1:], title))
    mixed = inner and any(c.islower() for c in letters)
    if term.case_sensitive or capitals or mixed:
        term.case_sensitive = True
    elif len(term.surface) <= 3:
        term.case_sensitive = True
        if term.surface == term.surface.lower():
            term.surface = term.surface.upper()
    return term


# --- evidence --------------------------------------------------------------------------------


# Gold labels that mark a drug mention.
DRUG_LABELS = frozenset({"Drug", "Drug-Name"})
# Gold labels of regions whose drug mentions were not annotated separately (CHIA's meta labels for
# criteria it could not encode, LCT's treatments written as procedures): no evidence either way.
NO_EVIDENCE_LABELS = frozenset(
    {
        "Non-query-able",
        "Competing_trial",
        "Post-eligibility",
        "Not_a_criteria",
        "Parsing_Error",
        "Context_Error",
        "Grammar_Error",
        "Undefined_semantics",
        "Non-representable",
        "Subjective_judgement",
        "Informed_consent",
        "Intoxication_considerations",
        "Procedure",
        "Procedure-Name",
        "Allergy",
        "Allergy-Name",
        "Study",
        "Contraindication",
        "Immunization",
        "Immunization-Name",
    }
)


def dev_documents(corpora: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Texts of the CHIA and LCT DEV documents with their gold entities ``(start, end, label)``
    (CHIA discontinuous entities by their full extent)."""
    paths = sorted((corpora / "chia" / "chia_without_scope").glob("*.ann"))
    paths += sorted((corpora / "lct" / "brat").glob("*/*.ann"))
    for path in paths:
        if dev_split(path.name):
            doc = read_brat(path)
            if doc.text:
                yield doc.text, [(e.start, e.end, e.label) for e in doc.entities]


def judge(start: int, end: int, gold: Sequence[tuple[int, int, str]]) -> str | None:
    """'in' when a match overlaps a gold drug; None (no evidence) when it lies in a region whose
    drugs were not annotated; else 'out' (annotated as something else, or not at all)."""
    labels = {label for s, e, label in gold if s < end and start < e}
    if labels & DRUG_LABELS:
        return "in"
    return None if labels & NO_EVIDENCE_LABELS else "out"


def gather_evidence(nlp: Any, index: TermIndex, corpora: Path) -> dict[tuple, Counter]:
    """For every lexicon entry matched on DEV (as the component matches: longest first, not
    where measured), how often the match is judged 'in' or 'out' (see :func:`judge`)."""
    counts: dict[tuple, Counter] = {}
    texts = list(dev_documents(corpora))
    for (_, gold), doc in zip(texts, nlp.tokenizer.pipe(t for t, _ in texts)):
        for start, end, payload in index.find(doc):
            if is_measured(doc, start, end):
                continue
            verdict = judge(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), gold)
            if verdict:
                counts.setdefault(payload["_key"], Counter())[verdict] += 1
    return counts


def evidence_denies(term: Term, inside: int, outside: int) -> bool:
    """True when DEV evidence says the term is mostly not a drug (see MIN_OUTSIDE), or when the
    package excludes the name and DEV does not show it mostly as a drug (EXCLUDED_MIN_INSIDE)."""
    if term.excluded and not (inside >= EXCLUDED_MIN_INSIDE and inside >= outside):
        return True
    protected = term.medicine or has_inn_stem(term.surface.lower())
    least, share = (PROTECTED_MIN_OUTSIDE, PROTECTED_MIN_INSIDE_SHARE) if protected else (MIN_OUTSIDE, MIN_INSIDE_SHARE)
    return outside >= least and inside / (inside + outside) < share


# --- registry aliases ------------------------------------------------------------------------


@dataclass
class RegistryRecord:
    """What the alias mining reads of one registry record: its interventions, each as its type
    and its names (the name, then the other names the record lists for it), the names of who runs
    it (sponsors, officials and their affiliations, sites), and its text (for telling ordinary
    words from brands)."""

    nct: str
    title: str
    interventions: list[tuple[str, list[str]]]
    people: list[str]
    text: str


def legacy_records(path: Path) -> Iterator[RegistryRecord]:
    """Records of a zip of legacy XML files (``clinical_study``, AllPublicXML's layout):
    ``intervention/{intervention_type,intervention_name,other_name}``."""
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".xml"):
                continue
            root = ElementTree.fromstring(archive.read(name))
            interventions = [
                (
                    item.findtext("intervention_type") or "",
                    [item.findtext("intervention_name") or ""] + [o.text or "" for o in item.findall("other_name")],
                )
                for item in root.findall("intervention")
            ]
            people = [e.text or "" for e in root.iterfind("sponsors/*/agency")]
            people += [e.text or "" for e in root.iterfind("overall_official/last_name")]
            people += [e.text or "" for e in root.iterfind("overall_official/affiliation")]
            people += [e.text or "" for e in root.iterfind("location/facility/name")]
            title = (root.findtext("brief_title") or "").strip()
            yield RegistryRecord(
                root.findtext("id_info/nct_id") or "", title, interventions, people, " ".join(root.itertext())
            )


def api_v2_records(path: Path) -> Iterator[RegistryRecord]:
    """Records of a JSON-lines file of API v2 studies: ``interventions[].{type,name,otherNames}``."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            section = json.loads(line)["protocolSection"]
            module = section.get("armsInterventionsModule", {})
            interventions = [
                (item.get("type", ""), [item.get("name", "")] + item.get("otherNames", []))
                for item in module.get("interventions", [])
            ]
            sponsors = section.get("sponsorCollaboratorsModule", {})
            contacts = section.get("contactsLocationsModule", {})
            people = [s.get("name", "") for s in [sponsors.get("leadSponsor", {}), *sponsors.get("collaborators", [])]]
            people += [o.get(key, "") for o in contacts.get("overallOfficials", []) for key in ("name", "affiliation")]
            people += [site.get("facility", "") for site in contacts.get("locations", [])]
            ident = section["identificationModule"]
            yield RegistryRecord(ident["nctId"], ident.get("briefTitle", "").strip(), interventions, people, "")


def aact_records(path: Path) -> Iterator[RegistryRecord]:
    """Records of an AACT-style interventions table (``nct_id``, ``intervention_type``, ``name``
    written ``Type: name``): names only, whose parentheses may hold another name."""
    by_record: dict[str, list[tuple[str, list[str]]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            name = row["name"].partition(": ")[2] or row["name"]
            by_record.setdefault(row["nct_id"], []).append((row["intervention_type"] or "", [name]))
    for nct, interventions in sorted(by_record.items()):
        yield RegistryRecord(nct, "", interventions, [], "")


def gold_records() -> tuple[set[str], set[str]]:
    """NCT ids and titles (a document's first line) of the gold documents and of their sources,
    whose records the mining leaves out so that the gold stays a fair test."""
    ids: set[str] = set()
    titles: set[str] = set()
    paths = sorted((REPO / "annotations" / "gold").glob("**/*.jsonl"))
    paths += sorted((REPO / "annotations" / "source").glob("*.jsonl"))
    for path in paths:
        for row in read_jsonl(path):
            ids.update(re.findall(r"NCT\d{8}", row["id"]))
            titles.add(row["text"].split("\n", 1)[0].strip())
    return ids, titles


def registry_records(corpora: Path) -> Iterator[RegistryRecord]:
    """The registry records of the corpora and of the repository's samples, without the gold's."""
    records: list[Iterator[RegistryRecord]] = [
        legacy_records(corpora / "ctgov_legacy_xml" / "AllPublicXML_6786.zip"),
        api_v2_records(corpora / "ctgov_samples" / "nsclcbench_ctg_studies.jsonl.gz"),
        aact_records(corpora / "ctgov_samples" / "ctrialsgov_tbl_join_sample_inter.jsonl.gz"),
    ]
    records += [api_v2_records(path) for path in sorted((REPO / "samples").glob("ctgov_v2_*.jsonl*"))]
    ids, titles = gold_records()
    for source in records:
        for record in source:
            if record.nct not in ids and record.title not in titles:
                yield record


# The types whose items name one agent each (not RADIATION's modalities).
_ALIAS_TYPES = GAZETTEER_TYPES - RADIOLABEL_TYPES
# "Osimertinib (AZD9291)", "Hemospan (MP4OX)": a name and, in parentheses, another.
_NAMED_PAIR_RE = re.compile(r"(?P<first>[^()]+?)\s*\(\s*(?P<second>[^()]+?)\s*\)")
# A registered or trademark sign after a name, and quotes around it: not part of the name.
_MARKS_RE = re.compile(r"^[\"'\s]+|(?:\s*(?:®|™|\(R\)|\(TM\)|TM\b))*[\"'\s]*$")
# A brand: one word of five letters or more, capitalised, perhaps camel-case or hyphenated
# (``Carboplat``, ``DepoCyt``, ``Solu-Cortef``), or of six capitals or more (``HYLENEX``; shorter
# capitals are mostly abbreviations, see rule 5, or a sponsor's name: ``KYOWA``).
_BRAND_SHAPE_RE = re.compile(r"[A-Z](?:[A-Za-z]{4,}(?:-[A-Za-z]{2,})*)(?<![A-Z]{5})|[A-Z]{6,}")
# A mined code has a number of three digits or more: ``RO-43`` is what is left of "Ro 43-780"
# listed as two names.
_THREE_DIGITS_RE = re.compile(r"\d{3}")
# Words of an intervention that is a control: every name listed with it is suspect
# ("Placebo", other name ``TrophAmine``: the vehicle, not the agent).
_CONTROL_RE = re.compile(r"\b(?:placebos?|vehicle|sham|saline)\b", re.IGNORECASE)
# A word written in lower case this often in the records' text is an ordinary word, not a brand.
ORDINARY_MIN_LOWER = 2


def _names_of(name: str) -> list[str]:
    """The names an intervention's name field holds: itself, or the two of ``A (B)``; without
    trademark signs and quotes."""
    pair = _NAMED_PAIR_RE.fullmatch(name.strip())
    names = [pair.group("first"), pair.group("second")] if pair else [name]
    return [_MARKS_RE.sub("", n) for n in names]


def _listed_agent(kind: str, name: str, agents: dict[str, set[str]]) -> str | None:
    """The generic name of an agent the lexicon knows, when ``name`` is one such agent as the
    gazetteer reads an item (dose forms, doses and routes left out; not a combination)."""
    listed = listed_names(f"{kind}: {name}", GAZETTEER_TYPES)
    if len(listed) != 1 or not listed[0].whole:
        return None
    generics = agents.get(listed[0].text.lower(), set())
    return next(iter(generics)) if len(generics) == 1 else None


def _intervention_agent(kind: str, written: Sequence[str], agents: dict[str, set[str]]) -> str | None:
    """The agent an intervention names (``written``: its names, the intervention's own first):
    its own name's generic name, else the one generic its other names agree on. The other names
    may name another agent with the same one (``omacetaxine mepesuccinate``, ``homoharringtonine``)
    or a wrong one (``sargramostim``, ``M-CSF``): the intervention's own name decides."""
    generics = [_listed_agent(kind, n, agents) for n in written]
    if generics[0] is not None:
        return generics[0]
    found = {g for g in generics if g is not None}
    return found.pop() if len(found) == 1 else None


def _is_alias_shape(surface: str) -> bool:
    """A code with a number of three digits or more, or a brand (see ``_BRAND_SHAPE_RE``)."""
    if is_code(surface):
        return _THREE_DIGITS_RE.search(surface) is not None
    return _BRAND_SHAPE_RE.fullmatch(surface) is not None


def _name_words(name: str) -> set[str]:
    """The words of a person's or an organisation's name and its runs of words written together,
    lower-case (``Novo Nordisk A/S``: ``novo``, ``nordisk``, ``novonordisk``, ...)."""
    words = re.findall(r"[\w-]+", name.lower())
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _alias_key(surface: str) -> str:
    """One key for the spellings of a name: ``LY231514``, ``LY-231514``, ``ly 231514``."""
    return re.sub(r"[-\s]", "", surface.lower())


def registry_aliases(records: Iterator[RegistryRecord], terms: Sequence[Term]) -> list[Term]:
    """Codes and brands the lexicon lacks, with the generic name of the agent whose other name a
    registry record lists them as (DRUG_LEXICON.md, "Registry aliases"): a code or a brand (see
    :func:`_is_alias_shape`) unknown to the lexicon (or known as a code without a generic name),
    written alone as one of the names of an intervention that names one agent with a generic name
    (:func:`_intervention_agent`); a code also in its other spellings (:func:`code_spellings`).
    Left out: a name listed with two generics (in any spelling), or with a control that names no
    agent (``Placebo``, other name ``TrophAmine``); a brand written in lower case in the records'
    text (an ordinary word: ``Epilepsy``), or in the name of who runs a trial (a sponsor: ``Bayer``,
    ``NovoNordisk``; a person or a site: ``Teresa``), or of which a hyphenated part is a term of its
    own (``Sandostatin-LAR``)."""
    known: dict[str, list[Term]] = {}
    for term in terms:
        known.setdefault(term.surface.lower(), []).append(term)
    # Surfaces that are only agents, with their generic names (none for a code named as written).
    agents = {
        surface: {t.normalized for t in found if not is_code(t.normalized.upper())}
        for surface, found in known.items()
        if all(t.kind == "agent" and not t.deny for t in found)
    }
    votes: dict[str, set[str]] = {}
    surfaces: dict[str, set[str]] = {}
    contested: set[str] = set()
    lower_words: Counter[str] = Counter()
    people: set[str] = set()
    for record in records:
        lower_words.update(re.findall(r"(?<![\w-])[a-z][a-z-]{3,}(?![\w-])", record.text))
        for name in record.people:
            people |= _name_words(name)
        for kind, names in record.interventions:
            if kind.lower() not in _ALIAS_TYPES:
                continue
            written = [n for name in names for n in _names_of(name)]
            candidates = [
                n for n in written if (n.lower() not in known or agents.get(n.lower()) == set()) and _is_alias_shape(n)
            ]
            if any(_CONTROL_RE.search(name) for name in names):
                # A control's other names are the vehicle's, unless it is an agent's placebo
                # ("Megestrol Acetate Placebo"); either way they name no agent here.
                if _intervention_agent(kind, [_CONTROL_RE.sub(" ", n) for n in written], agents) is None:
                    contested.update(_alias_key(n) for n in candidates)
                continue
            generic = _intervention_agent(kind, written, agents)
            for surface in candidates if generic is not None else []:
                votes.setdefault(_alias_key(surface), set()).add(generic)
                surfaces.setdefault(_alias_key(surface), set()).add(surface)
    by_generic = {
        t.normalized: t for t in terms if t.kind == "agent" and not t.deny and t.surface.lower() == t.normalized
    }
    out: list[Term] = []
    for key, generics in sorted(votes.items()):
        if len(generics) != 1 or key in contested:
            continue
        generic = generics.pop()
        named = by_generic.get(generic)
        spellings: set[str] = set()
        for surface in surfaces[key]:
            if is_code(surface):
                spellings |= code_spellings(surface)
            elif not _ordinary(surface, lower_words, people, known):
                spellings.add(surface)
        for surface in sorted(spellings):
            out.append(Term(surface, generic, named.drugbank_id if named else None, "agent", "registry_alias"))
    return out


def _ordinary(brand: str, lower_words: Counter[str], people: set[str], known: dict[str, list[Term]]) -> bool:
    """True for a brand-shaped name that is an ordinary word (written in lower case in the
    records' text), a word of who runs a trial, or a hyphenation with a term of its own."""
    lower = brand.lower()
    parts = lower.split("-")
    return (
        lower_words[lower] >= ORDINARY_MIN_LOWER
        or lower.replace("-", "") in people
        or (len(parts) > 1 and any(part in known for part in parts))
    )


# --- build -----------------------------------------------------------------------------------


def collect(corpora: Path) -> list[Term]:
    """All terms of all sources, filtered by shape and case rules."""
    dictionary = package_dictionary()
    vocabulary = corpora / "lexicons" / "drugbank_vocabulary.csv.gz"
    terms = list(package_terms(dictionary))
    terms += drugbank_terms(vocabulary, dictionary)
    terms = [t for t in terms if shape_ok(t.surface) and not _lookalike(t.surface) and not ambiguous_abbreviation(t)]
    renamed = code_generic_names(vocabulary, dictionary)
    for term in terms:
        term.normalized = nuclide_spacing(renamed.get(term.normalized, term.normalized))
    terms += locant_free(terms)
    terms += [t for t in coded_generics(terms) if not _lookalike(t.surface)]
    known: dict[str, Term] = {}
    for term in terms:
        known.setdefault(term.surface.lower(), term)
    curated = list(curated_classes(known))
    terms += align_classes([t for t in mesh_class_terms(dictionary) if shape_ok(t.surface)], curated)
    terms += curated_codes(known)
    terms += curated
    terms += curated_denials()
    terms += registry_aliases(registry_records(corpora), terms)
    terms += greek_spellings(terms)
    return [case_rule(t) for t in terms]


# Greek letters in drug names, as the sources spell them and as registries type them: the letter
# written out (``interferon beta-1a``, ``interferon alfa-2a``), its symbol (``β``, ``α``), and for
# beta the German sharp s that stands in for it on many keyboards (``interferon ß-1a``).
_GREEK_WORD_RE = re.compile(r"(?<![a-z])(alpha|alfa|beta|gamma|α|β|ß|γ)(?=[-\s\d]|$)")
_GREEK_SPELLINGS = {
    "alpha": ("α",),
    "alfa": ("α",),
    "α": ("alpha",),
    "beta": ("β", "ß"),
    "β": ("beta", "ß"),
    "ß": ("beta", "β"),
    "gamma": ("γ",),
    "γ": ("gamma",),
}


def greek_spellings(terms: Sequence[Term]) -> list[Term]:
    """The terms with a Greek letter written the other ways (see ``_GREEK_SPELLINGS``), each as a
    term of its own with the same attributes, blockers included (``interferon β-1a`` ->
    ``interferon beta-1a``, ``interferon ß-1a``); a symbol before a number also without the hyphen
    (``interferon α2a``). Where a spelling is a term already, or the spelling of several, the
    priority of sources decides as for any two terms of the same words (a blocker's spelling still
    blocks: ``interferon γ`` of the blocked ``interferon gamma``)."""
    seen: set[tuple[str, str, str | None, str]] = set()
    out: list[Term] = []
    for term in terms:
        lower = term.surface.lower()
        match = _GREEK_WORD_RE.search(lower)
        if match is None:
            continue
        head, letter, tail = term.surface[: match.start()], match.group(1), term.surface[match.end() :]
        for other in _GREEK_SPELLINGS[letter]:
            spellings = {head + other + tail}
            if len(other) == 1 and re.match(r"-\d", tail):
                spellings.add(head + other + tail[1:])
            for surface in sorted(spellings):
                key = (surface.lower(), term.source, term.deny, term.normalized)
                if key not in seen:
                    seen.add(key)
                    out.append(replace(term, surface=surface))
    return out


# A chemical name written with a locant (``5-ethynyluracil``, ``9-nitrocamptothecin``), which older
# trial text drops ("fluorouracil and ethynyluracil", "treated with nitrocamptothecin").
LOCANT_RE = re.compile(r"\d{1,2}-([a-z]{8,})")


def locant_free(terms: Sequence[Term]) -> list[Term]:
    """The agents of ``terms`` written with a locant (see ``LOCANT_RE``) without it, when the bare
    word is no term of its own and names one agent (not ``aminophenol``, of ``2-`` and ``4-aminophenol``)."""
    surfaces = {term.surface.lower() for term in terms}
    bare: dict[str, list[Term]] = {}
    for term in terms:
        match = LOCANT_RE.fullmatch(term.surface.lower())
        if match and term.kind == "agent" and match.group(1) not in surfaces:
            bare.setdefault(match.group(1), []).append(term)
    return [replace(found[0], surface=word) for word, found in bare.items() if len({t.normalized for t in found}) == 1]


def align_classes(classes: list[Term], curated: list[Term]) -> list[Term]:
    """MeSH classes that share a surface form with a curated class take its normalized name,
    so one class has one name (``analgesics, opioid`` -> ``opioids``)."""
    by_surface = {t.surface.lower(): t.normalized for t in curated}
    curated_names = set(by_surface.values())
    votes: dict[str, Counter] = {}
    for term in classes:
        if term.surface.lower() in by_surface:
            votes.setdefault(term.normalized, Counter())[by_surface[term.surface.lower()]] += 1
    # A heading whose variants are curated under several names (``immune checkpoint inhibitors``,
    # whose variants include ``CTLA-4 inhibitors``) keeps its own name when that is curated, else
    # takes the name most of them have: its other variants (``immune checkpoint blockade``) name
    # the heading, not one member.
    names = {
        heading: heading if heading in curated_names else min(count, key=lambda n: (-count[n], n))
        for heading, count in votes.items()
    }
    for term in classes:
        term.normalized = names.get(term.normalized, term.normalized)
    return classes


def _lookalike(surface: str) -> bool:
    """Genes, antigens, scales and registry ids shaped like codes (see trialspacy.components.drugs.codes)."""
    compact = surface.replace(" ", "")
    return CODE_RE.fullmatch(compact) is not None and is_code_lookalike(compact)


def index_terms(nlp: Any, terms: Sequence[Term]) -> dict[tuple, Term]:
    """Terms by match key (case flag + tokens), one per key: the highest-priority source, then
    the first seen. A case-sensitive and a case-insensitive entry for the same words keep only
    the higher-priority source (a curated blocker ``ifn - γ`` also removes DrugBank's ``IFN-γ``).
    Terms of the large sources that start with a stop word (``or - pen``, ``a - hydrocort``) are
    dropped: they are junk, and every ``or`` in a text would try them. A case-insensitive term is
    also keyed by the tokens of its capitalised form when they differ (the tokenizer keeps
    ``St.`` whole but splits ``st.``)."""
    keyed: dict[tuple, Term] = {}
    capitalised = [t.surface if t.case_sensitive else capitalise(t.surface) for t in terms]
    tokens = tokenize_terms(nlp, [t.surface for t in terms])
    for term, *forms in zip(terms, tokens, tokenize_terms(nlp, capitalised)):
        curated = term.source.startswith("curated") or term.source == "deny"
        for toks in forms:
            if not toks or len(toks) > (MAX_CURATED_TOKENS if curated else MAX_TOKENS):
                continue
            if not curated and toks[0].lower() in STOP_WORDS:
                continue
            key = (term.case_sensitive, tuple(toks) if term.case_sensitive else tuple(t.lower() for t in toks))
            held = keyed.get(key)
            if held is None or PRIORITY[term.source] > PRIORITY[held.source]:
                keyed[key] = term
    best: dict[tuple[str, ...], int] = {}
    for (_, toks), term in keyed.items():
        lower = tuple(t.lower() for t in toks)
        best[lower] = max(best.get(lower, -1), PRIORITY[term.source])
    return {key: term for key, term in keyed.items() if PRIORITY[term.source] == best[tuple(t.lower() for t in key[1])]}


def capitalise(surface: str) -> str:
    """Each word with a capital first letter: ``st. john's wort`` -> ``St. John's Wort``."""
    return " ".join(word[:1].upper() + word[1:] for word in surface.split(" "))


def payload(term: Term) -> dict[str, Any]:
    """The lexicon row's payload for a term."""
    if term.deny:
        return {"deny": term.deny}
    row = {"normalized": term.normalized, "kind": term.kind, "drugbank_id": term.drugbank_id, "source": term.source}
    if term.context:
        row["context"] = term.context
    return row


def build(corpora: Path, out: Path) -> dict[str, int]:
    """Write drug_lexicon.jsonl.gz and drug_evidence.jsonl into ``out``; return counts."""
    nlp = blank()
    keyed = index_terms(nlp, collect(corpora))
    index = TermIndex()
    for key, term in keyed.items():
        index.add(list(key[1]), {**payload(term), "_key": key}, case_sensitive=key[0])
    evidence = gather_evidence(nlp, index, corpora)
    evidence_rows: list[dict[str, Any]] = []
    for key, term in sorted(keyed.items()):
        if term.deny or term.source.startswith("curated"):
            continue
        count = evidence.get(key, Counter())
        denied = evidence_denies(term, count["in"], count["out"])
        if denied:
            term.deny = "package_exclusion" if term.excluded else "dev_evidence"
        if count["out"] or denied:
            evidence_rows.append(
                {
                    "term": " ".join(key[1]),
                    "in": count["in"],
                    "out": count["out"],
                    "denied": term.deny,
                    "normalized": term.normalized,
                }
            )
    evidence_rows.sort(key=lambda r: (-r["out"], -r["in"], r["term"]))
    rows = [{**payload(t), "tokens": list(k[1]), "case_sensitive": k[0]} for k, t in sorted(keyed.items())]
    write_jsonl(out / "drug_lexicon.jsonl.gz", rows)
    write_jsonl(out / "drug_evidence.jsonl", evidence_rows)
    kinds: Counter[str] = Counter("deny" if r.get("deny") else r["kind"] for r in rows)
    denials: Counter[str] = Counter(r["denied"] for r in evidence_rows if r["denied"])
    return {"rows": len(rows), **kinds, **denials}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpora_argument(parser)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    vocabulary = args.corpora / "lexicons" / "drugbank_vocabulary.csv.gz"
    if not vocabulary.exists():
        print(
            f"build_drug_lexicon: {vocabulary} not found; give the corpora folder (PATH/TO/shared/corpora)",
            file=sys.stderr,
        )
        return 2
    counts = build(args.corpora, args.out)
    print(json.dumps(counts, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
