"""Predictions scored against gold annotations, as the contract's "Scoring" section defines.

Gold and predictions are contract dicts (one JSONL line per document), matched by ``id``:

- strict: same ``start``, ``end`` and label; lenient: same label and overlapping offsets, each gold
  span paired with at most one predicted span and vice versa, greedily by overlap size (ties: the
  earlier gold span, then the earlier predicted span);
- attribute accuracy over strictly matched spans, per label and attribute (``normalized`` for DRUG
  agents only; ``abbreviation`` and ``drugbank_id`` are informative and not scored);
- 95% percentile bootstrap intervals over documents (1,000 resamples, fixed seed);
- label confusion over overlapping spans;
- outcome pairing accuracy: per gold outcome item, whether the predicted item at the same offsets
  holds the same ENDPOINT and TIMEFRAME spans (by offsets). A document without ``outcomes`` (gold
  made from quotes has none) gets them from the outcome items the layout finds in its text and
  its own spans inside each item, so the gold pairing comes from gold spans and the predicted one
  from predicted spans.

A gold document missing from the predictions counts all its spans as false negatives; predicted
documents not in the gold are ignored. Both are listed in the report.
"""

import html
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix
from spacy.language import Language
from spacy.scorer import PRFScore

from .contract import check_document, pair_outcomes, to_document
from .errors import Errors, RecordError
from .layout import parse_layout
from .records import Record
from .spans import CRITERION, DRUG, LABEL_ATTRS, LABELS

Document = dict[str, Any]
SpanDict = dict[str, Any]
Offsets = tuple[int, int]
Pairing = tuple[frozenset[Offsets], frozenset[Offsets]]

MICRO = "micro"
NONE = "none"
FORMATS = ("table", "json", "html")
UNSCORED_ATTRS = frozenset({"abbreviation", "drugbank_id"})
FLOAT_DIGITS = 6  # numbers equal to 1e-6 count as equal (cGy → Gy conversions leave float noise)
CONTEXT_CHARS = 60
N_RESAMPLES = 1000
SEED = 0
CONFIDENCE = 0.95
_COUNTS = ("tp", "fp", "fn")


@dataclass
class Evaluation:
    """The report (JSON-safe numbers, see :func:`evaluate`) and the error list for ``--errors``."""

    report: dict[str, Any]
    errors: list[dict[str, Any]] = field(default_factory=list)


# --- Reading -------------------------------------------------------------------------------------


def contract_documents(path: str, role: str = "gold") -> Iterator[Document | RecordError]:
    """Each line's contract dict, checked with :func:`~trialspacy.contract.check_document`, or a
    :class:`~trialspacy.errors.RecordError` in its place naming the file, the line and the problem
    (malformed, invalid, or an id repeated). ``role`` ("gold" or "predicted") words the message.
    A missing file raises."""
    if not Path(path).is_file():
        raise RecordError(path, Errors.E001)
    first_line: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RecordError(path, Errors.E006.format(line=number, reason=exc.msg))
                continue
            if not isinstance(record, dict):
                yield RecordError(path, Errors.E016.format(kind=type(record).__name__), line=number)
                continue
            record_id = record.get("id")
            problems = check_document(record)
            if problems:
                message = Errors.E017.format(role=role, record_id=record_id, problems="; ".join(problems[:3]))
                yield RecordError(path, message, line=number)
            elif record_id in first_line:
                message = Errors.E018.format(record_id=record_id, first=first_line[record_id], role=role)
                yield RecordError(path, message, line=number)
            else:
                first_line[record_id] = number
                yield record


def read_documents(path: str, role: str = "gold") -> list[Document]:
    """The contract dicts of a JSONL file (see :func:`contract_documents`); the first malformed,
    invalid or repeated line raises its :class:`~trialspacy.errors.RecordError`."""
    documents: list[Document] = []
    for item in contract_documents(path, role):
        if isinstance(item, RecordError):
            raise item
        documents.append(item)
    return documents


