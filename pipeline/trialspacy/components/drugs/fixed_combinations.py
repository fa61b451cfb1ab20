"""Fixed-dose combination products written ``A-B``: ``piperacillin-tazobactam``,
``ceftazidime-avibactam``, ``carbidopa-levodopa``, ``tegafur-uracil``.

The guidelines split a combination into its agents, but a co-formulated product stays one span.
Which hyphenated pair is a product and which a regimen (``gemcitabine-cisplatin``) the text does not
say; one sign does: an agent that is marketed only in such combinations (a beta-lactamase inhibitor,
a decarboxylase inhibitor, ``uracil`` of UFT), listed with a reason each in
``data/drug_fixed_partners.jsonl``. A recognised agent joined by a hyphen, without spaces, to one of
them, on either side, makes one span, ``normalized`` ``a/b`` as the contract writes combination
products (``trifluridine/tipiracil``), or the name of the one product a partner is marketed in,
whichever agent is written with it (``fluorouracil-uracil`` -> ``tegafur-uracil``, UFT).
"""

import re
from collections.abc import Iterator, Sequence

from ...lexicon import package_data
from ...spans import Candidate
from .vocabulary import vocabulary

PARTNERS = frozenset(vocabulary("drug_fixed_partners.jsonl")["partner"])
# The partners marketed in one product only, with its name.
PRODUCTS = {row["text"]: row["product"] for row in package_data("drug_fixed_partners.jsonl") if "product" in row}
_EITHER = "|".join(sorted(PARTNERS, key=len, reverse=True))
_AFTER_RE = re.compile(rf"-({_EITHER})(?![\w-])", re.IGNORECASE)
_BEFORE_RE = re.compile(rf"(?<![\w-])({_EITHER})-\Z", re.IGNORECASE)
_REACH = max(map(len, PARTNERS)) + 1


def combination_spans(text: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """A span over each agent of ``found`` and the fixed-combination partner hyphenated to it."""
    for start, end, attrs in found:
        if attrs["kind"] != "agent":
            continue
        name = attrs["normalized"]
        if (after := _AFTER_RE.match(text, end)) is not None and name not in PARTNERS:
            partner = after.group(1).lower()
            product = PRODUCTS.get(partner, f"{name}/{partner}")
            yield start, after.end(), {**attrs, "normalized": product, "drugbank_id": None}
        before = _BEFORE_RE.search(text, max(0, start - _REACH), start)
        if before is not None and name not in PARTNERS:
            partner = before.group(1).lower()
            product = PRODUCTS.get(partner, f"{partner}/{name}")
            yield before.start(), end, {**attrs, "normalized": product, "drugbank_id": None}
