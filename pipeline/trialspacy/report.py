"""A self-contained HTML report of extraction results: ``trialspacy report``.

One page with no external assets (inline style and script, nothing fetched): summary counts, each
document's text with its spans drawn in the manner of displaCy's span visualizer (a coloured bar
under the text per span, stacked where spans overlap, a tag in the label's colour where a span
starts), the attributes of every span on hover, checkboxes that show or hide each label and,
with gold annotations, the evaluation tables and the errors marked in the text: false positives,
missed gold spans and wrong attributes.

Tags and section names are drawn by CSS (``::before``), so a document's text in the page is exactly
the record's text: copied text and DOM queries see no labels.
"""

import html
import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .contract import Document, Span, innermost_section
from .errors import RecordError
from .evaluate import contract_documents
from .records import open_input
from .scoring import ErrorEntry, Evaluation
from .spans import CRITERION, LABELS
from .tables import TABLE_STYLE, html_table, html_tables

# A colour per label (the tag's background and the bar under the text).
LABEL_COLORS: dict[str, str] = {
    "DRUG": "#7aecec",
    "RADIATION_DOSE": "#ff9561",
    "ENDPOINT": "#c887fb",
    "TIMEFRAME": "#feca74",
    "CRITERION": "#a9c1e0",
}
DEFAULT_COLOR = "#dddddd"
# What each kind of mark means; "span" is a prediction the gold agrees with, or any span without gold.
MARK_KINDS = {
    "span": "extracted span",
    "fp": "false positive: extracted, not in the gold (or other boundaries)",
    "fn": "missed: in the gold, not extracted with these boundaries",
    "attr": "an attribute differs from the gold",
}
TAG_PREFIX = {"span": "", "fp": "✗ ", "fn": "missed ", "attr": "≠ "}
MAX_DEPTH = 12  # stacking levels with their own bar offset; deeper spans share the last one
BAR_STEP = 5  # px between stacked bars


@dataclass
class Mark:
    """One span to draw: its label, offsets, attributes and kind (see :data:`MARK_KINDS`)."""

    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    kind: str = "span"
    note: str = ""


# --- Reading -------------------------------------------------------------------------------------


def is_contract_file(path: str) -> bool:
    """Whether ``path`` is a JSONL file of contract dicts (``extract`` output, gold annotations;
    gzipped when it ends in ``.gz``): its first non-blank line is a JSON object with ``text`` and
    ``spans``."""
    name = path.lower()
    if not name.removesuffix(".gz").endswith((".jsonl", ".ndjson")):
        return False
    try:
        with open_input(path) as handle:
            line = next((line for line in handle if line.strip()), b"")
        first = json.loads(line)
    except (OSError, EOFError, zlib.error, ValueError, RecursionError):
        return False  # the record reader reports the problem in place
    return isinstance(first, dict) and "text" in first and "spans" in first


