"""Radiolabelled agents: the isotope written with an agent is part of the product's name.

Records from the NCI's PDQ (most of the legacy registry) name a radiolabelled agent element first:
"iodine I 131 tositumomab", "yttrium Y 90-labeled humanized monoclonal antibody", "indium In 111
pentetreotide", "samarium Sm 153 lexidronam"; others write "radiolabeled monoclonal antibodies".
The labelled agent is a product of its own (a radiopharmaceutical, not the unlabelled antibody or
peptide), like the formulations of contract v1.2: the span grows over the label and
``normalized`` names the product (``iodine i 131 tositumomab``). The lexicon's DrugBank id is the
unlabelled agent's, so it is dropped.

Tracers are written with the short label in brackets: "[18F]AH111585", "Fluciclatide Injection
(AH111585 (18F) Injection)". The span grows over that label too, but the name it labels is the
tracer's own (the code stands for fluciclatide, itself the labelled compound), so ``normalized``
stays; the label alone is no drug.
"""

import re
from collections.abc import Iterable

from ...spans import Candidate

# The radionuclides given as drugs or tracers: each element as the NCI thesaurus spells it, its
# symbol and the mass numbers of its isotopes in use.
RADIONUCLIDES = {
    "actinium": ("Ac", ("225",)),
    "astatine": ("At", ("211",)),
    "bismuth": ("Bi", ("212", "213")),
    "carbon": ("C", ("11", "14")),
    "copper": ("Cu", ("64", "67")),
    "fluorine": ("F", ("18",)),
    "gallium": ("Ga", ("67", "68")),
    "holmium": ("Ho", ("166",)),
    "indium": ("In", ("111",)),
    "iodine": ("I", ("123", "124", "125", "131")),
    "lead": ("Pb", ("203", "212")),
    "lutetium": ("Lu", ("177",)),
    "nitrogen": ("N", ("13",)),
    "oxygen": ("O", ("15",)),
    "phosphorus": ("P", ("32",)),
    "radium": ("Ra", ("223",)),
    "rhenium": ("Re", ("186", "188")),
    "samarium": ("Sm", ("153",)),
    "strontium": ("Sr", ("89",)),
    "technetium": ("Tc", ("99m",)),
    "thallium": ("Tl", ("201",)),
    "thorium": ("Th", ("227",)),
    "yttrium": ("Y", ("90",)),
    "zirconium": ("Zr", ("89",)),
}
# "iodine I 131 ", "yttrium Y 90-labeled ", "technetium Tc 99m ", "phosphorus P32 ", "radiolabeled ",
# ending where the agent starts; the mass number is also met as the misread "III" (for 111).
_LABEL_RE = re.compile(
    rf"(?<![\w-])(?:(?:{'|'.join(RADIONUCLIDES)})\s+[A-Z][a-z]?\s?-?(?:\d{{1,3}}m?|III)(?:\s*-\s*|\s+)(?:labell?ed\s+)?"
    r"|radiolabell?ed\s+)\Z",
    re.IGNORECASE,
)
_REACH = 40
# An isotope label in its short form: mass number then symbol ("18F", "99mTc", "177Lu") or symbol
# then mass number ("F18", "F-18", "I-131", "Tc-99m").
_ISOTOPES = "|".join(f"{mass}{symbol}|{symbol}-?{mass}" for symbol, masses in RADIONUCLIDES.values() for mass in masses)
ISOTOPE_LABEL_RE = re.compile(_ISOTOPES)
# Tracers carry the label in brackets beside their name or code, glued before it or after it:
# "[18F]AH111585", "[14C]-TAK-954", "AH111585 (18F) Injection", "AH111585 (F18)". The WHO writes the INN so
# (``fluciclatide (18F)``): the label is part of the name written, and the agent (its
# ``normalized``) is the one the name already says.
_BRACKETED_BEFORE_RE = re.compile(rf"\[(?:{_ISOTOPES})\][ -]?\Z")
_BRACKETED_AFTER_RE = re.compile(rf"[ \t]*(?:\((?:{_ISOTOPES})\)|\[(?:{_ISOTOPES})\])")
# The USAN writes the label after the name, symbol then mass number: "fludeoxyglucose F 18",
# "florbetapir F 18", "iobenguane I 131" (the lexicon holds some so, with the name capitalized).
_USAN_AFTER_RE = re.compile(
    "[ \t]+(?:"
    + "|".join(f"{symbol}[ -]?{mass}" for symbol, masses in RADIONUCLIDES.values() for mass in masses)
    + r")(?![\w-])"
)
# An agent that is itself a radionuclide ("radioiodine (131I)", "Yttrium-90 (Y-90)", normalized
# ``iodide i 131``): the label after it is its short name, a span of its own.
_NAMES_NUCLIDE_RE = re.compile(
    rf"radio|\b(?:{'|'.join(RADIONUCLIDES)})|(?<![A-Za-z0-9])(?:{_ISOTOPES})(?![A-Za-z0-9])|\b[a-z]{{1,2}} \d{{2,3}}m?\b",
    re.IGNORECASE,
)


# The closing bracket of a label glued to the name it labels.
_GLUED_AFTER_RE = re.compile(r"\] ?[\w-]")


def is_isotope_label(text: str) -> bool:
    """True for an isotope label alone (``18F``, ``F-18``, ``99mTc``, ``I-131``): the label of the
    agent beside it, not a drug or a short name by itself."""
    return ISOTOPE_LABEL_RE.fullmatch(text) is not None


