"""DRUG spans: named agents (generic, brand, code, cell product) and named drug classes.

Recognition, in order of trust:

1. the compiled lexicon (``data/drug_lexicon.jsonl.gz``, built by ``scripts/build_drug_lexicon.py``):
   agents from DrugBank and the drug-named-entity-recognition dictionary, curated codes and
   classes, and *blocker* terms (``deny``) that occupy text which looks like a drug but is not
   (``insulin resistance``, lab analytes), so that no other rule claims it;
2. the record's own intervention list (``DRUG: Toripalimab injection combine with Axitinib``)
   as a gazetteer for the whole record, with misspellings of those names resolved;
3. investigational codes by shape (``LM103``, ``BGB-A317``), guarded against trial-text look-alikes;
4. unknown names with an INN/USAN stem (``-mab``, ``-tinib``) and vaccine product names
   (``Neo-DCVac``);
5. abbreviations defined in the text for a recognised long form.

Codes learn their generic name from the record when it says so: ``Toripalimab injection (JS001)``.
"""

import functools
import gzip
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import ensure_path

from ..lexicon import TermIndex, doc_text, package_data, tokenize_terms
from ..spans import DRUG, set_label_spans

LEXICON_FILE = "drug_lexicon.jsonl.gz"
# The lexicon as a saved pipeline stores it (see pack_lexicon).
PACKED_FILE = "drug_lexicon.msgpack.gz"

Attrs = dict[str, Any]
CharSpan = tuple[int, int]

# --- investigational codes -------------------------------------------------------------------

# Letters then digits, optionally one letter between (BGB-A317) and a short tail (DS-8201a,
# MSC2156119J, YN968D1). A single letter is accepted only as E, M or R with four to six digits
# (E7080, M3814, R115777): other single letters with digits are mostly trial protocols (S1400,
# A5324) and mutations (H1047R).
CODE_RE = re.compile(
    r"(?<![\w\-/.])(?:[A-Z]{2,6}-?(?:[A-Z]-?)?\d{2,7}(?:[A-Za-z]\d{0,2})?|[EMR]-?\d{4,6})(?![\w\-+/]|\.\d)"
)
# Prefixes of things that look like codes in trial text but are genes, antigens, scales,
# registries, trial groups, guidelines or viruses.
_GUARD_PREFIXES = (
    "NCT|ISRCTN|ACTRN|DRKS|UMIN|KCT|CTR|CTRI|JPRN|EUCTR|IRCT|PACTR|TCTR|SLCTR|NTR|NL|"
    "CA|CD|HER|HPV|HLA|BRCA|CYP|UGT|FEV|QLQ|EQ|ICD|DSM|AJCC|FIGO|WHO|ISO|KI|MIB|CYFRA|IGG|IGA|IGM|IGE|"
    "HIV|HBV|HCV|HTLV|HHV|EBV|CMV|COVID|SARS|MERS|OC|CTCAE|ECOG|RECIST|IL|TNF|IFN|TGF|VEGF|VEGFR|EGF|EGFR|"
    "FGF|FGFR|PDGF|PDGFR|IGF|GDF|BMP|CXCL|CXCR|CCL|CCR|MMP|ADAM|ADAMTS|CLDN|MUC|OX|TLR|TP|SP|KRAS|NRAS|"
    "HRAS|BRAF|PIK3CA|IDH|KIT|FLT|JAK|ESR|ERBB|MET|ALK|ROS|RET|NTRK|CDK|CDKN|RAD|BCL|MCL|MYC|ATM|STK|"
    "GNA|ZNF|PCDH|MKI|ISG|CK|HSP|DEL|DEC|CFP|ICA|TC|PAM|BAT|NR|"
    "SF|PHQ|GAD|PROMIS|NRS|EPIC|DAS|PASI|EASI|ACR|ASAS|HAM|HAMD|HDRS|HRSD|HDS|SNOT|KCCQ|CIPN|PID|SPID|"
    "SUV|SVR|PRNT|ICGR|MNA|SPSS|KPS|BR|LC|HN|PM|FY|UICC|TNM|NYHA|MMSE|GCS|APACHE|SOFA|CURB|"
    "PSA|AFP|CEA|SCC|LDH|ALT|AST|GFR|BMI|AUC|HBA|WBC|RBC|PLT|ANC|FEC|CEF|"
    "GRADE|STAGE|PHASE|TYPE|CLASS|CYCLE|DAY|WEEK|ARM|COHORT|PART|STEP|VERSION|ROUND|VISIT|DOSE|LEVEL|"
    "ASCO|ESMO|NCCN|AASLD|EASL|KDIGO|GOLD|IMWG|IWG|ELN|ISS|RISS|NIH|NCI|FDA|EMA|ICH|GCP|"
    "IBCSG|GOG|ACOSOG|SWOG|NCCTG|CALGB|JCOG|EORTC|ABCSG|TRIO|CBCSG|JBCRG|PETACC|AAML|AML|ALL|HOD|ANZ|NSABP|"
    "RTOG|NRG|ACTG|SAKK|GBG|BIG|NCIC|CCTG|AIO|GEICAM|SOLTI|HOVON|GIMEMA|NCRI|UKALL|COG|IFCT|WJOG|TROG|KROG|"
    "GRECCO|DANMASK|IASLC|BILAG|SAFE"
)
_MUTATED_GENES = (
    "KRAS|NRAS|HRAS|BRAF|EGFR|PIK3CA|IDH[12]?|KIT|ALK|ROS1|MET|ERBB2|HER2|ESR1|BRCA[12]?|TP53|FGFR[1-4]?|JAK2|FLT3"
)
CODE_GUARD_RE = re.compile(
    rf"(?:{_GUARD_PREFIXES})(?:-?\d+|-[A-Z]\d+)(?:[A-Za-z]\d*)?"
    rf"|(?:HLA|QLQ|KIR)-?[A-Z]{{1,3}}\d+(?:[A-Za-z]\d*)?"
    rf"|(?:{_MUTATED_GENES})-?[A-Z]\d+[A-Z]?"
    r"|(?:IC|EC|ED|LD|TD|ID|CI)\d{2}"
)