def predict(
    gold: Sequence[Document],
    nlp: Language | None = None,
    source: str = "gold",
    on_progress: Callable[[], None] | None = None,
) -> list[Document]:
    """Predictions for the gold texts: the pipeline over each text, sections detected from the text.

    A document the pipeline fails on gives no prediction (so it is scored as missing).
    """
    from . import load
    from .run import process

    nlp = nlp if nlp is not None else load()
    records = [Record(id=doc["id"], text=doc["text"], source=source) for doc in gold]
    predictions = []
    for item in process(nlp, records):
        if not isinstance(item, RecordError):
            predictions.append(to_document(item))
        if on_progress is not None:
            on_progress()
    return predictions


# --- Matching ------------------------------------------------------------------------------------


def offsets(span: SpanDict) -> Offsets:
    """``(start, end)`` of a span dict."""
    return span["start"], span["end"]


def overlap(a: SpanDict, b: SpanDict) -> int:
    """Characters two spans share (0 when they do not overlap)."""
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def greedy_pairs(gold: Sequence[SpanDict], pred: Sequence[SpanDict]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs of overlapping spans, the largest overlap first
    (ties: the earlier gold span, then the earlier predicted span)."""
    candidates = sorted(
        (-overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if overlap(g, p) > 0
    )
    used_gold, used_pred, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def comparable(value: Any) -> Any:
    """A JSON-safe attribute value made comparable: tuples as lists, numbers as floats rounded to
    :data:`FLOAT_DIGITS` places (booleans and strings unchanged)."""
    if isinstance(value, (list, tuple)):
        return [comparable(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value), FLOAT_DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


def value_key(value: Any) -> str:
    """A string that is equal for two attribute values exactly when they compare equal."""
    return json.dumps(comparable(value), sort_keys=True)


def scored_attrs(label: str, gold_attrs: dict[str, Any]) -> list[str]:
    """The attributes scored on a strictly matched span of ``label``."""
    names = [name for name in LABEL_ATTRS[label] if name not in UNSCORED_ATTRS]
    if label == DRUG and gold_attrs.get("kind") != "agent":
        names.remove("normalized")  # a class's name is informative only
    return names


def context(text: str, start: int, end: int) -> str:
    """The span in ``[[ ]]`` with :data:`CONTEXT_CHARS` characters either side."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    return f"{left}[[{text[start:end]}]]{text[end : end + CONTEXT_CHARS]}"


def outcome_pairings(record: Document, items: Callable[[], list[dict[str, Any]]]) -> dict[Offsets, Pairing]:
    """Each outcome item's offsets with the offsets of its ENDPOINT and TIMEFRAME spans: from the
    record's ``outcomes`` when it carries them, else from ``items()`` (the layout's outcome items)
    and the record's spans inside each."""
    spans = record["spans"]
    outcomes = record["outcomes"] if "outcomes" in record else pair_outcomes(spans, items())
    return {
        (o["start"], o["end"]): (
            frozenset(offsets(spans[i]) for i in o["endpoints"]),
            frozenset(offsets(spans[i]) for i in o["timeframes"]),
        )
        for o in outcomes
    }


# --- One document --------------------------------------------------------------------------------


@dataclass
class DocumentScore:
    """What one gold document contributes: counts per label, attribute values (gold and predicted
    keys per label and attribute), confusion pairs, outcome items, and the errors."""

    strict: dict[str, PRFScore] = field(default_factory=dict)
    lenient: dict[str, PRFScore] = field(default_factory=dict)
    attrs: dict[tuple[str, str], tuple[list[str], list[str]]] = field(default_factory=dict)
    confusion: list[tuple[str, str]] = field(default_factory=list)
    outcome_items: int = 0
    outcome_correct: int = 0
    outcome_derived: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def error_entry(
    doc_id: str, kind: str, span: SpanDict, text: str, partner: SpanDict | None = None, **extra: Any
) -> dict[str, Any]:
    """One ``--errors`` line: the span, ``extra`` (attributes), its context, and the span of the
    same label it overlaps (its lenient partner), if any."""
    entry = {
        "id": doc_id,
        "type": kind,
        "label": span["label"],
        "start": span["start"],
        "end": span["end"],
        "text": span["text"],
        **extra,
        "context": context(text, span["start"], span["end"]),
    }
    if partner is not None:
        entry["overlaps"] = {"start": partner["start"], "end": partner["end"], "text": partner["text"]}
    return entry


def _compare_label(
    score: DocumentScore,
    doc_id: str,
    text: str,
    gold: list[SpanDict],
    pred: list[SpanDict],
    pairs: list[tuple[int, int]],
) -> None:
    """Attribute values of the strict matches and the errors of one label's spans, into ``score``."""
    partner_of_gold = {i: pred[j] for i, j in pairs}
    partner_of_pred = {j: gold[i] for i, j in pairs}
    pred_at = {offsets(s): s for s in pred}
    gold_at = {offsets(s) for s in gold}
    for i, span in enumerate(gold):
        match = pred_at.get(offsets(span))
        if match is None:
            score.errors.append(error_entry(doc_id, "fn", span, text, partner_of_gold.get(i), gold=span["attrs"]))
            continue
        for name in scored_attrs(span["label"], span["attrs"]):
            gold_value, pred_value = value_key(span["attrs"].get(name)), value_key(match["attrs"].get(name))
            gold_values, pred_values = score.attrs.setdefault((span["label"], name), ([], []))
            gold_values.append(gold_value)
            pred_values.append(pred_value)
            if gold_value != pred_value:
                entry = error_entry(doc_id, "attr", span, text, attribute=name, gold=span["attrs"], pred=match["attrs"])
                score.errors.append(entry)
    for j, span in enumerate(pred):
        if offsets(span) not in gold_at:
            score.errors.append(error_entry(doc_id, "fp", span, text, partner_of_pred.get(j), pred=span["attrs"]))


def cross_label_confusion(gold: list[SpanDict], pred: list[SpanDict]) -> list[tuple[str, str]]:
    """(gold label, predicted label) for spans left unpaired within their label: overlapping ones
    paired one-to-one (greedily, as in lenient matching), the rest against "none"."""
    pairs = greedy_pairs(gold, pred)
    paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    return (
        [(gold[i]["label"], pred[j]["label"]) for i, j in pairs]
        + [(s["label"], NONE) for i, s in enumerate(gold) if i not in paired_gold]
        + [(NONE, s["label"]) for j, s in enumerate(pred) if j not in paired_pred]
    )


def score_document(gold: Document, pred: Document | None) -> DocumentScore:
    """Score one gold document against its prediction (None: missing, every gold span a false negative)."""
    text = gold["text"]
    pred_spans: list[SpanDict] = pred["spans"] if pred is not None else []
    score = DocumentScore()
    unpaired_gold: list[SpanDict] = []
    unpaired_pred: list[SpanDict] = []
    for label in LABELS:
        g = [s for s in gold["spans"] if s["label"] == label]
        p = [s for s in pred_spans if s["label"] == label]
        pairs = greedy_pairs(g, p)
        # Scorer.score_spans gives ratios only (the report and the bootstrap need tp/fp/fn) and
        # needs token-aligned spans; its counting step, PRFScore.score_set, over character offsets
        # gives the same numbers (the tests check that both agree).
        score.strict[label] = PRFScore()
        score.strict[label].score_set({offsets(s) for s in p}, {offsets(s) for s in g})
        score.lenient[label] = PRFScore(tp=len(pairs), fp=len(p) - len(pairs), fn=len(g) - len(pairs))
        _compare_label(score, gold["id"], text, g, p, pairs)
        score.confusion += [(label, label)] * len(pairs)
        paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
        left_gold = [s for i, s in enumerate(g) if i not in paired_gold]
        left_pred = [s for j, s in enumerate(p) if j not in paired_pred]
        if label == CRITERION:
            # A criterion contains mentions of the other labels by design, so only mention labels
            # are confused with one another; an unpaired CRITERION counts against "none".
            score.confusion += cross_label_confusion(left_gold, left_pred)
        else:
            unpaired_gold += left_gold
            unpaired_pred += left_pred
    # Overlapping spans of one label were all paired above, so any pair found now differs in label.
    score.confusion += cross_label_confusion(unpaired_gold, unpaired_pred)
    score.errors.sort(key=lambda e: (e["start"], e["end"], e["label"], e["type"]))

    def layout_items() -> list[dict[str, Any]]:
        return parse_layout(text).outcome_items

    gold_pairing = outcome_pairings(gold, layout_items)
    pred_pairing = outcome_pairings(pred, layout_items) if pred is not None else {}
    score.outcome_items = len(gold_pairing)
    score.outcome_correct = sum(1 for key, value in gold_pairing.items() if pred_pairing.get(key) == value)
    score.outcome_derived = 0 if "outcomes" in gold else len(gold_pairing)
    return score


# --- The corpus ----------------------------------------------------------------------------------


def prf(score: PRFScore) -> dict[str, Any]:
    """Counts and P/R/F1 of a PRFScore (spaCy's convention: 0.0 where nothing was predicted or expected)."""
    return {"tp": score.tp, "fp": score.fp, "fn": score.fn, "p": score.precision, "r": score.recall, "f": score.fscore}


def bootstrap_intervals(
    counts: np.ndarray, n_resamples: int = N_RESAMPLES, seed: int = SEED, confidence: float = CONFIDENCE
) -> list[dict[str, list[float] | None]]:
    """Percentile intervals of P, R and F1 for each row of per-document counts.

    ``counts`` has shape (documents, rows, 3) holding tp, fp, fn. Documents are resampled with
    replacement (as multinomial multiplicities, so memory grows with documents, not with their
    square); a resample where a row has no spans at all is left out of that row's interval.
    Returns per row ``{"p": [lo, hi], "r": ..., "f": ...}`` (None where no resample had spans).
    """
    n_docs, n_rows, _ = counts.shape
    if n_docs == 0:
        return [{"p": None, "r": None, "f": None} for _ in range(n_rows)]
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_resamples)
    sums = (weights @ counts.reshape(n_docs, -1)).reshape(n_resamples, n_rows, 3).astype(float)
    tp, fp, fn = sums[..., 0], sums[..., 1], sums[..., 2]
    p = np.divide(tp, tp + fp, out=np.zeros_like(tp), where=tp + fp > 0)
    r = np.divide(tp, tp + fn, out=np.zeros_like(tp), where=tp + fn > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros_like(tp), where=p + r > 0)
    present = tp + fp + fn > 0
    tail = (1 - confidence) / 2 * 100
    out = []
    for row in range(n_rows):
        kept = present[:, row]
        interval: dict[str, list[float] | None] = {}
        for name, values in (("p", p), ("r", r), ("f", f)):
            sample = values[kept, row]
            interval[name] = [float(v) for v in np.percentile(sample, [tail, 100 - tail])] if sample.size else None
        out.append(interval)
    return out


