"""Radiolabelled agents: the isotope written before an agent is part of the product's name.

Records from the NCI's PDQ (most of the legacy registry) name a radiolabelled agent element first:
"iodine I 131 tositumomab", "yttrium Y 90-labeled humanized monoclonal antibody", "indium In 111
pentetreotide", "samarium Sm 153 lexidronam"; others write "radiolabeled monoclonal antibodies".
The labelled agent is a product of its own (a radiopharmaceutical, not the unlabelled antibody or
peptide), like the formulations of contract v1.2: the span grows over the label and
``normalized`` names the product (``iodine i 131 tositumomab``). The lexicon's DrugBank id is the
unlabelled agent's, so it is dropped.
"""

import re
from collections.abc import Iterable

from ...spans import Candidate

# Elements of the radionuclides given as drugs, as the NCI thesaurus spells them.
ELEMENTS = [
    "actinium",
    "astatine",
    "bismuth",
    "carbon",
    "copper",
    "fluorine",
    "gallium",
    "holmium",
    "indium",
    "iodine",
    "lead",
    "lutetium",
    "phosphorus",
    "radium",
    "rhenium",
    "samarium",
    "strontium",
    "technetium",
    "thallium",
    "thorium",
    "yttrium",
    "zirconium",
]
# "iodine I 131 ", "yttrium Y 90-labeled ", "technetium Tc 99m ", "phosphorus P32 ", "radiolabeled ",
# ending where the agent starts; the mass number is also met as the misread "III" (for 111).
_LABEL_RE = re.compile(
    rf"(?<![\w-])(?:(?:{'|'.join(ELEMENTS)})\s+[A-Z][a-z]?\s?-?(?:\d{{1,3}}m?|III)(?:\s*-\s*|\s+)(?:labell?ed\s+)?"
    r"|radiolabell?ed\s+)\Z",
    re.IGNORECASE,
)
_REACH = 40


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