def is_code_lookalike(text: str) -> bool:
    """True for code-shaped strings that are not drugs (``NCT01234567``, ``CA125``, ``CD20``,
    ``COVID-19``, ``HLA-A24``, ``QLQ-C30``, ``FIGO2018``, ``SF-36``)."""
    return CODE_GUARD_RE.fullmatch(text) is not None


def find_codes(text: str) -> list[CharSpan]:
    """Character spans of investigational-code shaped strings in ``text``, look-alikes removed."""
    return [m.span() for m in CODE_RE.finditer(text) if not is_code_lookalike(m.group())]


def is_code(text: str) -> bool:
    """True when ``text`` as a whole has the shape of an investigational code."""
    return CODE_RE.fullmatch(text) is not None and not is_code_lookalike(text)


# --- INN / USAN stems --------------------------------------------------------------------------

# Stems of the WHO INN / USAN naming schemes whose members are almost only drugs; a word must be
# at least three letters longer than its stem.
INN_STEMS: tuple[str, ...] = (
    "mab",
    "tinib",
    "ciclib",
    "parib",
    "fenib",
    "lisib",
    "zomib",
    "degib",
    "taxel",
    "platin",
    "rubicin",
    "tecan",
    "citabine",
    "leucel",
    "temcel",
    "mustine",
    "trexed",
    "bulin",
    "epilone",
    "relix",
    "relin",
    "strant",
    "rozole",
    "mestane",
    "xifene",
    "lutamide",
    "lidomide",
    "navir",
    "previr",
    "asvir",
    "buvir",
    "tegravir",
    "clovir",
    "cillin",
    "cycline",
    "floxacin",
    "mycin",
    "conazole",
    "fungin",
    "nidazole",
    "bendazole",
    "prazole",
    "tidine",
    "olol",
    "pril",
    "sartan",
    "dipine",
    "vastatin",
    "gliptin",
    "gliflozin",
    "glutide",
    "parin",
    "xaban",
    "gatran",
    "grel",
    "setron",
    "pitant",
    "oxetine",
    "triptan",
    "azepam",
    "azolam",
    "barbital",
    "curonium",
    "afil",
    "lukast",
    "sonide",
    "dronate",
    "ercept",
    "kinra",
    "leukin",
    "poetin",
    "grastim",
    "siran",
    "inostat",
    "imod",
)
_STEM_RE = re.compile(rf"[a-z]+(?:{'|'.join(sorted(INN_STEMS, key=len, reverse=True))})")
_STEM_LEN = {s: len(s) for s in INN_STEMS}
# Candidate INN-style names and misspellings: words of six letters or more.
_LONG_WORD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{6,}(?![A-Za-z0-9])")
# Words with those endings that are not drugs (proteins measured in trial text).
STEM_STOP_ENDINGS = ("globulin", "tubulin", "interleukin", "histidine", "cholesterol")


