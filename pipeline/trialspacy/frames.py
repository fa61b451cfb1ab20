"""Output documents as tables: one row per span (the CSV writer's rows too) and pandas DataFrames,
for analysis in notebooks.

pandas is the optional extra ``trialspacy[notebooks]``; it is imported when a frame is built.
Time frames in weeks follow one convention: 1 year = 365.25 days, 1 month = 365.25 / 12 =
30.4375 days, 1 week = 7 days.
"""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .contract import Document, Span, innermost_section
from .errors import Errors
from .spans import LABEL_ATTRS, TIMEFRAME
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

# Attribute -> column, every attribute of every label once. CRITERION's ``section`` attribute
# (inclusion or exclusion) is ``criterion_section``, as the ``section`` column is the innermost
# section of the text holding the span (``eligibility`` when a list has no heading).
ATTR_COLUMNS: dict[str, str] = {}
for _names in LABEL_ATTRS.values():
    for _name in _names:
        ATTR_COLUMNS.setdefault(_name, "criterion_section" if _name == "section" else _name)
# The columns of one row per span: the CSV output's, and the first ones of :func:`spans_frame`.
SPAN_COLUMNS = ["id", "label", "start", "end", "text", "section", *ATTR_COLUMNS.values()]
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


def span_row(document: Document, span: Span) -> dict[str, Any]:
    """The :data:`SPAN_COLUMNS` of one span: id, label, offsets, text, innermost section, and
    attributes as they are (lists stay lists, attributes of other labels None)."""
    row = {
        "id": document["id"],
        "label": span["label"],
        "start": span["start"],
        "end": span["end"],
        "text": span["text"],
        "section": innermost_section(document.get("sections") or [], span["start"], span["end"]),
    }
    row.update({column: span["attrs"].get(name) for name, column in ATTR_COLUMNS.items()})
    return row


def span_rows(document: Document) -> list[dict[str, Any]]:
    """One row per span of a document: :data:`SPAN_FRAME_COLUMNS`, that is :func:`span_row` with
    ``outcome`` (index) and ``role`` of the outcome item holding the span, and ``weeks`` and
    ``weeks_max`` for TIMEFRAME spans."""
    rows = []
    outcomes = document.get("outcomes") or []
    for span in document["spans"]:
        row = span_row(document, span)
        holding = (i for i, item in enumerate(outcomes) if contains(item, span["start"], span["end"]))
        outcome = next(holding, None)
        row["outcome"] = outcome
        row["role"] = outcomes[outcome]["role"] if outcome is not None else None
        timeframe = span["label"] == TIMEFRAME
        row["weeks"] = iso_weeks(row["value"]) if timeframe else None
        row["weeks_max"] = iso_weeks(row["value_max"]) if timeframe else None
        rows.append(row)
    return rows


def outcome_rows(document: Document) -> list[dict[str, Any]]:
    """One row per outcome item of a document: its role and text, the canonical names of its
    ENDPOINT spans, the texts of its TIMEFRAME spans and their lengths in weeks."""
    spans = document["spans"]
    return [
        {
            "id": document["id"],
            "outcome": i,
            "role": item["role"],
            "start": item["start"],
            "end": item["end"],
            "text": document["text"][item["start"] : item["end"]],
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