def extend_radiolabels(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """``found`` with each span grown over the radiolabel written before it."""
    extended: list[Candidate] = []
    for start, end, attrs in found:
        label = _LABEL_RE.search(text, max(0, start - _REACH), start)
        if label is not None:
            words = " ".join(label.group().lower().replace("-", " ").split())
            words = re.sub(r"\s+labell?ed$", "", words).replace(" iii", " 111")
            attrs = {**attrs, "normalized": f"{words} {attrs['normalized']}", "drugbank_id": None}
            start = label.start()
        extended.append((start, end, attrs))
    return extended


def extend_isotope_labels(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """``found`` with each span grown over the isotope label in brackets glued before it or
    written after it (``[18F]AH111585``, ``AH111585 (18F)``, the USAN's ``fludeoxyglucose F 18``),
    its attributes unchanged, and
    without such a label taken alone (``I-123`` in ``[I-123]IBZM``)."""
    extended: list[Candidate] = []
    for start, end, attrs in found:
        if is_isotope_label(text[start:end]) and text[start - 1 : start] == "[" and _GLUED_AFTER_RE.match(text, end):
            continue
        before = _BRACKETED_BEFORE_RE.search(text, max(0, start - 12), start) if text[start].isalnum() else None
        after = _BRACKETED_AFTER_RE.match(text, end) or _USAN_AFTER_RE.match(text, end)
        if after and _NAMES_NUCLIDE_RE.search(f"{text[start:end]} {attrs['normalized']}"):
            after = None
        extended.append((before.start() if before else start, after.end() if after else end, attrs))
    return extended


# A class of radiopharmaceuticals named by its adjective and a drug noun ("radioactive agents",
# "radiological agents", "radioactive drugs"; the lexicon has ``radiopharmaceuticals``), and the
# examples listed in parentheses after it or after ``radionuclides``/``radiopharmaceuticals``: an
# element named alone there is the radionuclide given ("radioactive agents(strontium, samarium,
# etc.)"), as the record does not say which isotope or salt.
_RADIOACTIVE_CLASS_RE = re.compile(
    r"(?<![\w-])(?:radioactive|radiological|radiopharmaceutical)[ \t]+(?:agents?|drugs?|medicines?|medications?)(?![\w-])",
    re.IGNORECASE,
)
_RADIO_HEAD_RE = re.compile(
    r"(?<![\w-])(?:radioactive|radiological|radiopharmaceutical)[ \t]+(?:agents?|drugs?|medicines?|medications?)"
    r"|(?<![\w-])radio(?:pharmaceutical|nuclide|isotope)s(?![\w-])",
    re.IGNORECASE,
)
_EXAMPLES_RE = re.compile(r"[ \t]*\((?:e\.g\.,?|such as|including)?[ \t]*([^()\n]{1,80})\)")
_ELEMENT_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(RADIONUCLIDES)})(?![\w-]|[ \t]*-?[ \t]*\d)", re.IGNORECASE)
RADIOPHARMACEUTICALS = {"normalized": "radiopharmaceuticals", "kind": "class", "drugbank_id": None}
# An isotope label alone after "radioactive" is the radionuclide given ("sentinel node procedure
# using radioactive Tc-99m"), unless a word after it names what it labels or holds it ("radioactive
# I-125 seeds", "radioactive Tc99M sulfur colloid", "131I-labeled").
_RADIOACTIVE_LABEL_RE = re.compile(
    r"(?<![\w-])radioactive[ \t]+(?P<label>(?P<symbol>[A-Z][a-z]?)-?(?P<mass>\d{1,3}[mM]?))"
    r"(?![\w-])(?![ \t]+(?:seeds?|implants?|sul(?:f|ph)ur|colloid|labell?ed|[A-Z]))"
)
_ELEMENTS = {symbol: (element, masses) for element, (symbol, masses) in RADIONUCLIDES.items()}


def radioactive_spans(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """The radiopharmaceutical classes named by an adjective and a drug noun, the elements listed
    alone as their examples and the isotope labels written alone after "radioactive", outside the
    spans already ``found``."""
    if "radio" not in text.lower():
        return []
    classes = list(_RADIOACTIVE_CLASS_RE.finditer(text))
    labels = list(_RADIOACTIVE_LABEL_RE.finditer(text))
    heads = list(_RADIO_HEAD_RE.finditer(text))
    if not (classes or labels or heads):
        return []
    taken = {i for start, end, _ in found for i in range(start, end)}
    spans: list[Candidate] = []
    for match in classes:
        if not taken.intersection(range(*match.span())):
            spans.append((match.start(), match.end(), dict(RADIOPHARMACEUTICALS)))
    for match in labels:
        name, masses = _ELEMENTS.get(match.group("symbol"), ("", ()))
        mass = match.group("mass").lower()
        if mass in masses and not taken.intersection(range(*match.span("label"))):
            normalized = f"{name} {match.group('symbol').lower()} {mass}"
            spans.append((*match.span("label"), {"normalized": normalized, "kind": "agent", "drugbank_id": None}))
    for head in heads:
        examples = _EXAMPLES_RE.match(text, head.end())
        if examples is None:
            continue
        for element in _ELEMENT_RE.finditer(text, examples.start(1), examples.end(1)):
            if not taken.intersection(range(*element.span())):
                spans.append(
                    (
                        element.start(),
                        element.end(),
                        {"normalized": element.group().lower(), "kind": "agent", "drugbank_id": None},
                    )
                )
    return spans