def has_inn_stem(word: str) -> bool:
    """True when the lower-case ``word`` is an INN-style name: letters ending in a drug stem,
    at least three letters longer than the stem."""
    if not _STEM_RE.fullmatch(word) or word.endswith(STEM_STOP_ENDINGS):
        return False
    return any(word.endswith(s) and len(word) >= n + 3 for s, n in _STEM_LEN.items())


# --- vaccine and cell-product names --------------------------------------------------------------

# Proper names of vaccine products: a capitalised or camel-case name, possibly hyphenated,
# ending in -vac/-vax (Neo-DCVac, GVAX, OncoVAX, Stimuvax, TroVax, PROSTVAC).
PRODUCT_RE = re.compile(
    r"(?<![\w-])(?:[A-Za-z0-9]+-)*[A-Z][A-Za-z0-9]*(?:[Vv]ac|VAC|[Vv]ax|VAX)(?:-[A-Z0-9]+)?(?![\w-])"
)


def find_products(text: str) -> list[CharSpan]:
    """Character spans of vaccine product names (``Neo-DCVac``, ``GVAX``) in ``text``."""
    return [m.span() for m in PRODUCT_RE.finditer(text) if len(m.group()) >= 4]


# --- context -----------------------------------------------------------------------------------

# A substance followed by one of these is measured, a biomarker or a device, not given: "estrogen
# receptor", "insulin resistance", "vitamin D deficiency", "heparin levels", "insulin pump".
MEASURED_AFTER = frozenset(
    [
        "receptor",
        "receptors",
        "level",
        "levels",
        "concentration",
        "concentrations",
        "deficiency",
        "deficiencies",
        "resistance",
        "clearance",
        "tolerance",
        "metabolism",
        "synthesis",
        "secretion",
        "production",
        "status",
        "expression",
        "deprivation",
        "positive",
        "negative",
        "positivity",
        "negativity",
        "dependent",
        "dependence",
        "sensitivity",
        "test",
        "tests",
        "testing",
        "assay",
        "assays",
        "value",
        "values",
        "measurement",
        "measurements",
        "like",
        "producing",
        "secreting",
        "excretion",
        "stimulation",
        "challenge",
        "pump",
        "pumps",
    ]
)
MEASURED_BEFORE = frozenset(
    ["serum", "plasma", "urine", "urinary", "blood", "salivary", "fecal", "faecal", "csf", "circulating"]
)
# Words after a cytokine that say it is given as therapy ("IL-2 therapy").
THERAPY_AFTER = frozenset(
    [
        "therapy",
        "therapies",
        "treatment",
        "treatments",
        "infusion",
        "infusions",
        "injection",
        "injections",
        "administration",
        "monotherapy",
        "regimen",
        "immunotherapy",
    ]
)


def _next_word(doc: Doc, end: int) -> str:
    """Lower-case word after token ``end`` (skipping one hyphen), or ''."""
    if end < len(doc) and doc[end].text in "-–" and not doc[end - 1].whitespace_:
        end += 1
    return doc[end].lower_ if end < len(doc) else ""


def is_measured(doc: Doc, start: int, end: int) -> bool:
    """True when the words around ``doc[start:end]`` say the substance is measured."""
    before = doc[start - 1].lower_ if start > 0 else ""
    return _next_word(doc, end) in MEASURED_AFTER or before in MEASURED_BEFORE


