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


def table_rows(document: Document, run: str) -> dict[str, list[dict[str, Any]]]:
    """The document's rows in each of :data:`TABLES` but ``errors``, keyed by column name
    (``run``: the run's id, written in ``documents``)."""
    meta = document.get("meta") or {}
    spans = document["spans"]
    sections = document.get("sections") or []
    return {
        "documents": [
            {
                "id": document["id"],
                "digest": resume_key(document["id"], document["text"])[1].hex(),
                "source": meta.get("source"),
                "pipeline": meta.get("pipeline"),
                "run": run,
                "text": document["text"],
                "sections": [{"name": s["name"], "start": s["start"], "end": s["end"]} for s in sections],
            }
        ],
        "spans": [span_row(document, i) for i in range(len(spans))],
        "outcomes": [
            {**_outcome_row(document, i), "endpoints": item["endpoints"], "timeframes": item["timeframes"]}
            for i, item in enumerate(document.get("outcomes") or [])
        ],
        "criteria": [
            {
                "id": document["id"],
                "span": i,
                "section": span["attrs"].get("section"),
                "negated": span["attrs"].get("negated"),
                "requires": span["attrs"].get("requires"),
                "text": span["text"],
            }
            for i, span in enumerate(spans)
            if span["label"] == CRITERION
        ],
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