def read_inputs(
    inputs: Sequence[str],
    nlp: Any = None,
    batch_size: int = 64,
    on_progress: Callable[[], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    **reader_options: Any,
) -> Iterator[Document | RecordError]:
    """A contract dict, or a :class:`RecordError` in its place, for every record of the inputs, in
    order. JSONL files of contract dicts are used as they are; any other input (texts, registry
    records) goes through the pipeline, loaded on first need when ``nlp`` is None. Directories
    are read recursively; one without input files is told to ``on_warning``."""
    from .records import expand_inputs, iter_records
    from .run import results

    expanded, warnings = expand_inputs(inputs)
    for warning in warnings:
        if on_warning is not None:
            on_warning(warning)
    for path in expanded:
        if isinstance(path, str) and is_contract_file(path):
            items: Iterable[Any] = contract_documents(path, "predicted")
        else:
            if nlp is None:
                from . import load

                nlp = load()
            items = (
                r if isinstance(r, RecordError) else r[0]
                for r in results(nlp, iter_records([path], **reader_options), batch_size)
            )
        for item in items:
            if on_progress is not None:
                on_progress()
            yield item


# --- Marks ---------------------------------------------------------------------------------------


def _value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def describe(mark: Mark, text: str, section: str | None) -> str:
    """The hover text of a mark: label, text, section, attributes, and what is wrong, if anything."""
    lines = [f"{mark.label} “{text[mark.start : mark.end]}”"]
    if section:
        lines.append(f"section: {section}")
    lines += [f"{name}: {_value(value)}" for name, value in mark.attrs.items() if value is not None]
    if mark.kind != "span":
        lines.append(MARK_KINDS[mark.kind])
    if mark.note:
        lines.append(mark.note)
    return "\n".join(lines)


def document_marks(record: Document, errors: Sequence[ErrorEntry] = ()) -> list[Mark]:
    """The marks of a document: its spans, with the evaluator's errors for it (false positives and
    wrong attributes on the predicted spans, missed gold spans added), sorted by offsets."""
    kinds: dict[tuple[int, int, str], str] = {}
    notes: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    marks = []
    for entry in errors:
        key = (entry["start"], entry["end"], entry["label"])
        if entry["type"] == "fn":
            marks.append(Mark(entry["label"], entry["start"], entry["end"], dict(entry["gold"]), "fn"))
            continue
        kinds[key] = entry["type"]
        if entry["type"] == "attr":
            name = entry["attribute"]
            gold, pred = _value(entry["gold"].get(name)), _value(entry["pred"].get(name))
            notes[key].append(f"{name}: gold {gold}, extracted {pred}")
    for span in record["spans"]:
        key = (span["start"], span["end"], span["label"])
        marks.append(
            Mark(
                span["label"], span["start"], span["end"], span["attrs"], kinds.get(key, "span"), "\n".join(notes[key])
            )
        )
    return sorted(marks, key=lambda m: (m.start, -m.end, m.label, m.kind))


def stack_slots(marks: Sequence[Mark]) -> list[int]:
    """A stacking level per mark (0 nearest the text's top level, as displaCy stacks spans): the
    lowest level free of every overlapping mark placed before it, longer marks first."""
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -(marks[i].end - marks[i].start), marks[i].label))
    slots = [0] * len(marks)
    active: list[int] = []
    for i in order:
        active = [j for j in active if marks[j].end > marks[i].start]
        taken = {slots[j] for j in active}
        slots[i] = next(level for level in range(len(active) + 1) if level not in taken)
        active.append(i)
    return slots


# --- Rendering -----------------------------------------------------------------------------------


def _tag(mark: Mark) -> str:
    if mark.label == CRITERION and mark.attrs.get("section"):
        name = mark.attrs["section"]
    else:
        name = mark.label
    negated = " · negated" if mark.attrs.get("negated") else ""
    return f"{TAG_PREFIX[mark.kind]}{name}{negated}"


def render_text(record: Document, marks: Sequence[Mark]) -> tuple[str, int]:
    """The document's text as HTML with its marks nested as inline elements (one per mark and run
    of text between mark boundaries), section names where sections start; and the stacking depth."""
    text = record["text"]
    sections = record.get("sections") or []
    slots = stack_slots(marks)
    depth = min(max(slots) + 1, MAX_DEPTH) if marks else 0
    starting: dict[int, list[int]] = defaultdict(list)
    for i, mark in enumerate(marks):
        starting[mark.start].append(i)
    section_starts: dict[int, list[str]] = defaultdict(list)
    for section in sorted(sections, key=lambda s: (s["start"], -s["end"])):
        section_starts[section["start"]].append(section["name"])
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks), *section_starts})
    # Each mark's hover text, once: a long mark (a criterion) is opened again in every run of text.
    titles = [html.escape(describe(m, text, innermost_section(sections, m.start, m.end))) for m in marks]
    out: list[str] = []
    active: list[int] = []
    for a, b in zip(bounds, bounds[1:]):
        out += [f'<span class="sec" data-sec="{html.escape(name)}"></span>' for name in section_starts.get(a, [])]
        active = [i for i in active if marks[i].end > a] + starting.get(a, [])
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        opened = []
        for i in sorted(active, key=lambda j: slots[j]):
            mark = marks[i]
            level = max(depth - 1 - min(slots[i], MAX_DEPTH - 1), 0)
            first = mark.start == a
            tag = f' data-tag="{html.escape(_tag(mark))}"' if first else ""
            classes = f"e l-{mark.label} k-{mark.kind} p{level}" + (" first" if first else "")
            opened.append(f'<span class="{classes}"{tag} title="{titles[i]}">')
        out.append("".join(opened) + piece + "</span>" * len(opened))
    return "".join(out), depth