# --- the record's intervention list ------------------------------------------------------------

GAZETTEER_TYPES = frozenset({"drug", "biological", "combination_product", "combination product"})
_ITEM_RE = re.compile(r"^\s*([A-Za-z_ ]+?)\s*:\s*(.+?)\s*$")
_SPLIT_RE = re.compile(
    r"\s*(?:\bcombined?\s+with\b|\bin\s+combination\s+with\b|\bplus\b|\bfollowed\s+by\b|\bversus\b|\bvs\.?(?!\w)"
    r"|\band\b|\bor\b|\bwith\b|\+|/|,|;|，|；|、|\(|\)|\[|\]|（|）)\s*",
    re.IGNORECASE,
)
# A dose or a bare number, but not the digits of a name (``IL-2``, ``5-FU``, ``LM103``).
DOSE_RE = re.compile(
    r"(?<![\w\-/.])\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?(?:mg|g|mcg|µg|ug|ng|ml|mL|l|iu|IU|units?|u|%|mg/kg|"
    r"mg/m2|mg/m²|auc|gy|cgy)?(?:\s*/\s*(?:kg|m2|m²|day|d|dose|week|wk))?(?![\w\-])",
    re.IGNORECASE,
)
# Words that name a dose form, a route, a schedule or a role rather than the agent.
DOSE_FORM_WORDS = frozenset(
    [
        "injection",
        "injections",
        "injectable",
        "infusion",
        "infusions",
        "tablet",
        "tablets",
        "tab",
        "tabs",
        "capsule",
        "capsules",
        "cap",
        "caps",
        "solution",
        "solutions",
        "suspension",
        "powder",
        "granules",
        "cream",
        "ointment",
        "gel",
        "patch",
        "patches",
        "spray",
        "drops",
        "syrup",
        "inhaler",
        "inhalation",
        "oral",
        "orally",
        "intravenous",
        "intravenously",
        "iv",
        "i.v.",
        "subcutaneous",
        "subcutaneously",
        "sc",
        "s.c.",
        "intramuscular",
        "im",
        "intrathecal",
        "topical",
        "vaginal",
        "rectal",
        "sublingual",
        "transdermal",
        "intranasal",
        "nasal",
        "for",
        "of",
        "dose",
        "doses",
        "dosing",
        "high-dose",
        "low-dose",
        "dosage",
        "formulation",
        "extended-release",
        "sustained-release",
        "controlled-release",
        "er",
        "sr",
        "xr",
        "mr",
        "hydrochloride",
        "hcl",
        "sodium",
        "maintenance",
        "induction",
        "single",
        "daily",
        "weekly",
        "arm",
        "group",
        "cohort",
        "regimen",
        "treatment",
        "therapy",
        "concentrate",
        "lyophilized",
        "qd",
        "bid",
        "tid",
        "qid",
        "qod",
        "qw",
        "q2w",
        "q3w",
        "q4w",
        "prn",
        "po",
    ]
)
# Chunks of items made only of these words are not agents.
NOT_AGENTS = frozenset(
    [
        "placebo",
        "placebos",
        "saline",
        "normal",
        "standard",
        "care",
        "usual",
        "best",
        "supportive",
        "chemotherapy",
        "immunotherapy",
        "radiotherapy",
        "radiation",
        "surgery",
        "targeted",
        "hormone",
        "hormonal",
        "endocrine",
        "therapy",
        "treatment",
        "drug",
        "drugs",
        "medication",
        "medications",
        "medicine",
        "study",
        "investigational",
        "product",
        "vehicle",
        "control",
        "sham",
        "matching",
        "vaccine",
        "vaccines",
        "cells",
        "cell",
        "infusion",
        "regimen",
        "observation",
        "none",
        "other",
    ]
)
# Chunks with one of these words describe a treatment plan, not an agent ("adjuvant chemotherapy MRD-").
PLAN_WORDS = frozenset(
    [
        "placebo",
        "chemotherapy",
        "radiotherapy",
        "immunotherapy",
        "chemoradiotherapy",
        "chemoradiation",
        "surgery",
        "radiation",
        "patients",
        "participants",
        "subjects",
        "adjuvant",
        "neoadjuvant",
    ]
)


