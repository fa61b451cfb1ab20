"""Predictions scored against gold annotations, as the contract's "Scoring" section defines.

Pure functions: lists of contract dicts in (gold and predicted documents, matched by ``id``), a
typed :class:`Evaluation` out; no files, no pipeline, no printing, and the same numbers for the
same seed. Reading the files lives in :mod:`trialspacy.evaluate`, running the pipeline over the
gold texts in :func:`trialspacy.run.predict`, rendering in :mod:`trialspacy.tables`.

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

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict, Unpack

import numpy as np
from spacy.scorer import PRFScore

from .contract import Document, pair_outcomes
from .contract import Span as SpanDict
from .errors import Errors, RecordError
from .layout import parse_layout
from .spans import CRITERION, DRUG, LABEL_ATTRS, LABELS

Offsets = tuple[int, int]
Pairing = tuple[frozenset[Offsets], frozenset[Offsets]]
Interval = tuple[float, float]

MICRO = "micro"
NONE = "none"
UNSCORED_ATTRS = frozenset({"abbreviation", "drugbank_id"})
FLOAT_DIGITS = 6  # numbers equal to 1e-6 count as equal (cGy → Gy conversions leave float noise)
CONTEXT_CHARS = 60
N_RESAMPLES = 1000
SEED = 0
CONFIDENCE = 0.95
COUNTS = ("tp", "fp", "fn")


# --- The report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Intervals:
    """Bootstrap percentile intervals ``(lo, hi)`` of P, R and F1 (None where no resample had spans)."""

    p: Interval | None
    r: Interval | None
    f: Interval | None

    def to_dict(self) -> dict[str, list[float] | None]:
        return {name: None if value is None else list(value) for name, value in dataclasses.asdict(self).items()}


@dataclass(frozen=True)
class LabelScore:
    """Counts, P/R/F1 (spaCy's convention: 0.0 where nothing was predicted or expected) and their
    intervals, for one label or the micro average."""

    tp: int
    fp: int
    fn: int
    p: float
    r: float
    f: float
    ci: Intervals

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def to_dict(self) -> dict[str, Any]:
        counts = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "p": self.p, "r": self.r, "f": self.f}
        return {**counts, "ci": self.ci.to_dict()}


@dataclass(frozen=True)
class AttributeScore:
    """Accuracy of one attribute of one label over the strictly matched spans."""

    label: str
    attribute: str
    n: int
    correct: int
    accuracy: float


@dataclass(frozen=True)
class Confusion:
    """Gold-label rows × predicted-label columns over overlapping spans, ``none`` last (unmatched)."""

    labels: list[str]
    matrix: list[list[int]]


@dataclass(frozen=True)
class OutcomeScore:
    """Outcome items whose predicted pairing of endpoints and time frames equals the gold one."""

    items: int
    correct: int
    accuracy: float | None
    derived_from_layout: int


@dataclass(frozen=True)
class Documents:
    """The documents compared: gold ids without a prediction (``missing``), predicted ids without
    gold (``ignored``), and where the predictions came from when the caller says (``predictions``)."""

    gold: int
    predicted: int
    missing: list[str]
    ignored: list[str]
    predictions: str | None = None

    def to_dict(self) -> dict[str, Any]:
        fields = dataclasses.asdict(self)
        if self.predictions is None:
            del fields["predictions"]
        return fields


@dataclass(frozen=True)
class Bootstrap:
    """How the intervals were drawn."""

    resamples: int
    seed: int
    confidence: float
    unit: str = "document"


class Overlapping(TypedDict):
    """The span of the same label an erroneous span overlaps (its lenient partner)."""

    start: int
    end: int
    text: str


class ErrorDetails(TypedDict, total=False):
    """The wrong attribute's name and the span's gold and predicted attributes, where they apply."""

    attribute: str
    gold: dict[str, Any]
    pred: dict[str, Any]


class ErrorEntry(ErrorDetails):
    """One false positive (``fp``), false negative (``fn``) or wrong attribute (``attr``): a line
    of ``trialspacy evaluate --errors``."""

    id: str
    type: str
    label: str
    start: int
    end: int
    text: str
    context: str
    overlaps: NotRequired[Overlapping]


@dataclass(frozen=True)
class Evaluation:
    """The scores of predictions against gold documents, and every error."""

    documents: Documents
    strict: dict[str, LabelScore]
    lenient: dict[str, LabelScore]
    attributes: list[AttributeScore]
    confusion: Confusion
    outcomes: OutcomeScore
    bootstrap: Bootstrap
    errors: list[ErrorEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-safe dicts (``trialspacy evaluate --format json``; the errors are
        written apart, with ``--errors``)."""
        return {
            "documents": self.documents.to_dict(),
            "strict": {row: s.to_dict() for row, s in self.strict.items()},
            "lenient": {row: s.to_dict() for row, s in self.lenient.items()},
            "attributes": [dataclasses.asdict(a) for a in self.attributes],
            "confusion": dataclasses.asdict(self.confusion),
            "outcomes": dataclasses.asdict(self.outcomes),
            "bootstrap": dataclasses.asdict(self.bootstrap),
        }


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
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
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
    errors: list[ErrorEntry] = field(default_factory=list)


def error_entry(
    doc_id: str, kind: str, span: SpanDict, text: str, partner: SpanDict | None = None, **details: Unpack[ErrorDetails]
) -> ErrorEntry:
    """One error: the span, ``details``, its context, and the span of the same label it overlaps
    (its lenient partner), if any."""
    entry: ErrorEntry = {
        "id": doc_id,
        "type": kind,
        "label": span["label"],
        "start": span["start"],
        "end": span["end"],
        "text": span["text"],
        **details,
        "context": context(text, span["start"], span["end"]),
    }
    if partner is not None:
        entry["overlaps"] = {"start": partner["start"], "end": partner["end"], "text": partner["text"]}
    return entry


def _compare_label(
    result: DocumentScore,
    doc_id: str,
    text: str,
    gold: list[SpanDict],
    pred: list[SpanDict],
    pairs: list[tuple[int, int]],
) -> None:
    """Attribute values of the strict matches and the errors of one label's spans, into ``result``."""
    partner_of_gold = {i: pred[j] for i, j in pairs}
    partner_of_pred = {j: gold[i] for i, j in pairs}
    pred_at = {offsets(s): s for s in pred}
    gold_at = {offsets(s) for s in gold}
    for i, span in enumerate(gold):
        match = pred_at.get(offsets(span))
        if match is None:
            result.errors.append(error_entry(doc_id, "fn", span, text, partner_of_gold.get(i), gold=span["attrs"]))
            continue
        for name in scored_attrs(span["label"], span["attrs"]):
            gold_value, pred_value = value_key(span["attrs"].get(name)), value_key(match["attrs"].get(name))
            gold_values, pred_values = result.attrs.setdefault((span["label"], name), ([], []))
            gold_values.append(gold_value)
            pred_values.append(pred_value)
            if gold_value != pred_value:
                entry = error_entry(doc_id, "attr", span, text, attribute=name, gold=span["attrs"], pred=match["attrs"])
                result.errors.append(entry)
    for j, span in enumerate(pred):
        if offsets(span) not in gold_at:
            result.errors.append(error_entry(doc_id, "fp", span, text, partner_of_pred.get(j), pred=span["attrs"]))


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
    result = DocumentScore()
    unpaired_gold: list[SpanDict] = []
    unpaired_pred: list[SpanDict] = []
    for label in LABELS:
        g = [s for s in gold["spans"] if s["label"] == label]
        p = [s for s in pred_spans if s["label"] == label]
        pairs = greedy_pairs(g, p)
        # Scorer.score_spans gives ratios only (the report and the bootstrap need tp/fp/fn) and
        # needs token-aligned spans; its counting step, PRFScore.score_set, over character offsets
        # gives the same numbers (the tests check that both agree).
        result.strict[label] = PRFScore()
        result.strict[label].score_set({offsets(s) for s in p}, {offsets(s) for s in g})
        result.lenient[label] = PRFScore(tp=len(pairs), fp=len(p) - len(pairs), fn=len(g) - len(pairs))
        _compare_label(result, gold["id"], text, g, p, pairs)
        result.confusion += [(label, label)] * len(pairs)
        paired_gold, paired_pred = {i for i, _ in pairs}, {j for _, j in pairs}
        left_gold = [s for i, s in enumerate(g) if i not in paired_gold]
        left_pred = [s for j, s in enumerate(p) if j not in paired_pred]
        if label == CRITERION:
            # A criterion contains mentions of the other labels by design, so only mention labels
            # are confused with one another; an unpaired CRITERION counts against "none".
            result.confusion += cross_label_confusion(left_gold, left_pred)
        else:
            unpaired_gold += left_gold
            unpaired_pred += left_pred
    # Overlapping spans of one label were all paired above, so any pair found now differs in label.
    result.confusion += cross_label_confusion(unpaired_gold, unpaired_pred)
    result.errors.sort(key=lambda e: (e["start"], e["end"], e["label"], e["type"]))

    def layout_items() -> list[dict[str, Any]]:
        return parse_layout(text).outcome_items

    gold_pairing = outcome_pairings(gold, layout_items)
    pred_pairing = outcome_pairings(pred, layout_items) if pred is not None else {}
    result.outcome_items = len(gold_pairing)
    result.outcome_correct = sum(1 for key, value in gold_pairing.items() if pred_pairing.get(key) == value)
    result.outcome_derived = 0 if "outcomes" in gold else len(gold_pairing)
    return result


# --- The corpus ----------------------------------------------------------------------------------


def bootstrap_intervals(
    counts: np.ndarray, n_resamples: int = N_RESAMPLES, seed: int = SEED, confidence: float = CONFIDENCE
) -> list[Intervals]:
    """Percentile intervals of P, R and F1 for each row of per-document counts.

    ``counts`` has shape (documents, rows, 3) holding tp, fp, fn. Documents are resampled with
    replacement (as multinomial multiplicities, so memory grows with documents, not with their
    square); a resample where a row has no spans at all is left out of that row's interval.
    """
    n_docs, n_rows, _ = counts.shape
    if n_docs == 0:
        return [Intervals(None, None, None) for _ in range(n_rows)]
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_resamples)
    sums = (weights @ counts.reshape(n_docs, -1)).reshape(n_resamples, n_rows, 3).astype(float)
    tp, fp, fn = sums[..., 0], sums[..., 1], sums[..., 2]
    p = np.divide(tp, tp + fp, out=np.zeros_like(tp), where=tp + fp > 0)
    r = np.divide(tp, tp + fn, out=np.zeros_like(tp), where=tp + fn > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros_like(tp), where=p + r > 0)
    present = tp + fp + fn > 0
    tail = (1 - confidence) / 2 * 100

    def interval(values: np.ndarray, row: int) -> Interval | None:
        sample = values[present[:, row], row]
        if not sample.size:
            return None
        lo, hi = np.percentile(sample, [tail, 100 - tail])
        return float(lo), float(hi)

    return [Intervals(interval(p, row), interval(r, row), interval(f, row)) for row in range(n_rows)]


