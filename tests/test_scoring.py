"""Scoring: hand-built gold/prediction pairs whose scores are worked out by hand, spaCy's and
scikit-learn's results on the same input, and the report on the gold test split against a fixed
prediction file, equal to the one the evaluator gave before it was split into modules."""

import gzip
import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import REPO, SEEDS_DIR
from scoring_cases import GOLD, PRED, TEXT_1, document, drug, pfs, span
from spacy.scorer import Scorer
from spacy.training import Example

from trialspacy.errors import RecordError
from trialspacy.evaluate import read_documents
from trialspacy.scoring import (
    MICRO,
    NONE,
    bootstrap_intervals,
    confusion_counts,
    count_equal,
    greedy_pairs,
    score,
    score_document,
    value_key,
)
from trialspacy.spans import LABELS
from trialspacy.tables import render
from trialspacy.tokenizer import blank


@pytest.fixture(scope="module")
def evaluation():
    return score(GOLD, PRED)


def scores(evaluation, mode, row):
    block = getattr(evaluation, mode)[row]
    return (block.tp, block.fp, block.fn), (block.p, block.r, block.f)


@pytest.mark.parametrize(
    "mode,row,counts,prf",
    [
        ("strict", "DRUG", (2, 1, 1), (2 / 3, 2 / 3, 2 / 3)),
        ("strict", "RADIATION_DOSE", (1, 1, 1), (0.5, 0.5, 0.5)),
        ("strict", "TIMEFRAME", (1, 1, 1), (0.5, 0.5, 0.5)),
        ("strict", "ENDPOINT", (1, 0, 1), (1.0, 0.5, 2 / 3)),
        ("strict", "CRITERION", (0, 0, 0), (0.0, 0.0, 0.0)),
        ("strict", MICRO, (5, 3, 4), (5 / 8, 5 / 9, 10 / 17)),
        ("lenient", "DRUG", (2, 1, 1), (2 / 3, 2 / 3, 2 / 3)),
        ("lenient", "RADIATION_DOSE", (2, 0, 0), (1.0, 1.0, 1.0)),
        ("lenient", "TIMEFRAME", (2, 0, 0), (1.0, 1.0, 1.0)),
        ("lenient", "ENDPOINT", (1, 0, 1), (1.0, 0.5, 2 / 3)),
        ("lenient", MICRO, (7, 1, 2), (7 / 8, 7 / 9, 14 / 17)),
    ],
)
def test_score_counts_and_prf_per_label_and_micro(evaluation, mode, row, counts, prf):
    got_counts, got_prf = scores(evaluation, mode, row)
    assert got_counts == counts
    assert got_prf == pytest.approx(prf, abs=1e-12)


def test_score_strict_matches_spacy_scorer_on_the_same_examples(evaluation):
    nlp = blank()
    examples = []
    pred_by_id = {d["id"]: d for d in PRED}
    for gold in GOLD:
        docs = []
        for record in (gold, pred_by_id.get(gold["id"], {"spans": []})):
            doc = nlp.make_doc(gold["text"])
            doc.spans["sc"] = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]
            docs.append(doc)
        examples.append(Example(docs[1], docs[0]))
    spacy_scores = Scorer.score_spans(examples, "sc", getter=lambda doc, key: doc.spans[key], allow_overlap=True)
    assert spacy_scores["sc_f"] == pytest.approx(evaluation.strict[MICRO].f)
    for label, prf in spacy_scores["sc_per_type"].items():
        assert (prf["p"], prf["r"], prf["f"]) == pytest.approx(scores(evaluation, "strict", label)[1])


@pytest.mark.parametrize(
    "label,attribute,n,correct",
    [
        ("DRUG", "negated", 2, 1),
        ("DRUG", "normalized", 2, 2),
        ("DRUG", "kind", 2, 2),
        ("RADIATION_DOSE", "dose_gy", 1, 1),
        ("RADIATION_DOSE", "dose_kind", 1, 0),
        ("RADIATION_DOSE", "fractions", 1, 1),
        ("RADIATION_DOSE", "total_gy", 1, 1),
        ("ENDPOINT", "canonical", 1, 0),
        ("ENDPOINT", "negated", 1, 1),
        ("TIMEFRAME", "value", 1, 1),
        ("TIMEFRAME", "value_max", 1, 1),
    ],
)
def test_score_attribute_accuracy_over_strict_matches(evaluation, label, attribute, n, correct):
    rows = {(a.label, a.attribute): a for a in evaluation.attributes}
    assert (rows[label, attribute].n, rows[label, attribute].correct) == (n, correct)
    assert rows[label, attribute].accuracy == correct / n


