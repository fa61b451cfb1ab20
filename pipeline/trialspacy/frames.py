"""Output documents as tables: the columns and rows of the tabular outputs (CSV, DuckDB, Parquet),
one definition for all of them, and pandas DataFrames for analysis in notebooks.

pandas is the optional extra ``trialspacy[notebooks]``; it is imported when a frame is built.
Time frames in weeks follow one convention: 1 year = 365.25 days, 1 month = 365.25 / 12 =
30.4375 days, 1 week = 7 days.
"""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .contract import RANGE_ATTRS, Document, innermost_section
from .errors import Errors
from .resume import resume_key
from .spans import CRITERION, LABEL_ATTRS, TIMEFRAME
from .text import contains

if TYPE_CHECKING:
    import pandas

_NUMBER = r"(\d+(?:\.\d+)?)"
_DURATION = re.compile(
    rf"(?:R\d*/)?P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?"
)
# Days per unit, in the order of the groups of _DURATION: Y, M, W, D, then after T: H, M, S.
_DAYS = (365.25, 365.25 / 12, 7.0, 1.0, 1 / 24, 1 / 1440, 1 / 86400)


class Column(NamedTuple):
    """A column of an output table: its name and its SQL type, in DuckDB's spelling (the Arrow
    type of the Parquet files follows from it)."""

    name: str
    type: str


TEXT = "VARCHAR"
INTEGER = "BIGINT"
NUMBER = "DOUBLE"
BOOLEAN = "BOOLEAN"
INTEGERS = "BIGINT[]"
SECTIONS = 'STRUCT(name VARCHAR, start BIGINT, "end" BIGINT)[]'


def _attr_columns(name: str) -> tuple[Column, ...]:
    if name == "negated":
        return (Column(name, BOOLEAN),)
    if name in RANGE_ATTRS:
        # A range [min, max] is two numbers, so a spreadsheet or SQL can compare and sum them.
        return (Column(f"{name}_min", NUMBER), Column(f"{name}_max", NUMBER))
    # CRITERION's ``section`` (inclusion or exclusion) is not the section of the text holding the span.
    return (Column("criterion_section" if name == "section" else name, TEXT),)


# Attribute -> its columns, every attribute of every label once.
ATTR_COLUMNS: dict[str, tuple[Column, ...]] = {}
for _names in LABEL_ATTRS.values():
    for _name in _names:
        ATTR_COLUMNS.setdefault(_name, _attr_columns(_name))