def intervention_names(section_text: str) -> list[str]:
    """Agent names in an interventions section (``TYPE: name`` items separated by ``|`` or
    lines), from items of type DRUG, BIOLOGICAL or COMBINATION_PRODUCT: each name split at
    combination words, without dose forms, doses and routes, without placebo and modalities."""
    names: list[str] = []
    for item in re.split(r"[|\n~]", section_text):
        match = _ITEM_RE.match(item)
        if not match or match.group(1).strip().lower() not in GAZETTEER_TYPES:
            continue
        for chunk in _SPLIT_RE.split(DOSE_RE.sub(" ", match.group(2))):
            words = [w for w in chunk.split() if w.lower().strip(".") not in DOSE_FORM_WORDS]
            lowered = [w.lower() for w in words]
            if not words or all(w in NOT_AGENTS for w in lowered) or any(w in PLAN_WORDS for w in lowered):
                continue
            if len(words) > 4 or not any(c.isalpha() for c in "".join(words)):
                continue
            name = " ".join(words)
            if name not in names:
                names.append(name)
    return names


def looks_like_name(name: str) -> bool:
    """True for an intervention name that is a proper name rather than a description: a code,
    a word with an inner capital or digit (``Neo-DCVac``, ``LG002``), an INN-style word or a
    single capitalised word."""
    words = name.split()
    if any(is_code(w) or re.search(r"[A-Za-z][A-Z0-9]", w) for w in words):
        return True
    return len(words) == 1 and (has_inn_stem(name.lower()) or name[:1].isupper())


def within_edit_distance(a: str, b: str, limit: int) -> bool:
    """True when ``a`` and ``b`` are at most ``limit`` edits apart (insertions, deletions,
    substitutions, and transpositions of neighbours: ``doectaxel`` is one edit from
    ``docetaxel``)."""
    if abs(len(a) - len(b)) > limit:
        return False
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit and (not before or min(previous) > limit):
            return False
        before, previous = previous, current
    return previous[-1] <= limit


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``depth`` characters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def spelling_limit(name: str) -> int:
    """Edit distance accepted for a misspelling of drug name ``name``: 1, or 2 from ten
    characters on."""
    return 2 if len(name) >= 10 else 1


@functools.lru_cache(maxsize=4096)
def _name_entries(name: str) -> tuple[frozenset[tuple[int, str]], frozenset[str]]:
    """The (length, first two / last three letters) keys and the deletion variants a
    :class:`SpellingIndex` files ``name`` under; cached, since an index is made per document
    from the names it mentions, and the same names recur from document to document."""
    limit = spelling_limit(name)
    keys = set()
    for length in range(len(name) - limit, len(name) + limit + 1):
        keys.update({(length, name[:2]), (length, name[-3:])})
    return frozenset(keys), frozenset(_deletions(name, limit))