def _prf_block(per_doc: list[dict[str, PRFScore]], n_resamples: int, seed: int) -> dict[str, dict[str, Any]]:
    """Per label and micro: summed counts, P/R/F1 and bootstrap intervals."""
    rows = list(LABELS) + [MICRO]
    counts = np.zeros((len(per_doc), len(rows), 3), dtype=np.int64)
    for d, scores in enumerate(per_doc):
        for k, label in enumerate(LABELS):
            counts[d, k] = (scores[label].tp, scores[label].fp, scores[label].fn)
    counts[:, -1] = counts[:, :-1].sum(axis=1)
    intervals = bootstrap_intervals(counts, n_resamples=n_resamples, seed=seed)
    block = {}
    for k, row in enumerate(rows):
        total = PRFScore(**{name: int(v) for name, v in zip(_COUNTS, counts[:, k].sum(axis=0))})
        block[row] = {**prf(total), "ci": intervals[k]}
    return block


def attribute_accuracy(scores: Sequence[DocumentScore]) -> list[dict[str, Any]]:
    """Rows of label, attribute, n, correct and accuracy over the strict matches (attributes with
    no matched span are left out)."""
    rows = []
    for label in LABELS:
        for name in LABEL_ATTRS[label]:
            gold_values: list[str] = []
            pred_values: list[str] = []
            for score in scores:
                g, p = score.attrs.get((label, name), ([], []))
                gold_values += g
                pred_values += p
            if gold_values:
                correct = int(accuracy_score(gold_values, pred_values, normalize=False))
                n = len(gold_values)
                rows.append({"label": label, "attribute": name, "n": n, "correct": correct, "accuracy": correct / n})
    return rows