def _label_counts(spans: Iterable[Span]) -> Counter:
    return Counter(span["label"] for span in spans)


def _doc_section(index: int, record: Document, errors: Sequence[ErrorEntry], scored: bool) -> str:
    marks = document_marks(record, errors)
    body, depth = render_text(record, marks)
    counts = _label_counts(record["spans"])
    count_text = ", ".join(f"{label} {counts[label]}" for label in LABELS if counts[label]) or "no spans"
    error_counts = Counter(entry["type"] for entry in errors)
    error_text = ""
    if scored:
        parts = [f"{error_counts[k]} {k}" for k in ("fp", "fn", "attr") if error_counts[k]]
        error_text = f" · errors: {', '.join(parts)}" if parts else " · no errors"
    source = (record.get("meta") or {}).get("source")
    source_text = f" · {html.escape(source)}" if source else ""
    labels = " ".join(sorted(counts))
    line_height = 26 + BAR_STEP * depth
    parts = [
        f'<section class="doc" id="doc-{index}" data-labels="{labels}" data-errors="{len(errors)}">',
        f'<h3><span class="id">{html.escape(record["id"])}</span></h3>',
        f'<p class="meta">{count_text}{html.escape(error_text)}{source_text}</p>',
        f'<div class="text" style="line-height:{line_height}px">{body}</div>',
    ]
    if errors:
        rows = [
            [e["type"], e["label"], e["text"], e.get("attribute") or "", e["context"].replace("\n", " ")]
            for e in sorted(errors, key=lambda e: (e["start"], e["end"], e["type"]))
        ]
        parts.append("<details><summary>errors in this document</summary>")
        parts.append(html_table(["type", "label", "text", "attribute", "context"], rows) + "</details>")
    parts.append("</section>")
    return "\n".join(parts)


STYLE = """
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em;max-width:72em}
.doc{border-top:2px solid #ccc;margin-top:1.5em}.doc h3{margin:.6em 0 .2em}.meta{color:#555;margin:0 0 .5em}
.text{white-space:pre-wrap;font-size:15px}
.e{border-bottom:3px solid var(--c)}
.e.first::before{content:attr(data-tag);background:var(--c);color:#000;font-size:.62em;font-weight:bold;
 padding:1px 3px;margin-right:2px;border-radius:3px;white-space:nowrap;vertical-align:.15em;user-select:none}
.k-fp{background:#ffd9d9}.k-fp.first::before{outline:2px solid #d00000}
.k-attr{background:#ffe9c7}.k-attr.first::before{outline:2px solid #e07000}
.k-fn{border-bottom-style:dashed;background:#fff4a8}.k-fn.first::before{background:#fff;border:1px dashed #333}
.sec::before{content:attr(data-sec);color:#777;font-size:.7em;font-style:italic;border:1px solid #bbb;
 border-radius:3px;padding:0 3px;margin-right:3px;user-select:none}
.filters label{margin-right:1.2em;white-space:nowrap}.swatch{display:inline-block;width:.9em;height:.9em;
 border-radius:2px;vertical-align:-.1em;margin-right:.3em}
.hide-errorless .doc[data-errors="0"]{display:none}
nav ol{columns:2;font-size:.9em}
"""

SCRIPT = """
document.querySelectorAll('input[data-label]').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.dataset.label, !box.checked);
  });
});
var onlyErrors = document.getElementById('only-errors');
if (onlyErrors) {
  onlyErrors.addEventListener('change', function () {
    document.body.classList.toggle('hide-errorless', onlyErrors.checked);
  });
}
"""