class SpellingIndex:
    """Finds the drug name of a record that a word misspells (symmetric-delete look-up).

    A word is looked up only if it shares, with a name within reach of its length, the first two
    letters or the last three: one edit cannot change both, two rarely do."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_deletion: dict[str, set[str]] = {}
        self._keys: set[tuple[int, str]] = set()
        for name in names:
            keys, variants = _name_entries(name)
            self._keys.update(keys)
            for variant in variants:
                self._by_deletion.setdefault(variant, set()).add(name)

    def __bool__(self) -> bool:
        return bool(self._by_deletion)

    def match(self, word: str) -> str | None:
        """The one name ``word`` misspells, or None (an exact name is not a misspelling)."""
        if (len(word), word[:2]) not in self._keys and (len(word), word[-3:]) not in self._keys:
            return None
        candidates: set[str] = set()
        for variant in _deletions(word, 2 if len(word) >= 8 else 1):
            candidates |= self._by_deletion.get(variant, set())
        close = sorted(n for n in candidates if n != word and within_edit_distance(word, n, spelling_limit(n)))
        return close[0] if len(close) == 1 else None


# --- evidence in the record --------------------------------------------------------------------

# "Toripalimab injection (JS001)" / "JS001 (toripalimab)": a name, optional dose-form words, then
# the other name in parentheses.
_PAREN_GAP_RE = re.compile(
    rf"(?:\s+(?:{'|'.join(sorted(re.escape(w) for w in DOSE_FORM_WORDS))}))*\s*\(\s*", re.IGNORECASE
)


def resolve_codes(text: str, found: Sequence[tuple[int, int, Attrs]]) -> dict[str, Attrs]:
    """Generic names the record gives its codes: ``{code lower-case: attrs of the agent}``.

    A code with no known generic name, written in parentheses right after a named agent (or
    the reverse), takes that agent's ``normalized`` and ``drugbank_id``."""
    resolved: dict[str, Attrs] = {}
    ordered = sorted(found, key=lambda c: (c[0], c[1]))
    for (s1, e1, a1), (s2, e2, a2) in zip(ordered, ordered[1:]):
        if not _PAREN_GAP_RE.fullmatch(text, e1, s2) or not text[e2:].lstrip().startswith(")"):
            continue
        pair = ((text[s1:e1], a1), (text[s2:e2], a2))
        for (code, code_attrs), (_, named) in (pair, pair[::-1]):
            if (
                is_code(code)
                and code_attrs["normalized"] == code.lower()
                and named["kind"] == "agent"
                and not is_code(named["normalized"].upper())
            ):
                resolved[code.lower()] = {"normalized": named["normalized"], "drugbank_id": named["drugbank_id"]}
    return resolved


# --- the lexicon in a saved pipeline ----------------------------------------------------------

_TERM_KEYS = ("tokens", "case_sensitive")


def pack_lexicon(rows: Sequence[Attrs]) -> bytes:
    """Lexicon rows as a saved pipeline stores them: gzip-compressed msgpack holding each distinct
    payload once and, per row, its tokens, case flag and payload number.

    Payloads are shared (59,599 rows have 19,099 distinct ones), so loading creates far fewer
    objects: the index builds about four times faster than from the JSONL rows. Byte-reproducible."""
    numbers: dict[str, int] = {}
    payloads: list[Attrs] = []
    entries: list[list[Any]] = []
    for row in rows:
        payload = {k: row[k] for k in sorted(row) if k not in _TERM_KEYS}
        key = json.dumps(payload, sort_keys=True)
        if key not in numbers:
            numbers[key] = len(payloads)
            payloads.append(payload)
        entries.append([list(row["tokens"]), bool(row.get("case_sensitive", False)), numbers[key]])
    return gzip.compress(srsly.msgpack_dumps({"payloads": payloads, "entries": entries}), mtime=0)


def _unpack(data: bytes) -> tuple[list[Attrs], list[list[Any]]]:
    packed = srsly.msgpack_loads(gzip.decompress(data))
    return packed["payloads"], packed["entries"]


def unpack_lexicon(data: bytes) -> list[Attrs]:
    """The rows packed by :func:`pack_lexicon`."""
    payloads, entries = _unpack(data)
    return [dict(payloads[n], tokens=tokens, case_sensitive=cased) for tokens, cased, n in entries]


def packed_index(data: bytes) -> TermIndex:
    """The :class:`TermIndex` of the rows packed by :func:`pack_lexicon` (the same index as
    ``TermIndex.from_records(unpack_lexicon(data))``; terms with one payload share its dict)."""
    payloads, entries = _unpack(data)
    index = TermIndex()
    for tokens, cased, n in entries:
        index.add(tokens, payloads[n], case_sensitive=cased)
    return index


# --- the component -----------------------------------------------------------------------------


def _attrs(payload: Attrs) -> Attrs:
    """Span attributes from a lexicon payload."""
    return {"normalized": payload["normalized"], "kind": payload["kind"], "drugbank_id": payload.get("drugbank_id")}


def _agent(normalized: str, drugbank_id: str | None = None) -> Attrs:
    """Span attributes of an agent."""
    return {"normalized": normalized, "kind": "agent", "drugbank_id": drugbank_id}