def label_confusion(scores: Sequence[DocumentScore]) -> dict[str, Any]:
    """The gold-label (rows) × predicted-label (columns) counts, ``none`` last."""
    names = list(LABELS) + [NONE]
    pairs = [pair for score in scores for pair in score.confusion]
    if not pairs:
        return {"labels": names, "matrix": [[0] * len(names) for _ in names]}
    matrix = confusion_matrix([g for g, _ in pairs], [p for _, p in pairs], labels=names)
    return {"labels": names, "matrix": matrix.tolist()}


def evaluate(
    gold: Sequence[Document],
    pred: Sequence[Document],
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
) -> Evaluation:
    """Score predictions against gold documents (matched by id); see the module docstring.

    The report holds ``documents`` (counts, ``missing`` and ``ignored`` ids), ``strict`` and
    ``lenient`` (per label and ``micro``: tp, fp, fn, p, r, f and ``ci`` with [lo, hi] per p/r/f;
    gold spans are tp + fn, predicted ones tp + fp), ``attributes`` (rows of label, attribute, n,
    correct, accuracy), ``confusion`` (gold-label rows × predicted-label columns, ``none`` for
    unmatched spans) and ``outcomes`` (items, correct, accuracy, derived_from_layout).
    """
    pred_by_id = {doc["id"]: doc for doc in pred}
    gold_ids = {doc["id"] for doc in gold}
    for doc in gold:
        if doc["id"] in pred_by_id and pred_by_id[doc["id"]]["text"] != doc["text"]:
            raise RecordError("predictions", Errors.E019, record=doc["id"])
    scores = [score_document(doc, pred_by_id.get(doc["id"])) for doc in gold]
    items = sum(score.outcome_items for score in scores)
    correct_items = sum(score.outcome_correct for score in scores)
    report = {
        "documents": {
            "gold": len(gold),
            "predicted": sum(1 for doc in gold if doc["id"] in pred_by_id),
            "missing": [doc["id"] for doc in gold if doc["id"] not in pred_by_id],
            "ignored": [doc["id"] for doc in pred if doc["id"] not in gold_ids],
        },
        "strict": _prf_block([s.strict for s in scores], n_resamples, seed),
        "lenient": _prf_block([s.lenient for s in scores], n_resamples, seed),
        "attributes": attribute_accuracy(scores),
        "confusion": label_confusion(scores),
        "outcomes": {
            "items": items,
            "correct": correct_items,
            "accuracy": correct_items / items if items else None,
            "derived_from_layout": sum(score.outcome_derived for score in scores),
        },
        "bootstrap": {"resamples": n_resamples, "seed": seed, "confidence": CONFIDENCE, "unit": "document"},
    }
    return Evaluation(report=report, errors=[e for score in scores for e in score.errors])


