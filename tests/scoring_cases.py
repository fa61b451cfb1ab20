"""Hand-built gold/prediction pairs whose scores are worked out by hand, shared by the tests of
scoring, of the evaluation files and of the tables."""

import json
from pathlib import Path
from typing import Any

from trialspacy.spans import LABEL_ATTRS

# Real phrases: the dose from seed 001, the rest as the seeds and registry records write them.
TEXT_1 = (
    "Patients received docetaxel 75 mg/m2 and cisplatin every 3 weeks for 2 years, then 60 Gy in 30 "
    "fractions. Primary endpoint: progression-free survival (PFS)."
)
TEXT_2 = "spatial fractionation radiotherapy: high dose region: 800-1200cGy × 3f, low dose region."
TEXT_3 = "Subjects will receive pembrolizumab until disease progression."


def span(text, label, quote, occurrence=0, **attrs):
    """A contract span dict for the ``occurrence``-th appearance of ``quote``; attributes not
    given are null (negated false)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    full = dict.fromkeys(LABEL_ATTRS[label])
    full.update({"negated": False, **attrs})
    return {"start": start, "end": start + len(quote), "label": label, "text": quote, "attrs": full}


def document(doc_id, text, spans, **extra):
    return {
        "id": doc_id,
        "text": text,
        "meta": {"source": "hand-built"},
        "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
        **extra,
    }


def drug(text, quote, name, **attrs):
    return span(text, "DRUG", quote, normalized=name, kind="agent", **attrs)


def pfs(text, quote, canonical="progression-free survival"):
    return span(text, "ENDPOINT", quote, canonical=canonical)


DOSE_60 = dict(dose_gy=[60, 60], dose_kind="total", fractions=[30, 30], total_gy=[60, 60])
DOSE_800 = dict(dose_gy=[8, 12], dose_kind="per_fraction", fractions=[3, 3], total_gy=[24, 36])

GOLD = [
    document(
        "doc1",
        TEXT_1,
        [
            drug(TEXT_1, "docetaxel", "docetaxel"),
            drug(TEXT_1, "cisplatin", "cisplatin"),
            span(TEXT_1, "TIMEFRAME", "every 3 weeks", kind="frequency", value="R/P3W"),
            span(TEXT_1, "TIMEFRAME", "2 years", kind="duration", value="P2Y"),
            span(TEXT_1, "RADIATION_DOSE", "60 Gy in 30 fractions", **DOSE_60),
            pfs(TEXT_1, "progression-free survival"),
            pfs(TEXT_1, "PFS"),
        ],
    ),
    document("doc2", TEXT_2, [span(TEXT_2, "RADIATION_DOSE", "800-1200cGy × 3f", **DOSE_800)]),
    document("doc3", TEXT_3, [drug(TEXT_3, "pembrolizumab", "pembrolizumab")]),
]

PRED = [
    document(
        "doc1",
        TEXT_1,
        [
            drug(TEXT_1, "docetaxel", "docetaxel", negated=True),  # wrong negated
            drug(TEXT_1, "cisplatin", "cisplatin"),
            span(TEXT_1, "TIMEFRAME", "3 weeks", kind="duration", value="P3W"),  # lenient only
            span(TEXT_1, "TIMEFRAME", "2 years", kind="duration", value="P2Y"),
            span(TEXT_1, "RADIATION_DOSE", "60 Gy", dose_gy=[60, 60], dose_kind="unspecified"),  # lenient only
            pfs(TEXT_1, "progression-free survival", canonical="progression free survival"),  # wrong canonical
            drug(TEXT_1, "PFS", "pfs"),  # an ENDPOINT tagged as DRUG
        ],
    ),
    # Float noise and a tuple, still equal; dose_kind wrong.
    document(
        "doc2",
        TEXT_2,
        [
            span(
                TEXT_2,
                "RADIATION_DOSE",
                "800-1200cGy × 3f",
                **{**DOSE_800, "dose_gy": (8.0000000001, 12.0), "dose_kind": "total"},
            )
        ],
    ),
    document("extra", "An extra document.", []),
]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    """The records as a JSONL file at ``path``."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
