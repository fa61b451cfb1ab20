"""The command line and the batch: formats, order, bad input, and counts that reconcile."""

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, SEEDS_DIR
from spacy.tokens import DocBin

from trialspacy.cli import UsageError, extract_command
from trialspacy.contract import check_document
from trialspacy.errors import ExitCode


def run_extract(inputs, tmp_path, fmt="jsonl", **kwargs):
    out = tmp_path / ("out" if fmt == "brat" else f"out.{'spacy' if fmt == 'docbin' else fmt}")
    errors = tmp_path / "errors.jsonl"
    stderr = io.StringIO()
    status = extract_command(
        [str(p) for p in inputs], str(out), fmt, str(errors), stderr=stderr, progress=False, **kwargs
    )
    return status, out, errors, stderr.getvalue()


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_extract_seeds_writes_one_valid_line_per_record_in_order(tmp_path):
    status, out, errors, stderr = run_extract([SEEDS_DIR], tmp_path)
    assert status == ExitCode.OK
    docs = read_jsonl(out)
    assert [d["id"] for d in docs] == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    for doc, path in zip(docs, sorted(SEEDS_DIR.glob("*.txt"))):
        assert doc["text"] == path.read_text(encoding="utf-8")
        assert check_document(doc, with_pipeline=True) == []
        assert doc["meta"]["source"] == str(path)
    assert errors.read_text() == ""
    assert "5 documents: 5 written, 0 errors" in stderr
    labels = {s["label"] for d in docs for s in d["spans"]}
    assert {"DRUG", "ENDPOINT"} <= labels


def test_extract_api_v2_sample_gives_nct_ids_and_sections(tmp_path):
    status, out, _, _ = run_extract([API_V2_SAMPLE], tmp_path)
    assert status == ExitCode.OK
    docs = read_jsonl(out)
    studies = [json.loads(line) for line in API_V2_SAMPLE.read_text().splitlines()]
    assert [d["id"] for d in docs] == [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]
    for doc in docs:
        assert check_document(doc) == []
        names = {s["name"] for s in doc["sections"]}
        assert {"title", "eligibility"} <= names
        assert doc["outcomes"], doc["id"]
        assert all(o["role"] in ("primary", "secondary", "other") for o in doc["outcomes"])


def test_mixed_batch_with_bad_files_loses_nothing(tmp_path):
    good = tmp_path / "in"
    good.mkdir()
    for path in sorted(SEEDS_DIR.glob("*.txt"))[:2]:
        shutil.copy(path, good / path.name)
    (good / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (good / "empty.txt").write_text("")
    (good / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
    lines = list(API_V2_SAMPLE.read_text().splitlines()[:3])
    (good / "studies.jsonl").write_text("\n".join([lines[0], "{not json", lines[1], '{"foo": 1}', lines[2]]) + "\n")
    status, out, errors, stderr = run_extract([good], tmp_path)
    assert status == ExitCode.SKIPPED
    written = read_jsonl(out)
    reported = read_jsonl(errors)
    assert len(written) == 2 + 3
    assert len(reported) == 5
    error_lines = [ln for ln in stderr.splitlines() if ln.startswith("error: ")]
    assert len(error_lines) == 5
    assert any("binary.txt" in ln and "binary" in ln for ln in error_lines)
    assert any("empty.txt" in ln and "empty" in ln for ln in error_lines)
    assert any("latin1.txt" in ln and "UTF-8" in ln for ln in error_lines)
    assert any("studies.jsonl" in ln and "line 2" in ln for ln in error_lines)
    assert any("studies.jsonl" in ln and "line 4" in ln for ln in error_lines)
    assert "Traceback" not in stderr
    assert "10 documents: 5 written, 5 errors" in stderr


@pytest.mark.parametrize("fmt", ["csv", "brat", "docbin"])
def test_other_formats_hold_the_same_spans(tmp_path, fmt):
    (tmp_path / "j").mkdir()
    _, jsonl, _, _ = run_extract([SEEDS_DIR], tmp_path / "j")
    expected = read_jsonl(jsonl)
    n_spans = sum(len(d["spans"]) for d in expected)
    status, out, _, _ = run_extract([SEEDS_DIR], tmp_path, fmt=fmt)
    assert status == ExitCode.OK
    if fmt == "csv":
        import csv

        rows = list(csv.DictReader(open(out, encoding="utf-8", newline="")))
        assert len(rows) == n_spans
        assert rows[0]["id"] == expected[0]["id"]
        assert rows[0]["text"] == expected[0]["spans"][0]["text"]
    elif fmt == "brat":
        anns = sorted(out.glob("*.ann"))
        assert [a.stem for a in anns] == [d["id"] for d in expected]
        t_lines = [ln for a in anns for ln in a.read_text().splitlines() if ln.startswith("T")]
        assert len(t_lines) == n_spans
        first = expected[0]["spans"][0]
        assert (
            f"{first['label']} {first['start']} {first['end']}\t{first['text']}"
            in (out / f"{expected[0]['id']}.ann").read_text()
        )
    else:
        import trialspacy

        nlp = trialspacy.load()
        docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
        assert [d._.trialspacy_record_id for d in docs] == [d["id"] for d in expected]
        assert sum(len(d.spans["trialspacy"]) for d in docs) == n_spans


def test_usage_errors_are_one_line_and_exit_two(tmp_path):
    with pytest.raises(UsageError, match="--format"):
        extract_command([str(SEEDS_DIR)], None, "xml", None, progress=False)
    with pytest.raises(UsageError, match="needs -o"):
        extract_command([str(SEEDS_DIR)], None, "brat", None, progress=False)


def test_console_script_reads_stdin_and_fails_cleanly(tmp_path):
    exe = Path(sys.executable).with_name("trialspacy")
    if not exe.exists():
        pytest.skip("console script not installed in this environment (run `make test`)")
    seed = sorted(SEEDS_DIR.glob("*.txt"))[2]
    done = subprocess.run([str(exe), "extract", "-"], input=seed.read_text(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["id"] == "stdin" and any(s["text"] == "LM103" for s in doc["spans"])
    missing = subprocess.run([str(exe), "extract", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert missing.returncode == ExitCode.SKIPPED
    assert missing.stdout == ""
    assert "nope.txt" in missing.stderr and "not found" in missing.stderr and "Traceback" not in missing.stderr