def test_score_does_not_score_informative_attributes(evaluation):
    scored = {a.attribute for a in evaluation.attributes}
    assert not scored & {"abbreviation", "drugbank_id"}


def test_score_scores_normalized_for_drug_agents_only():
    text = "prior PD-1 inhibitors or docetaxel"
    gold = [
        document(
            "d",
            text,
            [
                span(text, "DRUG", "PD-1 inhibitors", kind="class", normalized="pd-1 inhibitors"),
                drug(text, "docetaxel", "docetaxel"),
            ],
        )
    ]
    pred = [
        document(
            "d",
            text,
            [
                span(text, "DRUG", "PD-1 inhibitors", kind="class", normalized="pd1 inhibitor"),
                drug(text, "docetaxel", "docetaxel"),
            ],
        )
    ]
    rows = {(a.label, a.attribute): a for a in score(gold, pred).attributes}
    assert (rows["DRUG", "normalized"].n, rows["DRUG", "normalized"].correct) == (1, 1)
    assert rows["DRUG", "kind"].n == 2


@pytest.mark.parametrize(
    "gold_value,pred_value,equal",
    [
        ([8, 12], (8.0, 12.0), True),
        ([12, 12], [12.0000000001, 12], True),
        ([12, 12], [12.01, 12], False),
        ("R/P3W", "R/P3W", True),
        (None, "P2Y", False),
        (False, 0, False),
        (None, None, True),
    ],
)
def test_attribute_values_compare_tuples_as_lists_and_floats_with_tolerance(gold_value, pred_value, equal):
    assert (value_key(gold_value) == value_key(pred_value)) == equal


def test_score_confusion_counts_overlapping_spans_by_label(evaluation):
    confusion = evaluation.confusion
    names = confusion.labels
    assert names == list(LABELS) + [NONE]
    cell = {(g, p): confusion.matrix[i][j] for i, g in enumerate(names) for j, p in enumerate(names)}
    expected = {
        ("DRUG", "DRUG"): 2,
        ("DRUG", NONE): 1,
        ("RADIATION_DOSE", "RADIATION_DOSE"): 2,
        ("TIMEFRAME", "TIMEFRAME"): 2,
        ("ENDPOINT", "ENDPOINT"): 1,
        ("ENDPOINT", "DRUG"): 1,
    }
    assert {k: v for k, v in cell.items() if v} == expected


def test_score_criterion_is_not_confused_with_mentions_inside_it():
    text = "Exclusion Criteria:\n- Prior treatment with docetaxel."
    gold = [
        document(
            "d",
            text,
            [span(text, "CRITERION", "Prior treatment with docetaxel.", section="exclusion", requires="absent")],
        )
    ]
    pred = [document("d", text, [drug(text, "docetaxel", "docetaxel")])]
    confusion = score(gold, pred).confusion
    names = confusion.labels
    assert confusion.matrix[names.index("CRITERION")][names.index(NONE)] == 1
    assert confusion.matrix[names.index(NONE)][names.index("DRUG")] == 1
    assert confusion.matrix[names.index("CRITERION")][names.index("DRUG")] == 0


def test_lenient_matching_is_one_to_one_by_largest_overlap():
    text = "once every 3 weeks for 2 years and 6 months"
    gold = [
        span(text, "TIMEFRAME", "once every 3 weeks"),
        span(text, "TIMEFRAME", "2 years"),
        span(text, "TIMEFRAME", "6 months"),
    ]
    pred = [
        span(text, "TIMEFRAME", "once"),
        span(text, "TIMEFRAME", "every 3 weeks"),
        span(text, "TIMEFRAME", "2 years and 6 months"),
    ]
    assert greedy_pairs(gold, pred) == [(0, 1), (2, 2)]  # "6 months" (8 chars) wins over "2 years" (7)
    evaluation = score([document("d", text, gold)], [document("d", text, pred)])
    assert scores(evaluation, "lenient", "TIMEFRAME")[0] == (2, 1, 1)
    assert scores(evaluation, "strict", "TIMEFRAME")[0] == (0, 3, 3)