def _style(labels: Sequence[str]) -> str:
    rules = [STYLE]
    for label in labels:
        rules.append(f".l-{label}{{--c:{LABEL_COLORS.get(label, DEFAULT_COLOR)}}}")
        # A hidden label keeps its text, loses its bar, tag and highlight.
        rules.append(
            f".hide-{label} .l-{label}{{border-bottom-color:transparent;background:none}}"
            f".hide-{label} .l-{label}.first::before{{display:none}}"
        )
    rules += [f".p{k}{{padding-bottom:{2 + BAR_STEP * k}px}}" for k in range(MAX_DEPTH)]
    return "\n".join(rules)


def render_report(
    documents: Sequence[Document],
    failures: Sequence[RecordError] = (),
    evaluation: Evaluation | None = None,
    limit: int | None = None,
    title: str = "trialspacy report",
) -> str:
    """The report page. ``failures`` are the records that gave no document; ``evaluation`` (of
    these documents against gold) adds its tables and marks its errors; ``limit`` renders only the
    first documents (the counts and the evaluation still cover all)."""
    labels = list(LABELS) + sorted({s["label"] for d in documents for s in d["spans"]} - set(LABELS))
    spans = [s for d in documents for s in d["spans"]]
    counts = _label_counts(spans)
    negated = Counter(s["label"] for s in spans if s["attrs"].get("negated"))
    docs_with = Counter(label for d in documents for label in {s["label"] for s in d["spans"]})
    errors_of: dict[str, list[ErrorEntry]] = defaultdict(list)
    gold_ids = set()
    if evaluation is not None:
        for entry in evaluation.errors:
            errors_of[entry["id"]].append(entry)
        gold_ids = {d["id"] for d in documents} - set(evaluation.documents.ignored)
    shown = documents[:limit] if limit is not None else documents

    summary = [
        f"<p>{len(documents)} documents, {len(spans)} spans"
        + (f"; {len(failures)} records could not be read or processed (listed below)" if failures else "")
        + (f"; showing the first {len(shown)}" if len(shown) < len(documents) else "")
        + ".</p>"
    ]
    rows = [
        [label, str(counts[label]), str(negated[label]), str(docs_with[label])] for label in labels if counts[label]
    ]
    summary.append(html_table(["label", "spans", "negated", "documents"], rows))
    filters = ['<p class="filters"><b>Show:</b> ']
    for label in labels:
        color = LABEL_COLORS.get(label, DEFAULT_COLOR)
        filters.append(
            f'<label><input type="checkbox" checked data-label="{label}">'
            f'<span class="swatch" style="background:{color}"></span>{label} ({counts[label]})</label>'
        )
    if evaluation is not None:
        filters.append('<label><input type="checkbox" id="only-errors">only documents with errors</label>')
    filters.append("</p>")
    legend = "".join(
        f"<li><b>{html.escape(TAG_PREFIX[k].strip() or 'plain')}</b>: {html.escape(v)}</li>"
        for k, v in MARK_KINDS.items()
    )
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{TABLE_STYLE}{_style(labels)}</style></head>",
        f"<body><h1>{html.escape(title)}</h1>",
        *summary,
        "".join(filters),
        "<p>Hover over a span for its attributes. Tags in the text: the label (an eligibility "
        "criterion's tag says inclusion or exclusion; “negated” when the mention is negated).</p>",
    ]
    if evaluation is not None:
        parts += [
            "<h2>Evaluation against the gold</h2>",
            html_tables(evaluation, level=3),
            f"<p>Marks in the text of the {len(gold_ids)} documents with gold:</p><ul>{legend}</ul>",
        ]
    if failures:
        parts.append("<h2>Records not shown</h2>")
        parts.append(
            html_table(
                ["source", "record", "line", "problem"],
                [[f.source, f.record or "", str(f.line or ""), f.problem] for f in failures],
            )
        )
    toc = "".join(
        f'<li><a href="#doc-{i}">{html.escape(d["id"])}</a> ({len(d["spans"])} spans)</li>' for i, d in enumerate(shown)
    )
    parts.append(f"<h2>Documents</h2><nav><ol>{toc}</ol></nav>")
    for i, record in enumerate(shown):
        parts.append(_doc_section(i, record, errors_of.get(record["id"], []), record["id"] in gold_ids))
    parts.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "\n".join(parts)
