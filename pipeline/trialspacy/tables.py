"""An :class:`~trialspacy.scoring.Evaluation` rendered for people: a plain-text table for a
terminal, HTML tables (also used by :mod:`trialspacy.report`), or JSON."""

import html
import json
from collections.abc import Sequence

from .errors import Errors
from .scoring import COUNTS, Evaluation

FORMATS = ("table", "json", "html")

Table = tuple[str, list[str], list[list[str]]]

TABLE_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
    "th,td{border:1px solid #bbb;padding:.25em .6em;text-align:right}"
    "td:first-child,th:first-child{text-align:left}th{background:#eee}"
)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _with_interval(value: float, interval: tuple[float, float] | None) -> str:
    if interval is None:
        return f"{value:.3f}"
    return f"{value:.3f} [{interval[0]:.3f}-{interval[1]:.3f}]"


def report_tables(evaluation: Evaluation) -> list[Table]:
    """The evaluation as titled tables of strings (shared by the text and HTML renderings)."""
    tables: list[Table] = []
    level = f"{evaluation.bootstrap.confidence:.0%}"
    for mode, block in (("strict", evaluation.strict), ("lenient", evaluation.lenient)):
        rows = [
            [row, str(s.gold), str(s.predicted)]
            + [_with_interval(s.p, s.ci.p), _with_interval(s.r, s.ci.r), _with_interval(s.f, s.ci.f)]
            + [str(s.tp), str(s.fp), str(s.fn)]
            for row, s in block.items()
        ]
        headers = ["label", "gold", "pred"] + [f"{m} [{level} CI]" for m in ("P", "R", "F1")] + list(COUNTS)
        tables.append((f"{mode.capitalize()} spans", headers, rows))
    attribute_rows = [
        [a.label, a.attribute, str(a.n), str(a.correct), _number(a.accuracy)] for a in evaluation.attributes
    ]
    attribute_headers = ["label", "attribute", "n", "correct", "accuracy"]
    tables.append(("Attributes of strictly matched spans", attribute_headers, attribute_rows))
    names = evaluation.confusion.labels
    confusion_rows = [[name] + [str(v) for v in row] for name, row in zip(names, evaluation.confusion.matrix)]
    title = "Label confusion on overlapping spans (rows gold, columns predicted)"
    tables.append((title, ["gold \\ pred"] + names, confusion_rows))
    o = evaluation.outcomes
    outcome_row = [str(o.items), str(o.correct), _number(o.accuracy), str(o.derived_from_layout)]
    tables.append(("Outcome pairing", ["items", "correct", "accuracy", "items from layout"], [outcome_row]))
    return tables


def report_notes(evaluation: Evaluation) -> list[str]:
    """One line each on the documents compared, missing and ignored, and on the intervals."""
    docs = evaluation.documents
    source = f" (from {docs.predictions})" if docs.predictions is not None else ""
    notes = [f"{docs.gold} gold documents, {docs.predicted} with predictions{source}"]
    if docs.missing:
        count, ids = len(docs.missing), ", ".join(docs.missing)
        notes.append(f"{count} gold documents missing from the predictions (all false negatives): {ids}")
    if docs.ignored:
        count, ids = len(docs.ignored), ", ".join(docs.ignored)
        notes.append(f"{count} predicted documents not in the gold, ignored: {ids}")
    b = evaluation.bootstrap
    level = f"{b.confidence:.0%}"
    notes.append(f"intervals: {level} percentile bootstrap, {b.resamples} resamples of documents, seed {b.seed}")
    return notes


def _text_table(headers: list[str], rows: list[list[str]]) -> str:
    columns = list(zip(headers, *rows))
    widths = [max(len(cell) for cell in column) for column in columns]
    # Numbers right-aligned so their digits line up; names left-aligned.
    numeric = [all(cell[:1].isdigit() or cell == "-" for cell in column[1:]) for column in columns]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(row) for row in rows])


def render_table(evaluation: Evaluation) -> str:
    """The evaluation as plain text for a terminal."""
    parts = report_notes(evaluation)
    for title, headers, rows in report_tables(evaluation):
        parts += ["", title, _text_table(headers, rows) if rows else "(none)"]
    return "\n".join(parts) + "\n"


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """One HTML table of escaped strings."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>"


def html_tables(evaluation: Evaluation, level: int = 2) -> str:
    """The evaluation's notes and titled tables as HTML (``level``: the heading level of the titles)."""
    body = [f"<p>{html.escape(note)}</p>" for note in report_notes(evaluation)]
    for title, headers, rows in report_tables(evaluation):
        body.append(f"<h{level}>{html.escape(title)}</h{level}>")
        body.append(html_table(headers, rows))
    return "\n".join(body)


def render_html(evaluation: Evaluation) -> str:
    """The evaluation as one self-contained HTML page (inline style, no external assets)."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>trialspacy evaluation</title>'
        f"<style>{TABLE_STYLE}</style></head><body><h1>trialspacy evaluation</h1>\n"
        + html_tables(evaluation)
        + "\n</body></html>\n"
    )


def render(evaluation: Evaluation, fmt: str = "table") -> str:
    """The evaluation as ``table`` (plain text), ``json`` (:meth:`Evaluation.to_dict`) or ``html``."""
    if fmt == "json":
        return json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(evaluation)
    if fmt == "table":
        return render_table(evaluation)
    raise ValueError(Errors.E073.format(fmt=fmt, choices=", ".join(FORMATS)))
