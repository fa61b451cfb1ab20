"""The output contract (``ENTITIES.md``) in code: the document's shape, how a Doc becomes one,
and how a document is checked.

Names keep the two sides apart: a *record* is an input (:class:`~trialspacy.records.Record`), a
*document* is the output dict described here, one per record. Gold files hold documents too
(without ``meta.pipeline``, and usually without ``sections`` and ``outcomes``).
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, NotRequired, TypedDict

from spacy.tokens import Doc

from .about import __title__, __version__
from .lexicon import doc_text
from .spans import ENDPOINT, LABEL_ATTRS, TIMEFRAME, label_spans, span_attrs
from .text import contains

PIPELINE_NAME = f"{__title__} {__version__}"

Role = Literal["primary", "secondary", "other"]


class Span(TypedDict):
    """One extracted span: ``text`` is ``document["text"][start:end]``; ``attrs`` holds the
    attributes of its label (:data:`~trialspacy.spans.LABEL_ATTRS`), in that order."""

    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any]


class Section(TypedDict):
    """A named part of the text (``title``, ``eligibility``, ``inclusion``...)."""

    name: str
    start: int
    end: int


class Outcome(TypedDict):
    """One outcome item, with the indices (into ``spans``) of the ENDPOINT and TIMEFRAME spans
    inside it."""

    role: Role
    start: int
    end: int
    endpoints: list[int]
    timeframes: list[int]


class Meta(TypedDict, total=False):
    """Where a document came from; ``pipeline`` only in the pipeline's output."""

    source: str | None
    pipeline: str


class Document(TypedDict):
    """One output document (one JSONL line)."""

    id: str
    text: str
    meta: NotRequired[Meta]
    spans: list[Span]
    sections: NotRequired[list[Section]]
    outcomes: NotRequired[list[Outcome]]


def innermost_section(sections: Iterable[Mapping[str, Any]], start: int, end: int) -> str | None:
    """Name of the smallest section containing ``[start, end)`` (the first of equal ones), or None."""
    holding = [s for s in sections if contains(s, start, end)]
    best = min(holding, key=lambda s: s["end"] - s["start"], default=None)
    return best["name"] if best is not None else None


def pair_outcomes(spans: Sequence[Span], items: Iterable[Mapping[str, Any]]) -> list[Outcome]:
    """Each outcome item (``role``, ``start``, ``end``) with the indices (into ``spans``) of the
    ENDPOINT and TIMEFRAME spans inside it."""
    outcomes: list[Outcome] = []
    for item in items:
        inside = [i for i, s in enumerate(spans) if contains(item, s["start"], s["end"])]
        outcomes.append(
            {
                "role": item["role"],
                "start": item["start"],
                "end": item["end"],
                "endpoints": [i for i in inside if spans[i]["label"] == ENDPOINT],
                "timeframes": [i for i in inside if spans[i]["label"] == TIMEFRAME],
            }
        )
    return outcomes


def to_document(doc: Doc, with_pipeline: bool = True) -> Document:
    """The contract's document for a processed Doc (``with_pipeline``: name the pipeline in
    ``meta``, as ``extract`` does)."""
    text = doc_text(doc)
    spans: list[Span] = [
        {
            "start": s.start_char,
            "end": s.end_char,
            "label": s.label_,
            "text": text[s.start_char : s.end_char],
            "attrs": span_attrs(s),
        }
        for s in label_spans(doc)
    ]
    meta: Meta = {"source": doc._.source}
    if with_pipeline:
        meta["pipeline"] = PIPELINE_NAME
    return {
        "id": doc._.record_id,
        "text": text,
        "meta": meta,
        "spans": spans,
        "sections": [{"name": s["name"], "start": s["start"], "end": s["end"]} for s in (doc._.sections or [])],
        "outcomes": pair_outcomes(spans, doc._.outcome_items or []),
    }


def check_document(document: Mapping[str, Any], with_pipeline: bool = False) -> list[str]:
    """Problems of a document (predicted or gold, as read from JSON), as readable strings; empty
    when it follows the contract."""
    problems: list[str] = []
    for key in ("id", "text", "spans"):
        if key not in document:
            problems.append(f"missing {key!r}")
    if problems:
        return problems
    text = document["text"]
    spans = document["spans"]
    if with_pipeline and "pipeline" not in (document.get("meta") or {}):
        problems.append("meta.pipeline missing")
    keys = [(s.get("start"), s.get("end")) for s in spans]
    # Offsets that are not numbers cannot be ordered; they are reported span by span below.
    if all(isinstance(n, int) for key in keys for n in key) and keys != sorted(keys):
        problems.append("spans are not sorted by start, then end")
    last_end: dict[str, int] = {}
    for i, span in enumerate(spans):
        where = f"span {i} ({span.get('label')} {span.get('start')}-{span.get('end')})"
        label = span.get("label")
        if label not in LABEL_ATTRS:
            problems.append(f"{where}: unknown label")
            continue
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets outside the text")
            continue
        if span.get("text") != text[start:end]:
            problems.append(f"{where}: text {span.get('text')!r} != text[start:end] {text[start:end]!r}")
        if start < last_end.get(label, -1):
            problems.append(f"{where}: overlaps another {label} span")
        last_end[label] = max(last_end.get(label, -1), end)
        attrs = span.get("attrs") or {}
        missing = [a for a in LABEL_ATTRS[label] if a not in attrs]
        if missing:
            problems.append(f"{where}: attrs missing {missing}")
        if not isinstance(attrs.get("negated"), bool):
            problems.append(f"{where}: attrs.negated must be true or false")
    for j, outcome in enumerate(document.get("outcomes") or []):
        for key in ("endpoints", "timeframes"):
            for idx in outcome.get(key, []):
                if not (0 <= idx < len(spans)):
                    problems.append(f"outcome {j}: {key} index {idx} out of range")
    return problems
