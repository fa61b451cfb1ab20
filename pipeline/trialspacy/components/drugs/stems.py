"""Unknown agents named by how their name ends: INN/USAN stems (``-mab``, ``-tinib``) and vaccine
products (``-vac``, ``-vax``). The stems, and the endings that are not drugs, are listed with a
reason each in ``data/drug_stems.jsonl``."""

import re

from .classes import _gene_like, caseless, lines_with
from .vocabulary import vocabulary

_STEMS = vocabulary("drug_stems.jsonl")
# Stems of the WHO INN / USAN naming schemes whose members are almost only drugs; a word must be
# at least three letters longer than its stem.
INN_STEMS: tuple[str, ...] = _STEMS["stem"]
# Words with those endings that are not drugs (proteins measured in trial text).
STEM_STOP_ENDINGS: tuple[str, ...] = _STEMS["not_drug"]
_STEM_RE = re.compile(rf"[a-z]+(?:{'|'.join(sorted(INN_STEMS, key=len, reverse=True))})")
_STEM_LEN = {s: len(s) for s in INN_STEMS}
# Candidate INN-style names and misspellings: words of six letters or more.
LONG_WORD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{6,}(?![A-Za-z0-9])")


def has_inn_stem(word: str) -> bool:
    """True when the lower-case ``word`` is an INN-style name: letters ending in a drug stem,
    at least three letters longer than the stem."""
    if not _STEM_RE.fullmatch(word) or word.endswith(STEM_STOP_ENDINGS):
        return False
    return any(word.endswith(s) and len(word) >= n + 3 for s, n in _STEM_LEN.items())


# Proper names of vaccine products: a capitalised or camel-case name, possibly hyphenated,
# ending in -vac/-vax (Neo-DCVac, GVAX, OncoVAX, Stimuvax, TroVax, PROSTVAC).
PRODUCT_RE = re.compile(
    r"(?<![\w-])(?:[A-Za-z0-9]+-)*[A-Z][A-Za-z0-9]*(?:[Vv]ac|VAC|[Vv]ax|VAX)(?:-[A-Z0-9]+)?(?![\w-])"
)


# What every product name holds, lower-cased; a name is on one line.
_PRODUCT_KEYS = ("vac", "vax")


def find_products(text: str) -> list[tuple[int, int]]:
    """Character spans of vaccine product names (``Neo-DCVac``, ``GVAX``) in ``text``, searched for
    on the lines that hold ``vac`` or ``vax`` only (the line break ending one is no word character,
    as the pattern's look-ahead wants)."""
    lines = lines_with(text, caseless(text), _PRODUCT_KEYS)
    return [m.span() for start, end in lines for m in PRODUCT_RE.finditer(text, start, end) if len(m.group()) >= 4]


# A vaccine named after its pathogen or antigen, written as an abbreviation (``HPV vaccine``,
# ``EV71 vaccine``, ``COVID-19 vaccine``, ``H1N1 vaccines``): the pathogen alone is no drug, so the
# vaccine's name is the pair.
NAMED_VACCINE_RE = re.compile(
    r"(?<![\w-])(?P<name>[A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)[ \t-](?i:vaccines?)(?![\w-])"
)


def find_named_vaccines(text: str) -> list[tuple[int, int]]:
    """Character spans of vaccines named by an abbreviated pathogen or antigen (``HPV vaccine``)."""
    lines = lines_with(text, caseless(text), ("vaccin",))
    return [
        m.span()
        for start, end in lines
        for m in NAMED_VACCINE_RE.finditer(text, start, end)
        if _gene_like(m.group("name"))
    ]


# A short name before "containing" and a drug head names the agent the drugs contain, as a class
# does in "anthracycline-containing regimen" (GUIDELINES: a name inside a compound modifier is its own
# span): "other MMAE containing agents", "ATRA-containing regimen". Other heads contain what is no
# drug ("ApoB-containing lipoproteins", "EDTA containing tubes", "CEA-containing vaccines").
CONTAINED_NAME_RE = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][A-Z0-9]{1,7})(?:-|[ \t]+)containing[ \t]+(?:[A-Za-z]+[ \t]+)?"
    r"(?i:agents?|drugs?|regimens?|therap(?:y|ies)|treatments?|chemotherapy|medications?|ADCs?|conjugates?)(?![\w-])"
)


def find_contained_names(text: str) -> list[tuple[int, int]]:
    """Character spans of short names before ``containing`` and a drug head (``MMAE`` in "other MMAE
    containing agents"), gene-like look-alikes and codes' guards left to the caller."""
    if "containing" not in text:
        return []
    return [m.span("name") for m in CONTAINED_NAME_RE.finditer(text)]