def evaluate_files(
    gold_path: str,
    pred_path: str | None = None,
    nlp: Language | None = None,
    on_progress: Callable[[], None] | None = None,
) -> Evaluation:
    """Read and check the gold file, read the predictions (or run the pipeline over the gold texts
    when ``pred_path`` is None) and score them."""
    gold = read_documents(gold_path, "gold")
    if pred_path is None:
        pred = predict(gold, nlp=nlp, source=gold_path, on_progress=on_progress)
    else:
        pred = read_documents(pred_path, "predicted")
    evaluation = evaluate(gold, pred)
    evaluation.report["documents"]["predictions"] = pred_path or "pipeline"
    return evaluation


def write_errors(errors: Sequence[dict[str, Any]], path: str) -> None:
    """The error list as JSONL, one false positive, false negative or wrong attribute per line."""
    with open(path, "w", encoding="utf-8") as handle:
        for entry in errors:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


# --- Rendering -----------------------------------------------------------------------------------

Table = tuple[str, list[str], list[list[str]]]


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _with_interval(value: float, interval: list[float] | None) -> str:
    if interval is None:
        return f"{value:.3f}"
    return f"{value:.3f} [{interval[0]:.3f}-{interval[1]:.3f}]"


def report_tables(report: dict[str, Any]) -> list[Table]:
    """The report as titled tables of strings (shared by the text and HTML renderings)."""
    tables: list[Table] = []
    level = f"{report['bootstrap']['confidence']:.0%}"
    for mode in ("strict", "lenient"):
        rows = []
        for row, scores in report[mode].items():
            rows.append(
                [row, str(scores["tp"] + scores["fn"]), str(scores["tp"] + scores["fp"])]
                + [_with_interval(scores[m], scores["ci"][m]) for m in ("p", "r", "f")]
                + [str(scores[c]) for c in _COUNTS]
            )
        headers = ["label", "gold", "pred"] + [f"{m} [{level} CI]" for m in ("P", "R", "F1")] + list(_COUNTS)
        tables.append((f"{mode.capitalize()} spans", headers, rows))
    attribute_rows = [
        [a["label"], a["attribute"], str(a["n"]), str(a["correct"]), _number(a["accuracy"])]
        for a in report["attributes"]
    ]
    attribute_headers = ["label", "attribute", "n", "correct", "accuracy"]
    tables.append(("Attributes of strictly matched spans", attribute_headers, attribute_rows))
    names = report["confusion"]["labels"]
    confusion_rows = [[name] + [str(v) for v in row] for name, row in zip(names, report["confusion"]["matrix"])]
    title = "Label confusion on overlapping spans (rows gold, columns predicted)"
    tables.append((title, ["gold \\ pred"] + names, confusion_rows))
    o = report["outcomes"]
    outcome_row = [str(o["items"]), str(o["correct"]), _number(o["accuracy"]), str(o["derived_from_layout"])]
    tables.append(("Outcome pairing", ["items", "correct", "accuracy", "items from layout"], [outcome_row]))
    return tables


