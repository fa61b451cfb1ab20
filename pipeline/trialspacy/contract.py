"""The output contract (``ENTITIES.md``) in code: the document's shape, how a Doc becomes one,
and how a document is checked.

Names keep the two sides apart: a *record* is an input (:class:`~trialspacy.records.Record`), a
*document* is the output dict described here, one per record. Gold files hold documents too
(without ``meta.pipeline``, and usually without ``sections`` and ``outcomes``).
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, NotRequired, TypedDict, get_args

from spacy.tokens import Doc

from .about import __title__, __version__
from .errors import json_kind
from .lexicon import doc_text
from .spans import ENDPOINT, LABEL_ATTRS, SPAN_KEY, TIMEFRAME, label_spans, span_attrs
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


def to_document(doc: Doc, with_pipeline: bool = True, spans_key: str = SPAN_KEY) -> Document:
    """The contract's document for a processed Doc (``with_pipeline``: name the pipeline in
    ``meta``, as ``extract`` does), from the span group ``spans_key`` (the one the pipeline
    writes: :func:`~trialspacy.spans.pipeline_spans_key`)."""
    text = doc_text(doc)
    spans: list[Span] = [
        {
            "start": s.start_char,
            "end": s.end_char,
            "label": s.label_,
            "text": text[s.start_char : s.end_char],
            "attrs": span_attrs(s),
        }
        for s in label_spans(doc, spans_key=spans_key)
    ]
    meta: Meta = {"source": doc._.trialspacy_source}
    if with_pipeline:
        meta["pipeline"] = PIPELINE_NAME
    return {
        "id": doc._.trialspacy_record_id,
        "text": text,
        "meta": meta,
        "spans": spans,
        "sections": [
            {"name": s["name"], "start": s["start"], "end": s["end"]} for s in (doc._.trialspacy_sections or [])
        ],
        "outcomes": pair_outcomes(spans, doc._.trialspacy_outcome_items or []),
    }


def _is_int(value: Any) -> bool:
    # JSON true and false are Python bools, which are ints: an offset must not be one.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# Attributes that hold a range ``[min, max]`` of numbers (or null); every other one but ``negated``
# holds text or null.
RANGE_ATTRS = frozenset({"dose_gy", "fractions", "total_gy"})


def _attr_problem(name: str, value: Any) -> str | None:
    if name == "negated":
        return None if isinstance(value, bool) else "attrs.negated must be true or false"
    if value is None:
        return None
    if name in RANGE_ATTRS:
        if isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value):
            return None
        return f"attrs.{name} must be [min, max] (two numbers) or null"
    return None if isinstance(value, str) else f"attrs.{name} must be a string or null, not {json_kind(value)}"


def _offsets(start: Any, end: Any, size: int, empty: bool = False) -> tuple[int, int] | str:
    """``(start, end)`` when it is a range of offsets into a text of ``size`` characters (a
    non-empty one unless ``empty``), else what is wrong with it."""
    for name, value in (("start", start), ("end", end)):
        if not _is_int(value):
            return f"{name} must be an integer, not {json_kind(value)}"
    if not (0 <= start <= end <= size and (empty or start < end)):
        return "offsets outside the text"
    return start, end


def _span_problems(text: str, spans: list[Any]) -> list[str]:
    problems: list[str] = []
    keys = [(s.get("start"), s.get("end")) for s in spans if isinstance(s, dict)]
    # Offsets that are not integers cannot be ordered; they are reported span by span below.
    if all(_is_int(n) for key in keys for n in key) and keys != sorted(keys):
        problems.append("spans are not sorted by start, then end")
    last_end: dict[str, int] = {}
    for i, span in enumerate(spans):
        if not isinstance(span, dict):
            problems.append(f"span {i}: must be an object, not {json_kind(span)}")
            continue
        label, start, end = span.get("label"), span.get("start"), span.get("end")
        where = f"span {i} ({label} {start}-{end})"
        if not (isinstance(label, str) and label in LABEL_ATTRS):
            problems.append(f"{where}: unknown label")
            continue
        offsets = _offsets(start, end, len(text))
        if isinstance(offsets, str):
            problems.append(f"{where}: {offsets}")
            continue
        start, end = offsets
        if span.get("text") != text[start:end]:
            problems.append(f"{where}: text {span.get('text')!r} != text[start:end] {text[start:end]!r}")
        if start < last_end.get(label, -1):
            problems.append(f"{where}: overlaps another {label} span")
        last_end[label] = max(last_end.get(label, -1), end)
        attrs = span.get("attrs")
        if attrs is None:
            attrs = {}
        if not isinstance(attrs, dict):
            problems.append(f"{where}: attrs must be an object, not {json_kind(attrs)}")
            continue
        missing = [a for a in LABEL_ATTRS[label] if a not in attrs]
        if missing:
            problems.append(f"{where}: attrs missing {missing}")
        problems += [
            f"{where}: {problem}"
            for name in LABEL_ATTRS[label]
            if (problem := _attr_problem(name, attrs.get(name))) is not None
        ]
    return problems


def _sections_problems(text: str, sections: list[Any]) -> list[str]:
    problems: list[str] = []
    for i, section in enumerate(sections):
        if not isinstance(section, dict):
            problems.append(f"section {i}: must be an object, not {json_kind(section)}")
            continue
        name = section.get("name")
        if not isinstance(name, str):
            problems.append(f"section {i}: name must be a string, not {json_kind(name)}")
        offsets = _offsets(section.get("start"), section.get("end"), len(text), empty=True)
        if isinstance(offsets, str):
            problems.append(f"section {i} ({name}): {offsets}")
    return problems


def _outcome_problems(text: str, spans: list[Any], outcomes: list[Any]) -> list[str]:
    problems: list[str] = []
    for j, outcome in enumerate(outcomes):
        if not isinstance(outcome, dict):
            problems.append(f"outcome {j}: must be an object, not {json_kind(outcome)}")
            continue
        role = outcome.get("role")
        if role not in get_args(Role):
            problems.append(f"outcome {j}: role must be one of {', '.join(get_args(Role))}")
        offsets = _offsets(outcome.get("start"), outcome.get("end"), len(text), empty=True)
        if isinstance(offsets, str):
            problems.append(f"outcome {j}: {offsets}")
        for key, label in (("endpoints", ENDPOINT), ("timeframes", TIMEFRAME)):
            indices = outcome.get(key)
            if not isinstance(indices, list):
                problems.append(f"outcome {j}: {key} must be an array of span indices, not {json_kind(indices)}")
                continue
            for idx in indices:
                if not _is_int(idx):
                    problems.append(f"outcome {j}: {key} index must be an integer, not {json_kind(idx)}")
                elif not (0 <= idx < len(spans)):
                    problems.append(f"outcome {j}: {key} index {idx} out of range")
                elif not (isinstance(spans[idx], dict) and spans[idx].get("label") == label):
                    problems.append(f"outcome {j}: {key} index {idx} is not a {label} span")
    return problems


def _meta_problems(meta: Any, with_pipeline: bool) -> list[str]:
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return [f"meta must be an object, not {json_kind(meta)}"]
    problems = [
        f"meta.{key} must be a string, not {json_kind(meta[key])}"
        for key in ("source", "pipeline")
        if meta.get(key) is not None and not isinstance(meta[key], str)
    ]
    if with_pipeline and "pipeline" not in meta:
        problems.append("meta.pipeline missing")
    return problems


def check_document(document: Any, with_pipeline: bool = False) -> list[str]:
    """Problems of a document (predicted or gold, as read from JSON), as readable strings; empty
    when it follows the contract. Any JSON value is checked without raising: a field of the wrong
    type is a problem like any other."""
    if not isinstance(document, Mapping):
        return [f"a document must be a JSON object, not {json_kind(document)}"]
    shape = [f"missing {key!r}" for key in ("id", "text", "spans") if key not in document]
    for key, kind, expected in (("id", str, "a string"), ("text", str, "a string"), ("spans", list, "an array")):
        if key in document and not isinstance(document[key], kind):
            shape.append(f"{key} must be {expected}, not {json_kind(document[key])}")
    for key in ("sections", "outcomes"):
        if key in document and not isinstance(document[key], list):
            shape.append(f"{key} must be an array, not {json_kind(document[key])}")
    problems = shape + _meta_problems(document.get("meta"), with_pipeline)
    if shape:
        # Spans, sections and outcomes are checked against the text, and outcomes against the spans.
        return problems
    text, spans = document["text"], document["spans"]
    problems += _span_problems(text, spans)
    problems += _sections_problems(text, document.get("sections", []))
    problems += _outcome_problems(text, spans, document.get("outcomes", []))
    return problems