def _label_scores(per_doc: list[dict[str, PRFScore]], n_resamples: int, seed: int) -> dict[str, LabelScore]:
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
        tp, fp, fn = (int(v) for v in counts[:, k].sum(axis=0))
        total = PRFScore(tp=tp, fp=fp, fn=fn)
        block[row] = LabelScore(tp, fp, fn, total.precision, total.recall, total.fscore, intervals[k])
    return block


def count_equal(gold: Sequence[str], pred: Sequence[str]) -> int:
    """How many positions hold the same value in both (scikit-learn's ``accuracy_score`` with
    ``normalize=False``; the tests check that both agree)."""
    return sum(1 for g, p in zip(gold, pred) if g == p)


def attribute_accuracy(scores: Sequence[DocumentScore]) -> list[AttributeScore]:
    """Per label and attribute, the accuracy over the strict matches (attributes with no matched
    span are left out)."""
    rows = []
    for label in LABELS:
        for name in LABEL_ATTRS[label]:
            gold_values: list[str] = []
            pred_values: list[str] = []
            for doc in scores:
                g, p = doc.attrs.get((label, name), ([], []))
                gold_values += g
                pred_values += p
            if gold_values:
                correct, n = count_equal(gold_values, pred_values), len(gold_values)
                rows.append(AttributeScore(label, name, n, correct, correct / n))
    return rows