def test_score_lists_missing_and_ignored_documents(evaluation):
    documents = evaluation.documents
    assert documents.missing == ["doc3"] and documents.ignored == ["extra"]
    assert (documents.gold, documents.predicted) == (3, 2)
    assert documents.predictions is None  # the caller says where predictions came from


def test_bootstrap_interval_contains_the_point_estimate(evaluation):
    for mode in ("strict", "lenient"):
        for row, block in getattr(evaluation, mode).items():
            for metric in ("p", "r", "f"):
                interval = getattr(block.ci, metric)
                if interval is not None:
                    lo, hi = interval
                    assert lo <= getattr(block, metric) <= hi, (mode, row, metric)
    interval = evaluation.strict[MICRO].ci.f
    assert interval is not None and interval[0] < interval[1]  # three documents, different scores
    assert evaluation.strict["CRITERION"].ci.to_dict() == {"p": None, "r": None, "f": None}


def test_bootstrap_is_degenerate_for_a_perfect_system_and_reproducible():
    perfect = score(GOLD, GOLD)
    for row in ("DRUG", "RADIATION_DOSE", "TIMEFRAME", "ENDPOINT", MICRO):
        for metric in ("p", "r", "f"):
            assert getattr(perfect.strict[row].ci, metric) == (1.0, 1.0)
            assert getattr(perfect.strict[row], metric) == pytest.approx(1.0)
    assert score(GOLD, PRED) == score(GOLD, PRED)


def test_bootstrap_intervals_from_counts_by_hand():
    # One document with tp=1, fp=1 and one empty: every resample with spans has P = 0.5.
    counts = [[[1, 1, 0]], [[0, 0, 0]]]
    (interval,) = bootstrap_intervals(np.array(counts), n_resamples=200)
    assert (interval.p, interval.r) == ((0.5, 0.5), (1.0, 1.0))
    assert interval.f == pytest.approx((2 / 3, 2 / 3))


def test_outcome_pairing_derived_from_layout_items():
    text = (SEEDS_DIR / "000_39528a72e86f2866.txt").read_text(encoding="utf-8")
    gold_spans = [
        span(text, "ENDPOINT", "treatment-related adverse events", canonical="treatment-related adverse events"),
        span(text, "TIMEFRAME", "2 years", 0, kind="duration", value="P2Y"),
        pfs(text, "progression free survival"),
        pfs(text, "PFS"),
        span(text, "TIMEFRAME", "2 years", 1, kind="duration", value="P2Y"),
        span(text, "ENDPOINT", "objective response rate", canonical="objective response rate"),
        span(text, "ENDPOINT", "ORR", canonical="objective response rate"),
        span(text, "TIMEFRAME", "2 years", 2, kind="duration", value="P2Y"),
    ]
    pred_spans = [s for s in gold_spans if s["text"] != "PFS"]
    outcomes = score([document("000", text, gold_spans)], [document("000", text, pred_spans)]).outcomes
    assert (outcomes.items, outcomes.correct, outcomes.accuracy, outcomes.derived_from_layout) == (3, 2, 2 / 3, 3)


def test_outcome_pairing_uses_the_outcomes_documents_carry():
    text = "Primary: overall survival (OS), 5 years. Secondary: objective response rate, 6 months."
    spans = [
        span(text, "ENDPOINT", "overall survival", canonical="overall survival"),
        span(text, "ENDPOINT", "OS", canonical="overall survival"),
        span(text, "TIMEFRAME", "5 years", kind="duration", value="P5Y"),
        span(text, "ENDPOINT", "objective response rate", canonical="objective response rate"),
        span(text, "TIMEFRAME", "6 months", kind="duration", value="P6M"),
    ]
    gold_outcomes = [
        {"role": "primary", "start": 9, "end": 39, "endpoints": [0, 1], "timeframes": [2]},
        {"role": "secondary", "start": 52, "end": 86, "endpoints": [3], "timeframes": [4]},
    ]
    pred_outcomes = [
        {"role": "primary", "start": 9, "end": 39, "endpoints": [0, 1], "timeframes": [2]},
        {"role": "secondary", "start": 52, "end": 86, "endpoints": [3], "timeframes": []},
    ]
    gold = document("d", text, spans, outcomes=gold_outcomes)
    pred = document("d", text, spans, outcomes=pred_outcomes)
    outcomes = score([gold], [pred]).outcomes
    assert (outcomes.items, outcomes.correct, outcomes.accuracy, outcomes.derived_from_layout) == (2, 1, 0.5, 0)