# One row per span: the CSV output, the ``spans`` table of DuckDB and Parquet, and the first
# columns of :func:`spans_frame`. ``id`` and ``span`` (the index into the document's spans, as the
# outcomes' ``endpoints`` and ``timeframes`` give it) are the key; ``section`` is the innermost
# section of the text holding the span (``eligibility`` when a list has no heading).
SPAN_TABLE: tuple[Column, ...] = (
    Column("id", TEXT),
    Column("span", INTEGER),
    Column("label", TEXT),
    Column("start", INTEGER),
    Column("end", INTEGER),
    Column("text", TEXT),
    Column("section", TEXT),
    *(column for columns in ATTR_COLUMNS.values() for column in columns),
)
# The tables of the DuckDB and Parquet outputs, which join on ``id`` (and ``span``). ``digest`` is
# the text's part of :func:`~trialspacy.resume.resume_key` (hex), ``run`` when the run started.
TABLES: dict[str, tuple[Column, ...]] = {
    "documents": (
        Column("id", TEXT),
        Column("digest", TEXT),
        Column("source", TEXT),
        Column("pipeline", TEXT),
        Column("run", TEXT),
        Column("text", TEXT),
        Column("sections", SECTIONS),
    ),
    "spans": SPAN_TABLE,
    "outcomes": (
        Column("id", TEXT),
        Column("outcome", INTEGER),
        Column("role", TEXT),
        Column("start", INTEGER),
        Column("end", INTEGER),
        Column("text", TEXT),
        Column("endpoints", INTEGERS),
        Column("timeframes", INTEGERS),
    ),
    "criteria": (
        Column("id", TEXT),
        Column("span", INTEGER),
        Column("section", TEXT),
        Column("negated", BOOLEAN),
        Column("requires", TEXT),
        Column("text", TEXT),
    ),
    "errors": (
        Column("run", TEXT),
        Column("source", TEXT),
        Column("record", TEXT),
        Column("line", INTEGER),
        Column("error", TEXT),
    ),
}
SPAN_COLUMNS = [column.name for column in SPAN_TABLE]
SPAN_FRAME_COLUMNS = [*SPAN_COLUMNS, "outcome", "role", "weeks", "weeks_max"]
OUTCOME_COLUMNS = ["id", "outcome", "role", "start", "end", "text", "endpoints", "timeframes", "weeks"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(Errors.E074) from None
    return pandas


def iso_weeks(value: str | None) -> float | None:
    """Weeks in an ISO 8601 duration (``P6M`` → 26.09) or in the period of a repetition
    (``R/P3W`` → 3.0); None for a date, None or anything else."""
    match = _DURATION.fullmatch(value or "")
    if match is None or not any(match.groups()):
        return None
    days = sum(float(n) * per for n, per in zip(match.groups(), _DAYS) if n is not None)
    return days / 7


def span_row(document: Document, index: int) -> dict[str, Any]:
    """The :data:`SPAN_COLUMNS` of the document's span ``index``: id, index, label, offsets, text,
    innermost section, and attributes (a range as its min and max; attributes of other labels None)."""
    span = document["spans"][index]
    row = {
        "id": document["id"],
        "span": index,
        "label": span["label"],
        "start": span["start"],
        "end": span["end"],
        "text": span["text"],
        "section": innermost_section(document.get("sections") or [], span["start"], span["end"]),
    }
    for name, columns in ATTR_COLUMNS.items():
        value = span["attrs"].get(name)
        if name in RANGE_ATTRS:
            low, high = value if isinstance(value, list) else (None, None)
            row[columns[0].name], row[columns[1].name] = low, high
        else:
            row[columns[0].name] = value
    return row


def _innermost_sections(document: Document) -> list[str | None]:
    """:func:`~trialspacy.contract.innermost_section` of each of the document's spans, with the
    sections sorted once, smallest first (a stable sort: the first of equal ones comes first)."""
    by_size = sorted(document.get("sections") or [], key=lambda s: s["end"] - s["start"])
    return [
        next((s["name"] for s in by_size if s["start"] <= span["start"] and span["end"] <= s["end"]), None)
        for span in document["spans"]
    ]


def table_columns(documents: list[Document], run: str) -> dict[str, dict[str, list[Any]]]:
    """The documents' rows in each of :data:`TABLES` but ``errors``, as columns (name -> values,
    in the order of the documents), so that a batch becomes Arrow arrays without a dict per row
    (``run``: the run's id, written in ``documents``). A span's columns are those of :func:`span_row`."""
    metas = [document.get("meta") or {} for document in documents]
    spans = [span for document in documents for span in document["spans"]]
    attrs = [span["attrs"] for span in spans]
    span_columns: dict[str, list[Any]] = {
        "id": [document["id"] for document in documents for _ in document["spans"]],
        "span": [i for document in documents for i in range(len(document["spans"]))],
        "label": [span["label"] for span in spans],
        "start": [span["start"] for span in spans],
        "end": [span["end"] for span in spans],
        "text": [span["text"] for span in spans],
        "section": [name for document in documents for name in _innermost_sections(document)],
    }
    for name, columns in ATTR_COLUMNS.items():
        values = [a.get(name) for a in attrs]
        if name in RANGE_ATTRS:
            ranges = [value if isinstance(value, list) else (None, None) for value in values]
            span_columns[columns[0].name] = [low for low, _ in ranges]
            span_columns[columns[1].name] = [high for _, high in ranges]
        else:
            span_columns[columns[0].name] = values
    outcomes = [(document, i, item) for document in documents for i, item in enumerate(document.get("outcomes") or [])]
    criteria = [
        (document["id"], i, span)
        for document in documents
        for i, span in enumerate(document["spans"])
        if span["label"] == CRITERION
    ]
    return {
        "documents": {
            "id": [document["id"] for document in documents],
            "digest": [resume_key(document["id"], document["text"])[1].hex() for document in documents],
            "source": [meta.get("source") for meta in metas],
            "pipeline": [meta.get("pipeline") for meta in metas],
            "run": [run] * len(documents),
            "text": [document["text"] for document in documents],
            "sections": [
                [{"name": s["name"], "start": s["start"], "end": s["end"]} for s in document.get("sections") or []]
                for document in documents
            ],
        },
        "spans": span_columns,
        "outcomes": {
            "id": [document["id"] for document, _, _ in outcomes],
            "outcome": [i for _, i, _ in outcomes],
            "role": [item["role"] for _, _, item in outcomes],
            "start": [item["start"] for _, _, item in outcomes],
            "end": [item["end"] for _, _, item in outcomes],
            "text": [document["text"][item["start"] : item["end"]] for document, _, item in outcomes],
            "endpoints": [item["endpoints"] for _, _, item in outcomes],
            "timeframes": [item["timeframes"] for _, _, item in outcomes],
        },
        "criteria": {
            "id": [record_id for record_id, _, _ in criteria],
            "span": [i for _, i, _ in criteria],
            "section": [span["attrs"].get("section") for _, _, span in criteria],
            "negated": [span["attrs"].get("negated") for _, _, span in criteria],
            "requires": [span["attrs"].get("requires") for _, _, span in criteria],
            "text": [span["text"] for _, _, span in criteria],
        },
    }


def span_rows(document: Document) -> list[dict[str, Any]]:
    """One row per span of a document: :data:`SPAN_FRAME_COLUMNS`, that is :func:`span_row` with
    ``outcome`` (index) and ``role`` of the outcome item holding the span, and ``weeks`` and
    ``weeks_max`` for TIMEFRAME spans."""
    rows = []
    outcomes = document.get("outcomes") or []
    for index, span in enumerate(document["spans"]):
        row = span_row(document, index)
        holding = (i for i, item in enumerate(outcomes) if contains(item, span["start"], span["end"]))
        outcome = next(holding, None)
        row["outcome"] = outcome
        row["role"] = outcomes[outcome]["role"] if outcome is not None else None
        timeframe = span["label"] == TIMEFRAME
        row["weeks"] = iso_weeks(row["value"]) if timeframe else None
        row["weeks_max"] = iso_weeks(row["value_max"]) if timeframe else None
        rows.append(row)
    return rows


def _outcome_row(document: Document, index: int) -> dict[str, Any]:
    """The columns every outcome table starts with: document id, outcome index, role, offsets, text."""
    item = (document.get("outcomes") or [])[index]
    return {
        "id": document["id"],
        "outcome": index,
        "role": item["role"],
        "start": item["start"],
        "end": item["end"],
        "text": document["text"][item["start"] : item["end"]],
    }


def outcome_rows(document: Document) -> list[dict[str, Any]]:
    """One row per outcome item of a document: its role and text, the canonical names of its
    ENDPOINT spans, the texts of its TIMEFRAME spans and their lengths in weeks."""
    spans = document["spans"]
    return [
        {
            **_outcome_row(document, i),
            "endpoints": [spans[j]["attrs"]["canonical"] for j in item["endpoints"]],
            "timeframes": [spans[j]["text"] for j in item["timeframes"]],
            "weeks": [iso_weeks(spans[j]["attrs"]["value"]) for j in item["timeframes"]],
        }
        for i, item in enumerate(document.get("outcomes") or [])
    ]


def spans_frame(documents: Iterable[Document]) -> "pandas.DataFrame":
    """All spans of the documents, one row each (see :func:`span_rows`)."""
    pandas = _pandas()
    rows = [row for document in documents for row in span_rows(document)]
    frame = pandas.DataFrame(rows, columns=SPAN_FRAME_COLUMNS)
    # A nullable integer: most spans are in no outcome item, and NaN would make the indices floats.
    frame["outcome"] = frame["outcome"].astype("Int64")
    return frame


def outcomes_frame(documents: Iterable[Document]) -> "pandas.DataFrame":
    """All outcome items of the documents, one row each (see :func:`outcome_rows`)."""
    pandas = _pandas()
    rows = [row for document in documents for row in outcome_rows(document)]
    return pandas.DataFrame(rows, columns=OUTCOME_COLUMNS)


def errors_frame(errors: Iterable[dict[str, Any]]) -> "pandas.DataFrame":
    """The evaluator's error entries (false positives, false negatives, wrong attributes), one row
    each, with the gold and predicted value of the wrong attribute."""
    pandas = _pandas()
    rows = []
    for entry in errors:
        name = entry.get("attribute")
        rows.append(
            {
                "id": entry["id"],
                "type": entry["type"],
                "label": entry["label"],
                "text": entry["text"],
                "attribute": name,
                "gold": entry["gold"].get(name) if name else None,
                "pred": entry["pred"].get(name) if name else None,
                "overlaps": (entry.get("overlaps") or {}).get("text"),
                "context": entry["context"],
            }
        )
    columns = ["id", "type", "label", "text", "attribute", "gold", "pred", "overlaps", "context"]
    return pandas.DataFrame(rows, columns=columns)