class DrugRecognizer(Pipe):
    """Sets DRUG spans with ``normalized``, ``kind`` and ``drugbank_id``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "trialspacy_drugs",
        *,
        stems: bool = True,
        products: bool = True,
        gazetteer: bool = True,
        spelling: bool = True,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.stems = stems
        self.products = products
        self.gazetteer = gazetteer
        self.spelling = spelling
        self._rows: list[Attrs] | None = None
        self._index: TermIndex | None = None
        # The lexicon restored by from_disk, as saved (see pack_lexicon).
        self._packed: bytes | None = None

    @property
    def rows(self) -> list[Attrs]:
        """The lexicon's records: those restored by :meth:`from_disk`, else the package data,
        read on first use (so that a pipeline restored with ``from_disk`` reads its lexicon once)."""
        if self._rows is None:
            packed = self._packed
            self._rows = unpack_lexicon(packed) if packed is not None else package_data(LEXICON_FILE)
        return self._rows

    @property
    def index(self) -> TermIndex:
        """The lexicon as a :class:`TermIndex`."""
        if self._index is None:
            packed = self._packed
            self._index = packed_index(packed) if packed is not None else TermIndex.from_records(self.rows)
        return self._index

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = self._lexicon_spans(doc)
        listed = self._listed_names(doc, text) if self.gazetteer else []
        for name, attrs in listed:
            found.extend((start, end, attrs) for start, end in _occurrences(text, name))
        taken = _taken_chars(found)
        shaped = find_codes(text) + (find_products(text) if self.products else [])
        found.extend((s, e, _agent(text[s:e].lower())) for s, e in shaped if not _overlaps(taken, s, e))
        if self.spelling:
            found.extend(self._misspelt_spans(text, found, listed))
        if self.stems:
            found.extend(self._stem_spans(doc, text, _taken_chars(found)))
        found.extend(_abbreviation_spans(doc, text, found))
        resolved = resolve_codes(text, found)
        if resolved:
            found = [(s, e, {**a, **resolved.get(text[s:e].lower(), {})}) for s, e, a in found]
        set_label_spans(doc, DRUG, found)
        return doc

    def _lexicon_spans(self, doc: Doc) -> list[tuple[int, int, Attrs]]:
        """Lexicon matches, minus blockers, measured substances and cytokines not given as therapy."""
        found = []
        for start, end, payload in self.index.find(doc):
            if payload.get("deny") or is_measured(doc, start, end):
                continue
            if payload.get("context") == "therapy" and _next_word(doc, end) not in THERAPY_AFTER:
                continue
            found.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), _attrs(payload)))
        return found

    def _listed_names(self, doc: Doc, text: str) -> list[tuple[str, Attrs]]:
        """Names from the record's interventions section with their attributes: the lexicon's
        when it knows the name, else the name as an agent if it looks like a proper name."""
        names: list[tuple[str, Attrs]] = []
        for section in doc._.sections or []:
            if section["name"] != "interventions":
                continue
            for name in intervention_names(text[section["start"] : section["end"]]):
                payload = self.index.get(tokenize_terms(self.nlp, [name])[0])
                if payload is not None:
                    if not payload.get("deny"):
                        names.append((name, _attrs(payload)))
                elif looks_like_name(name) and not is_code_lookalike(name):
                    names.append((name, _agent(name.lower())))
        return names

    def _stem_spans(self, doc: Doc, text: str, taken: set[int]) -> Iterator[tuple[int, int, Attrs]]:
        """Single words not in the lexicon that carry an INN stem."""
        for match in _LONG_WORD_RE.finditer(text):
            start, end = match.span()
            word = match.group().lower()
            if not word.endswith(INN_STEMS) or start in taken or not has_inn_stem(word):
                continue
            if self.index.get([match.group()]) is not None:
                continue
            span = doc.char_span(start, end)
            if span is not None and not is_measured(doc, span.start, span.end):
                yield start, end, _agent(word)

    def _misspelt_spans(
        self, text: str, found: Sequence[tuple[int, int, Attrs]], listed: Sequence[tuple[str, Attrs]]
    ) -> Iterator[tuple[int, int, Attrs]]:
        """Words that misspell an agent named in this record (``acitinib`` for ``Axitinib``)."""
        names: dict[str, Attrs] = {}
        for start, end, attrs in found:
            surface = text[start:end].lower()
            if attrs["kind"] == "agent" and surface.isalpha() and len(surface) >= 6:
                names.setdefault(surface, attrs)
        for name, attrs in listed:
            if name.isalpha() and len(name) >= 6:
                names.setdefault(name.lower(), attrs)
        index = SpellingIndex(names)
        if not index:
            return
        taken = _taken_chars(found)
        targets: dict[str, str | None] = {}
        for match in _LONG_WORD_RE.finditer(text):
            word = match.group()
            if word not in targets:
                # The spelling look-up rejects most words at once; the lexicon look-up is dearer.
                target = None if word.isupper() else index.match(word.lower())
                targets[word] = target if target is None or self.index.get([word]) is None else None
            target = targets[word]
            if target is not None and match.start() not in taken:
                yield match.start(), match.end(), dict(names[target])

    def to_disk(self, path: Any, *, exclude: Sequence[str] = tuple()) -> None:
        """Save the lexicon beside the component's config, packed (see :func:`pack_lexicon`)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        packed = self._packed if self._packed is not None else pack_lexicon(self.rows)
        (path / PACKED_FILE).write_bytes(packed)

    def from_disk(self, path: Any, *, exclude: Sequence[str] = tuple()) -> "DrugRecognizer":
        """Load the lexicon saved by :meth:`to_disk` and index it now, so that the first
        document does not pay for it."""
        self._packed = (ensure_path(path) / PACKED_FILE).read_bytes()
        self._rows = None
        self._index = packed_index(self._packed)
        return self