def test_prediction_with_another_text_is_refused():
    pred = [dict(PRED[0], text=TEXT_1.upper())]
    with pytest.raises(RecordError, match="differs from the gold text"):
        score(GOLD, pred)


def test_score_report_serializes_to_plain_json(evaluation):
    report = evaluation.to_dict()
    assert list(report) == ["documents", "strict", "lenient", "attributes", "confusion", "outcomes", "bootstrap"]
    assert json.loads(json.dumps(report)) == report  # lists, not tuples: the dict is its JSON
    assert report["strict"][MICRO]["ci"]["f"] == list(evaluation.strict[MICRO].ci.f)
    assert report["bootstrap"] == {"resamples": 1000, "seed": 0, "confidence": 0.95, "unit": "document"}
    assert "predictions" not in report["documents"]


SCORING_DATA = REPO / "tests" / "data" / "scoring"


@pytest.fixture(scope="module")
def gold_test_split():
    """The gold test split as it was at commit f405aa3 (v1.1 annotations, kept here so that gold
    updates do not move this fixture) and the pipeline's predictions on it, with the report and the
    errors the evaluator gave on them before scoring became its own module (``--format json``
    without the ``predictions`` source)."""
    gold = read_documents(str(SCORING_DATA / "test_gold.jsonl.gz"))
    with gzip.open(SCORING_DATA / "test_predictions.jsonl.gz", "rt", encoding="utf-8") as handle:
        pred = [json.loads(line) for line in handle]
    return gold, pred


def test_score_on_the_gold_test_split_is_the_report_of_before(gold_test_split):
    evaluation = score(*gold_test_split)
    expected = (SCORING_DATA / "test_report.json").read_text(encoding="utf-8")
    assert render(evaluation, "json") == expected
    with gzip.open(SCORING_DATA / "test_errors.jsonl.gz", "rt", encoding="utf-8") as handle:
        expected_errors = handle.read()
    assert "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in evaluation.errors) == expected_errors


def test_attribute_and_confusion_counts_agree_with_scikit_learn(gold_test_split):
    metrics = pytest.importorskip("sklearn.metrics")
    gold, pred = gold_test_split
    pred_by_id = {doc["id"]: doc for doc in pred}
    per_doc = [score_document(doc, pred_by_id.get(doc["id"])) for doc in gold]
    pairs = [pair for one in per_doc for pair in one.confusion]
    names = list(LABELS) + [NONE]
    assert len({g for g, p in pairs if g != p}) > 2  # errors of several labels
    expected = metrics.confusion_matrix([g for g, _ in pairs], [p for _, p in pairs], labels=names).tolist()
    assert confusion_counts(pairs, names) == expected
    compared = 0
    for key in {key for one in per_doc for key in one.attrs}:
        gold_values = [v for one in per_doc for v in one.attrs.get(key, ([], []))[0]]
        pred_values = [v for one in per_doc for v in one.attrs.get(key, ([], []))[1]]
        expected_correct = metrics.accuracy_score(gold_values, pred_values, normalize=False)
        assert count_equal(gold_values, pred_values) == expected_correct, key
        compared += expected_correct < len(gold_values)
    assert compared > 2  # several attributes with wrong values among the right ones


def test_importing_scoring_and_evaluate_does_not_import_sklearn():
    code = "import sys, trialspacy.scoring, trialspacy.evaluate, trialspacy.tables; print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_scoring_imports_neither_the_batch_nor_its_callers():
    code = (
        "import sys, trialspacy.scoring; "
        "print(sorted(m for m in ('trialspacy.records', 'trialspacy.run', 'trialspacy.cli', 'trialspacy.report', "
        "'trialspacy.evaluate', 'trialspacy.tables') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
