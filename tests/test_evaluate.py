"""The evaluator: hand-built gold/prediction pairs whose scores are worked out by hand."""

import io
import json

import numpy as np
import pytest
from conftest import SEEDS_DIR
from spacy.scorer import Scorer
from spacy.training import Example
from typer.testing import CliRunner

from trialspacy.cli import EXIT_OK, EXIT_USAGE, UsageError, app, evaluate_command
from trialspacy.errors import RecordError
from trialspacy.evaluate import (
    MICRO,
    NONE,
    bootstrap_intervals,
    evaluate,
    evaluate_files,
    greedy_pairs,
    read_documents,
    render,
    value_key,
)
from trialspacy.spans import LABEL_ATTRS, LABELS
from trialspacy.tokenizer import blank

# Real phrases: the dose from seed 001, the rest as the seeds and registry records write them.
TEXT_1 = (
    "Patients received docetaxel 75 mg/m2 and cisplatin every 3 weeks for 2 years, then 60 Gy in 30 "
    "fractions. Primary endpoint: progression-free survival (PFS)."
)
TEXT_2 = "spatial fractionation radiotherapy: high dose region: 800-1200cGy × 3f, low dose region."
TEXT_3 = "Subjects will receive pembrolizumab until disease progression."


def span(text, label, quote, occurrence=0, **attrs):
    """A contract span dict for the ``occurrence``-th appearance of ``quote``; attributes not
    given are null (negated false)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    full = dict.fromkeys(LABEL_ATTRS[label])
    full.update({"negated": False, **attrs})
    return {"start": start, "end": start + len(quote), "label": label, "text": quote, "attrs": full}


def document(doc_id, text, spans, **extra):
    return {
        "id": doc_id,
        "text": text,
        "meta": {"source": "hand-built"},
        "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
        **extra,
    }


def drug(text, quote, name, **attrs):
    return span(text, "DRUG", quote, normalized=name, kind="agent", **attrs)


def pfs(text, quote, canonical="progression-free survival"):
    return span(text, "ENDPOINT", quote, canonical=canonical)


DOSE_60 = dict(dose_gy=[60, 60], dose_kind="total", fractions=[30, 30], total_gy=[60, 60])
DOSE_800 = dict(dose_gy=[8, 12], dose_kind="per_fraction", fractions=[3, 3], total_gy=[24, 36])

GOLD = [
    document(
        "doc1",
        TEXT_1,
        [
            drug(TEXT_1, "docetaxel", "docetaxel"),
            drug(TEXT_1, "cisplatin", "cisplatin"),
            span(TEXT_1, "TIMEFRAME", "every 3 weeks", kind="frequency", value="R/P3W"),
            span(TEXT_1, "TIMEFRAME", "2 years", kind="duration", value="P2Y"),
            span(TEXT_1, "RADIATION_DOSE", "60 Gy in 30 fractions", **DOSE_60),
            pfs(TEXT_1, "progression-free survival"),
            pfs(TEXT_1, "PFS"),
        ],
    ),
    document("doc2", TEXT_2, [span(TEXT_2, "RADIATION_DOSE", "800-1200cGy × 3f", **DOSE_800)]),
    document("doc3", TEXT_3, [drug(TEXT_3, "pembrolizumab", "pembrolizumab")]),
]

PRED = [
    document(
        "doc1",
        TEXT_1,
        [
            drug(TEXT_1, "docetaxel", "docetaxel", negated=True),  # wrong negated
            drug(TEXT_1, "cisplatin", "cisplatin"),
            span(TEXT_1, "TIMEFRAME", "3 weeks", kind="duration", value="P3W"),  # lenient only
            span(TEXT_1, "TIMEFRAME", "2 years", kind="duration", value="P2Y"),
            span(TEXT_1, "RADIATION_DOSE", "60 Gy", dose_gy=[60, 60], dose_kind="unspecified"),  # lenient only
            pfs(TEXT_1, "progression-free survival", canonical="progression free survival"),  # wrong canonical
            drug(TEXT_1, "PFS", "pfs"),  # an ENDPOINT tagged as DRUG
        ],
    ),
    # Float noise and a tuple, still equal; dose_kind wrong.
    document(
        "doc2",
        TEXT_2,
        [
            span(
                TEXT_2,
                "RADIATION_DOSE",
                "800-1200cGy × 3f",
                **{**DOSE_800, "dose_gy": (8.0000000001, 12.0), "dose_kind": "total"},
            )
        ],
    ),
    document("extra", "An extra document.", []),
]


@pytest.fixture(scope="module")
def evaluation():
    return evaluate(GOLD, PRED)


def scores(report, mode, row):
    block = report[mode][row]
    return (block["tp"], block["fp"], block["fn"]), (block["p"], block["r"], block["f"])


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
def test_evaluate_counts_and_prf_per_label_and_micro(evaluation, mode, row, counts, prf):
    got_counts, got_prf = scores(evaluation.report, mode, row)
    assert got_counts == counts
    assert got_prf == pytest.approx(prf, abs=1e-12)


def test_evaluate_strict_matches_spacy_scorer_on_the_same_examples(evaluation):
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
    report = evaluation.report
    assert spacy_scores["sc_f"] == pytest.approx(report["strict"][MICRO]["f"])
    for label, prf in spacy_scores["sc_per_type"].items():
        assert (prf["p"], prf["r"], prf["f"]) == pytest.approx(scores(report, "strict", label)[1])


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
def test_evaluate_attribute_accuracy_over_strict_matches(evaluation, label, attribute, n, correct):
    rows = {(a["label"], a["attribute"]): a for a in evaluation.report["attributes"]}
    assert (rows[label, attribute]["n"], rows[label, attribute]["correct"]) == (n, correct)
    assert rows[label, attribute]["accuracy"] == correct / n


def test_evaluate_does_not_score_informative_attributes(evaluation):
    scored = {a["attribute"] for a in evaluation.report["attributes"]}
    assert not scored & {"abbreviation", "drugbank_id"}


def test_evaluate_scores_normalized_for_drug_agents_only():
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
    rows = {(a["label"], a["attribute"]): a for a in evaluate(gold, pred).report["attributes"]}
    assert (rows["DRUG", "normalized"]["n"], rows["DRUG", "normalized"]["correct"]) == (1, 1)
    assert rows["DRUG", "kind"]["n"] == 2


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


def test_evaluate_confusion_counts_overlapping_spans_by_label(evaluation):
    confusion = evaluation.report["confusion"]
    names = confusion["labels"]
    assert names == list(LABELS) + [NONE]
    cell = {(g, p): confusion["matrix"][i][j] for i, g in enumerate(names) for j, p in enumerate(names)}
    expected = {
        ("DRUG", "DRUG"): 2,
        ("DRUG", NONE): 1,
        ("RADIATION_DOSE", "RADIATION_DOSE"): 2,
        ("TIMEFRAME", "TIMEFRAME"): 2,
        ("ENDPOINT", "ENDPOINT"): 1,
        ("ENDPOINT", "DRUG"): 1,
    }
    assert {k: v for k, v in cell.items() if v} == expected


def test_evaluate_criterion_is_not_confused_with_mentions_inside_it():
    text = "Exclusion Criteria:\n- Prior treatment with docetaxel."
    gold = [
        document(
            "d",
            text,
            [span(text, "CRITERION", "Prior treatment with docetaxel.", section="exclusion", requires="absent")],
        )
    ]
    pred = [document("d", text, [drug(text, "docetaxel", "docetaxel")])]
    confusion = evaluate(gold, pred).report["confusion"]
    names = confusion["labels"]
    assert confusion["matrix"][names.index("CRITERION")][names.index(NONE)] == 1
    assert confusion["matrix"][names.index(NONE)][names.index("DRUG")] == 1
    assert confusion["matrix"][names.index("CRITERION")][names.index("DRUG")] == 0


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
    report = evaluate([document("d", text, gold)], [document("d", text, pred)]).report
    assert scores(report, "lenient", "TIMEFRAME")[0] == (2, 1, 1)
    assert scores(report, "strict", "TIMEFRAME")[0] == (0, 3, 3)


def test_evaluate_lists_missing_and_ignored_documents(evaluation):
    documents = evaluation.report["documents"]
    assert documents["missing"] == ["doc3"] and documents["ignored"] == ["extra"]
    assert (documents["gold"], documents["predicted"]) == (3, 2)


def test_bootstrap_interval_contains_the_point_estimate(evaluation):
    for mode in ("strict", "lenient"):
        for row, block in evaluation.report[mode].items():
            for metric in ("p", "r", "f"):
                if block["ci"][metric] is not None:
                    lo, hi = block["ci"][metric]
                    assert lo <= block[metric] <= hi, (mode, row, metric)
    lo, hi = evaluation.report["strict"][MICRO]["ci"]["f"]
    assert lo < hi  # three documents with different scores: the interval is not a point
    assert evaluation.report["strict"]["CRITERION"]["ci"] == {"p": None, "r": None, "f": None}


def test_bootstrap_is_degenerate_for_a_perfect_system_and_reproducible():
    report = evaluate(GOLD, GOLD).report
    for row in ("DRUG", "RADIATION_DOSE", "TIMEFRAME", "ENDPOINT", MICRO):
        for metric in ("p", "r", "f"):
            assert report["strict"][row]["ci"][metric] == [1.0, 1.0]
            assert report["strict"][row][metric] == pytest.approx(1.0)
    assert evaluate(GOLD, PRED).report == evaluate(GOLD, PRED).report


def test_bootstrap_intervals_from_counts_by_hand():
    # One document with tp=1, fp=1 and one empty: every resample with spans has P = 0.5.
    counts = [[[1, 1, 0]], [[0, 0, 0]]]
    (interval,) = bootstrap_intervals(np.array(counts), n_resamples=200)
    assert interval == {"p": [0.5, 0.5], "r": [1.0, 1.0], "f": [pytest.approx(2 / 3)] * 2}


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
    report = evaluate([document("000", text, gold_spans)], [document("000", text, pred_spans)]).report
    assert report["outcomes"] == {"items": 3, "correct": 2, "accuracy": 2 / 3, "derived_from_layout": 3}


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
    assert evaluate([gold], [pred]).report["outcomes"] == {
        "items": 2,
        "correct": 1,
        "accuracy": 0.5,
        "derived_from_layout": 0,
    }


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_errors_list_every_fp_fn_and_wrong_attribute_with_context(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    errors = tmp_path / "errors.jsonl"
    status = evaluate_command(str(gold), str(pred), "table", str(errors), stdout=io.StringIO(), stderr=io.StringIO())
    assert status == EXIT_OK
    entries = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    summary = sorted((e["id"], e["type"], e["label"], e["text"], e.get("attribute")) for e in entries)
    assert summary == [
        ("doc1", "attr", "DRUG", "docetaxel", "negated"),
        ("doc1", "attr", "ENDPOINT", "progression-free survival", "canonical"),
        ("doc1", "fn", "ENDPOINT", "PFS", None),
        ("doc1", "fn", "RADIATION_DOSE", "60 Gy in 30 fractions", None),
        ("doc1", "fn", "TIMEFRAME", "every 3 weeks", None),
        ("doc1", "fp", "DRUG", "PFS", None),
        ("doc1", "fp", "RADIATION_DOSE", "60 Gy", None),
        ("doc1", "fp", "TIMEFRAME", "3 weeks", None),
        ("doc2", "attr", "RADIATION_DOSE", "800-1200cGy × 3f", "dose_kind"),
        ("doc3", "fn", "DRUG", "pembrolizumab", None),
    ]
    fn = next(e for e in entries if e["type"] == "fn" and e["text"] == "every 3 weeks")
    # The span starts 51 characters into the text, so the left context is all of them.
    assert fn["context"] == (
        "Patients received docetaxel 75 mg/m2 and cisplatin [[every 3 weeks]]"
        " for 2 years, then 60 Gy in 30 fractions. Primary endpoint: "
    )
    assert fn["overlaps"] == {"start": 57, "end": 64, "text": "3 weeks"}
    assert fn["gold"]["value"] == "R/P3W" and "pred" not in fn
    attr = next(e for e in entries if e["type"] == "attr" and e["label"] == "RADIATION_DOSE")
    assert (attr["gold"]["dose_kind"], attr["pred"]["dose_kind"]) == ("per_fraction", "total")


def test_report_renders_as_table_json_and_self_contained_html(evaluation):
    table = render(evaluation.report, "table")
    for label in LABELS:
        assert label in table
    assert "0.625 [" in table  # strict micro precision with its interval
    assert "1 gold documents missing" in table and "doc3" in table
    assert json.loads(render(evaluation.report, "json")) == json.loads(json.dumps(evaluation.report))
    page = render(evaluation.report, "html")
    assert page.startswith("<!DOCTYPE html>") and page.count("<table>") == 5
    assert "http" not in page and "<script" not in page and "<link" not in page


def test_bad_gold_line_is_one_clear_error(tmp_path):
    bad = dict(GOLD[1], spans=[dict(GOLD[1]["spans"][0], text="800 cGy")])
    path = write_jsonl(tmp_path / "gold.jsonl", [GOLD[0], bad])
    with pytest.raises(RecordError) as caught:
        read_documents(str(path))
    message = caught.value.message
    assert str(path) in message and "line 2" in message and "doc2" in message and "800 cGy" in message
    (tmp_path / "broken.jsonl").write_text(json.dumps(GOLD[0]) + "\n{not json\n")
    with pytest.raises(RecordError, match="malformed JSON at line 2"):
        read_documents(str(tmp_path / "broken.jsonl"))
    with pytest.raises(RecordError, match="line 2: document id 'doc1' repeats the one at line 1"):
        read_documents(str(write_jsonl(tmp_path / "twice.jsonl", [GOLD[0], GOLD[0]])))


def test_prediction_with_another_text_is_refused():
    pred = [dict(PRED[0], text=TEXT_1.upper())]
    with pytest.raises(RecordError, match="differs from the gold text"):
        evaluate(GOLD, pred)


def test_evaluate_cli_exit_codes(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    runner = CliRunner()  # click 8.2 keeps stderr apart
    done = runner.invoke(app, ["evaluate", str(gold), "--pred", str(pred), "--format", "json"])
    assert done.exit_code == EXIT_OK, done.stderr
    assert json.loads(done.stdout)["strict"][MICRO]["tp"] == 5
    assert (
        "1 gold documents have no prediction" in done.stderr
        and "1 predicted documents are not in the gold" in done.stderr
    )
    for args, problem in [
        (["evaluate", str(gold), "--pred", str(pred), "--format", "xml"], "--format must be one of"),
        (["evaluate", str(tmp_path / "nope.jsonl")], "file not found"),
        (
            ["evaluate", str(pred), "--pred", str(pred), "--errors", str(tmp_path / "no" / "e.jsonl")],
            "directory does not exist",
        ),
        (
            ["evaluate", str(write_jsonl(tmp_path / "bad.jsonl", [{"id": "x", "text": "t"}]))],
            "line 1: invalid gold document 'x'",
        ),
    ]:
        done = runner.invoke(app, args)
        assert done.exit_code == EXIT_USAGE, args
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and problem in lines[0], done.stderr
    with pytest.raises(UsageError):
        evaluate_command(str(gold), str(pred), "xml")


def test_evaluate_without_predictions_runs_the_pipeline_on_a_seed(tmp_path, nlp):
    text = (SEEDS_DIR / "003_4a7a2bd16bc8bbac.txt").read_text(encoding="utf-8")
    spans = [
        drug(text, "JS001", "toripalimab"),
        drug(text, "Axitinib", "axitinib"),
        span(text, "TIMEFRAME", "21 days", kind="duration", value="P21D"),
        span(text, "ENDPOINT", "disease control rate", canonical="disease control rate"),
    ]
    gold = write_jsonl(tmp_path / "gold.jsonl", [document("003", text, spans)])
    evaluation = evaluate_files(str(gold), nlp=nlp)
    report = evaluation.report
    assert report["documents"]["missing"] == [] and report["documents"]["predictions"] == "pipeline"
    assert set(report["strict"]) == set(LABELS) | {MICRO}
    assert report["strict"][MICRO]["tp"] + report["strict"][MICRO]["fn"] == 4
    assert report["lenient"]["DRUG"]["tp"] == 2  # the pipeline finds both drug names
    table = render(report, "table")
    assert all(label in table for label in LABELS)