def report_notes(report: dict[str, Any]) -> list[str]:
    """One line each on the documents compared, missing and ignored."""
    docs = report["documents"]
    source = f" (from {docs['predictions']})" if "predictions" in docs else ""
    notes = [f"{docs['gold']} gold documents, {docs['predicted']} with predictions{source}"]
    if docs["missing"]:
        count, ids = len(docs["missing"]), ", ".join(docs["missing"])
        notes.append(f"{count} gold documents missing from the predictions (all false negatives): {ids}")
    if docs["ignored"]:
        count, ids = len(docs["ignored"]), ", ".join(docs["ignored"])
        notes.append(f"{count} predicted documents not in the gold, ignored: {ids}")
    b = report["bootstrap"]
    level, resamples, seed = f"{b['confidence']:.0%}", b["resamples"], b["seed"]
    notes.append(f"intervals: {level} percentile bootstrap, {resamples} resamples of documents, seed {seed}")
    return notes


def _text_table(headers: list[str], rows: list[list[str]]) -> str:
    columns = list(zip(headers, *rows))
    widths = [max(len(cell) for cell in column) for column in columns]
    # Numbers right-aligned so their digits line up; names left-aligned.
    numeric = [all(cell[:1].isdigit() or cell == "-" for cell in column[1:]) for column in columns]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(row) for row in rows])


def render_table(report: dict[str, Any]) -> str:
    """The report as plain text for a terminal."""
    parts = report_notes(report)
    for title, headers, rows in report_tables(report):
        parts += ["", title, _text_table(headers, rows) if rows else "(none)"]
    return "\n".join(parts) + "\n"


TABLE_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
    "th,td{border:1px solid #bbb;padding:.25em .6em;text-align:right}"
    "td:first-child,th:first-child{text-align:left}th{background:#eee}"
)


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """One HTML table of escaped strings."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>"


def html_tables(report: dict[str, Any], level: int = 2) -> str:
    """The report's notes and titled tables as HTML (``level``: the heading level of the titles)."""
    body = [f"<p>{html.escape(note)}</p>" for note in report_notes(report)]
    for title, headers, rows in report_tables(report):
        body.append(f"<h{level}>{html.escape(title)}</h{level}>")
        body.append(html_table(headers, rows))
    return "\n".join(body)


def render_html(report: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (inline style, no external assets)."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>trialspacy evaluation</title>'
        f"<style>{TABLE_STYLE}</style></head><body><h1>trialspacy evaluation</h1>\n"
        + html_tables(report)
        + "\n</body></html>\n"
    )


def render(report: dict[str, Any], fmt: str = "table") -> str:
    """The report as ``table`` (plain text), ``json`` or ``html``."""
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(report)
    if fmt == "table":
        return render_table(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