def _taken_chars(found: Iterable[tuple[int, int, Attrs]]) -> set[int]:
    """Character offsets covered by ``found``."""
    taken: set[int] = set()
    for start, end, _ in found:
        taken.update(range(start, end))
    return taken


def _overlaps(taken: set[int], start: int, end: int) -> bool:
    """True when any character of ``[start, end)`` is taken."""
    return any(i in taken for i in range(start, end))


def _occurrences(text: str, name: str) -> Iterator[CharSpan]:
    """Whole-word, case-insensitive occurrences of ``name`` in ``text``."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w]|-\w)", re.IGNORECASE)
    for match in pattern.finditer(text):
        yield match.span()


def is_short_form(text: str) -> bool:
    """True for a plausible abbreviation: 2 to 10 characters without spaces, with a capital."""
    return 2 <= len(text) <= 10 and " " not in text and any(c.isupper() for c in text)


def _abbreviation_spans(
    doc: Doc, text: str, found: Sequence[tuple[int, int, Attrs]]
) -> Iterator[tuple[int, int, Attrs]]:
    """Every occurrence of a short form defined in the text for a recognised long form: a DRUG
    span equal to the long form, covering it, or ending it after one modifier word
    ("autologous [tumor infiltrating lymphocytes]")."""
    definitions = doc._.abbreviation_defs if doc.has_extension("abbreviation_defs") else None
    if not definitions:
        return
    for definition in definitions:
        long_start, long_end = definition["long"]
        if not is_short_form(definition["short_text"]) or is_code_lookalike(definition["short_text"]):
            continue
        for start, end, attrs in found:
            covers = start <= long_start and end >= long_end
            ends = end == long_end and long_start <= start and len(text[long_start:start].split()) <= 1
            if covers or ends:
                yield from ((s, e, attrs) for s, e in definition["occurrences"])
                break


@Language.factory(
    "trialspacy_drugs",
    default_config={"stems": True, "products": True, "gazetteer": True, "spelling": True},
)
def make_drugs(
    nlp: Language, name: str, stems: bool, products: bool, gazetteer: bool, spelling: bool
) -> DrugRecognizer:
    """Factory of the DRUG component."""
    return DrugRecognizer(nlp, name, stems=stems, products=products, gazetteer=gazetteer, spelling=spelling)