def confusion_counts(pairs: Sequence[tuple[str, str]], names: Sequence[str]) -> list[list[int]]:
    """The ``names`` × ``names`` counts of (gold, predicted) pairs (scikit-learn's
    ``confusion_matrix`` with ``labels=names``, for pairs of those names; the tests check that
    both agree)."""
    index = {name: k for k, name in enumerate(names)}
    matrix = [[0] * len(names) for _ in names]
    for gold, pred in pairs:
        matrix[index[gold]][index[pred]] += 1
    return matrix


def label_confusion(scores: Sequence[DocumentScore]) -> Confusion:
    """The gold-label (rows) × predicted-label (columns) counts, ``none`` last."""
    names = list(LABELS) + [NONE]
    return Confusion(names, confusion_counts([pair for doc in scores for pair in doc.confusion], names))


def score(
    gold: Sequence[Document],
    pred: Sequence[Document],
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
) -> Evaluation:
    """Score predictions against gold documents (matched by id); see the module docstring.

    Gold spans of a label are its ``tp + fn``, predicted ones ``tp + fp``. A prediction whose text
    differs from its gold document's raises :class:`~trialspacy.errors.RecordError`.
    """
    pred_by_id = {doc["id"]: doc for doc in pred}
    gold_ids = {doc["id"] for doc in gold}
    for doc in gold:
        if doc["id"] in pred_by_id and pred_by_id[doc["id"]]["text"] != doc["text"]:
            raise RecordError("predictions", Errors.E019, record=doc["id"])
    scores = [score_document(doc, pred_by_id.get(doc["id"])) for doc in gold]
    items = sum(s.outcome_items for s in scores)
    correct_items = sum(s.outcome_correct for s in scores)
    return Evaluation(
        documents=Documents(
            gold=len(gold),
            predicted=sum(1 for doc in gold if doc["id"] in pred_by_id),
            missing=[doc["id"] for doc in gold if doc["id"] not in pred_by_id],
            ignored=[doc["id"] for doc in pred if doc["id"] not in gold_ids],
        ),
        strict=_label_scores([s.strict for s in scores], n_resamples, seed),
        lenient=_label_scores([s.lenient for s in scores], n_resamples, seed),
        attributes=attribute_accuracy(scores),
        confusion=label_confusion(scores),
        outcomes=OutcomeScore(
            items=items,
            correct=correct_items,
            accuracy=correct_items / items if items else None,
            derived_from_layout=sum(s.outcome_derived for s in scores),
        ),
        bootstrap=Bootstrap(resamples=n_resamples, seed=seed, confidence=CONFIDENCE),
        errors=[e for s in scores for e in s.errors],
    )
