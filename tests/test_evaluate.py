"""The evaluation files: gold and prediction JSONL read and checked, scored, the errors written,
and the evaluate command around them."""

import codecs
import gzip
import io
import json

import pytest
from conftest import SEEDS_DIR
from scoring_cases import GOLD, PRED, document, drug, span, write_jsonl
from typer.testing import CliRunner

from trialspacy.cli import UsageError, app, evaluate_command
from trialspacy.errors import Errors, ExitCode, RecordError
from trialspacy.evaluate import contract_documents, evaluate_files, read_documents
from trialspacy.scoring import MICRO
from trialspacy.spans import LABELS
from trialspacy.tables import render


def test_errors_list_every_fp_fn_and_wrong_attribute_with_context(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    errors = tmp_path / "errors.jsonl"
    status = evaluate_command(str(gold), str(pred), "table", str(errors), stdout=io.StringIO(), stderr=io.StringIO())
    assert status == ExitCode.OK
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


def test_bad_gold_line_is_one_clear_error(tmp_path):
    bad = dict(GOLD[1], spans=[dict(GOLD[1]["spans"][0], text="800 cGy")])
    path = write_jsonl(tmp_path / "gold.jsonl", [GOLD[0], bad])
    with pytest.raises(RecordError) as caught:
        read_documents(str(path))
    message = caught.value.message
    assert str(path) in message and "line 2" in message and "doc2" in message and "800 cGy" in message
    (tmp_path / "broken.jsonl").write_text(json.dumps(GOLD[0]) + "\n{not json\n")
    with pytest.raises(RecordError, match="line 2: malformed JSON: Expecting property name"):
        read_documents(str(tmp_path / "broken.jsonl"))
    with pytest.raises(RecordError, match="line 2: document id 'doc1' repeats the one at line 1"):
        read_documents(str(write_jsonl(tmp_path / "twice.jsonl", [GOLD[0], GOLD[0]])))


def test_evaluate_files_names_the_prediction_file_it_scored(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    evaluation = evaluate_files(str(gold), str(pred))
    assert evaluation.documents.predictions == str(pred)
    assert evaluation.to_dict()["documents"]["predictions"] == str(pred)
    assert (evaluation.strict[MICRO].tp, evaluation.documents.missing) == (5, ["doc3"])


def test_evaluate_cli_exit_codes(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    runner = CliRunner()  # click 8.2 keeps stderr apart
    done = runner.invoke(app, ["evaluate", str(gold), "--pred", str(pred), "--format", "json"])
    assert done.exit_code == ExitCode.OK, done.stderr
    assert json.loads(done.stdout)["strict"][MICRO]["tp"] == 5
    assert (
        "1 gold documents have no prediction" in done.stderr
        and "1 predicted documents are not in the gold" in done.stderr
    )
    for args, problem, status in [
        (["evaluate", str(gold), "--pred", str(pred), "--format", "xml"], "--format must be one of", ExitCode.USAGE),
        (["evaluate", str(tmp_path / "nope.jsonl")], "file not found", ExitCode.DATA),
        (
            ["evaluate", str(pred), "--pred", str(pred), "--errors", str(tmp_path / "no" / "e.jsonl")],
            "directory does not exist",
            ExitCode.USAGE,
        ),
        (
            ["evaluate", str(write_jsonl(tmp_path / "bad.jsonl", [{"id": "x", "text": "t"}]))],
            "line 1: invalid gold document 'x'",
            ExitCode.DATA,
        ),
    ]:
        done = runner.invoke(app, args)
        assert done.exit_code == status, args
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
    assert evaluation.documents.missing == [] and evaluation.documents.predictions == "pipeline"
    assert set(evaluation.strict) == set(LABELS) | {MICRO}
    assert evaluation.strict[MICRO].gold == 4
    assert evaluation.lenient["DRUG"].tp == 2  # the pipeline finds both drug names
    table = render(evaluation, "table")
    assert all(label in table for label in LABELS)
    assert "1 gold documents, 1 with predictions (from pipeline)" in table


def gold_line(record):
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


@pytest.mark.parametrize(
    "bad, problem",
    [
        (b"\xff\xfe not UTF-8\n", "not UTF-8 text (undecodable byte at offset"),
        (b'{"id": "x\x00", "text": "t", "spans": []}\n', "NUL byte in the line"),
        (b"{oops\n", "malformed JSON: Expecting property name"),
        (b"[" * 100_000 + b"]" * 100_000 + b"\n", "JSON nested too deeply"),
        (b'{"id": "x", "text": "t", "spans": [], "n": ' + b"9" * 5000 + b"}\n", "integer of more digits"),
        (b'{"id": "x", "text": "a \\ud800 b", "spans": []}\n', "lone surrogate"),
        (b"5\n", "a record must be a JSON object, not a number"),
        (b'{"id": "x", "text": "t", "spans": 5}\n', "invalid gold document 'x': spans must be an array"),
    ],
)
def test_each_bad_line_is_one_located_error_and_the_others_are_read(tmp_path, bad, problem):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(gold_line(GOLD[0]) + bad + gold_line(GOLD[1]))
    items = list(contract_documents(str(path)))
    assert [item["id"] for item in items if not isinstance(item, RecordError)] == ["doc1", "doc2"]
    (error,) = [item for item in items if isinstance(item, RecordError)]
    assert error.line == 2 and problem in error.problem, error.problem
    with pytest.raises(RecordError) as caught:
        read_documents(str(path))
    assert caught.value.message.startswith(f"{path}, line 2: ")


def test_a_utf8_byte_order_mark_is_skipped(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + gold_line(GOLD[0]))
    assert read_documents(str(path)) == [GOLD[0]]


def test_gzipped_gold_and_predictions_are_read_like_extract_reads_them(tmp_path):
    gold = tmp_path / "gold.jsonl.gz"
    pred = tmp_path / "pred.JSONL.GZ"
    gold.write_bytes(gzip.compress(b"".join(gold_line(r) for r in GOLD)))
    pred.write_bytes(gzip.compress(b"".join(gold_line(r) for r in PRED)))
    plain = evaluate_files(str(write_jsonl(tmp_path / "g.jsonl", GOLD)), str(write_jsonl(tmp_path / "p.jsonl", PRED)))
    zipped = evaluate_files(str(gold), str(pred))
    assert zipped.strict == plain.strict and zipped.errors == plain.errors


@pytest.mark.parametrize(
    "content, line, problem",
    [
        (b"", None, Errors.E060.format(role="gold")),
        (b"\n  \n", None, Errors.E060.format(role="gold")),
        (b'{"id": "doc1"}\n', 1, "cannot read the file: not a valid gzip file"),
        # Its end cut off: the three documents are read, the stream ends before the end marker.
        (gzip.compress(b"".join(gold_line(r) for r in GOLD))[:-4], 4, "cannot read the file: damaged gzip data"),
    ],
)
def test_an_empty_or_damaged_file_is_one_error(tmp_path, content, line, problem):
    path = tmp_path / ("gold.jsonl.gz" if content.strip() else "gold.jsonl")
    path.write_bytes(content)
    with pytest.raises(RecordError) as caught:
        read_documents(str(path))
    assert caught.value.line == line and caught.value.problem.startswith(problem)
