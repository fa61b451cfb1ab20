"""Streaming, atomic output and --resume: flat memory, complete lines, nothing lost or duplicated."""

import io
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, REPO, SEEDS_DIR

from trialspacy.cli import UsageError, extract_command
from trialspacy.errors import ExitCode, RecordError
from trialspacy.records import Record, iter_records
from trialspacy.resume import resume_key
from trialspacy.run import run_batch, skip_written
from trialspacy.writers import open_writer

# Real sentences from the seed records, the material of the long generated inputs.
SENTENCES = [
    line
    for path in sorted(SEEDS_DIR.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if len(line) > 30
]


def write_records(path: Path, n: int, extra: dict[int, str] | None = None) -> Path:
    """A JSONL input of ``n`` short records of real sentences; ``extra`` maps a line index to a
    raw line put there instead (bad input, repeated ids)."""
    extra = extra or {}
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            if i in extra:
                handle.write(extra[i] + "\n")
                continue
            text = SENTENCES[i % len(SENTENCES)] + " " + SENTENCES[(7 * i + 3) % len(SENTENCES)]
            handle.write(json.dumps({"id": f"rec{i}", "text": text}) + "\n")
    return path


def extract(inputs, out: Path, errors: Path, **options) -> tuple:
    stderr = io.StringIO()
    status = extract_command(
        [str(p) for p in inputs], str(out), "jsonl", str(errors), stderr=stderr, progress=False, **options
    )
    return status, stderr.getvalue()


def test_skip_written_skips_each_written_record_as_often_as_it_was_written():
    def rec(record_id: str, text: str) -> Record:
        return Record(id=record_id, text=text, source="in.jsonl")

    sbrt = rec("NCT0001", "SBRT 50 Gy in 5 fractions")
    items = [
        sbrt,
        rec("NCT0002", "Docetaxel 75 mg/m2"),
        RecordError("in.jsonl", "malformed JSON at line 3: Expecting value", line=3),
        rec("NCT0001", "Overall survival at 2 years"),  # same id, another text: not written
        sbrt,  # a repeat of a written record: written once, so kept once
        rec("NCT0003", "Progression-free survival"),
    ]
    written = Counter([resume_key(sbrt.id, sbrt.text), resume_key("NCT0002", "Docetaxel 75 mg/m2")])
    skipped = []
    left = list(skip_written(items, written, on_skip=skipped.append))
    assert left == items[2:]
    assert skipped == items[:2]
    assert written[resume_key(sbrt.id, sbrt.text)] == 1  # the caller's counts are not consumed


def test_resume_needs_a_jsonl_output_file(tmp_path):
    with pytest.raises(UsageError, match="--resume"):
        extract_command([str(SEEDS_DIR)], None, "jsonl", None, progress=False, resume=True)
    with pytest.raises(UsageError, match="--resume"):
        extract_command([str(SEEDS_DIR)], str(tmp_path / "out.csv"), "csv", None, progress=False, resume=True)


def test_resume_repairs_a_cut_last_line_and_writes_the_same_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"nct_id": "NCT0009"}\n{not json\n', encoding="utf-8")
    inputs = [SEEDS_DIR, API_V2_SAMPLE, bad]
    full, full_errors = tmp_path / "full.jsonl", tmp_path / "full.errors.jsonl"
    status, _ = extract(inputs, full, full_errors)
    assert status == ExitCode.SKIPPED
    complete = full.read_bytes().splitlines(keepends=True)
    assert len(complete) == 17
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    out.write_bytes(b"".join(complete[:6]) + complete[6][:100])  # killed while writing line 7
    errors.write_text('{"stale": "entry"}\n', encoding="utf-8")
    status, stderr = extract(inputs, out, errors, resume=True)
    assert status == ExitCode.SKIPPED
    assert "removed an incomplete last line (100 bytes)" in stderr
    assert "13 documents: 11 written, 2 errors; 6 already in the output" in stderr
    assert out.read_bytes() == full.read_bytes()
    assert errors.read_bytes() == full_errors.read_bytes()
    status, stderr = extract(inputs, out, errors, resume=True)  # nothing left to do
    assert "2 documents: 0 written, 2 errors; 17 already in the output" in stderr
    assert out.read_bytes() == full.read_bytes()


def test_resume_refuses_a_file_extract_did_not_write(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("id,label,start,end\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line 1: not a document written by trialspacy extract"):
        extract([SEEDS_DIR], out, tmp_path / "errors.jsonl", resume=True)
    assert out.read_text() == "id,label,start,end\n"


def count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.slow
def test_a_killed_run_resumed_gives_the_uninterrupted_output(tmp_path):
    n = 2500
    repeat = json.dumps({"id": "rec10", "text": SENTENCES[10] + " " + SENTENCES[(7 * 10 + 3) % len(SENTENCES)]})
    extra = {
        40: "{not json",  # bad lines before and after the kill
        2100: '{"id": "rec2100", "text": ""}',
        2200: repeat,  # an exact repeat of record 10: written twice, before and after the kill
        2300: json.dumps({"id": "rec20", "text": "Overall survival, 5 years"}),  # a reused id
    }
    source = write_records(tmp_path / "records.jsonl", n, extra)
    full, full_errors = tmp_path / "full.jsonl", tmp_path / "full.errors.jsonl"
    status, _ = extract([source], full, full_errors)
    assert status == ExitCode.SKIPPED
    assert count_lines(full) == n - 2 and count_lines(full_errors) == 2

    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "pipeline"), os.environ.get("PYTHONPATH")]))
    )
    command = [sys.executable, "-m", "trialspacy.cli", "extract", str(source), "-o", str(out), "--errors", str(errors)]
    run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while count_lines(out) < 300 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL
    killed_at = count_lines(out)
    assert 300 <= killed_at < n - 2, "the run was not interrupted mid-way"

    status, stderr = extract([source], out, errors, resume=True)
    assert status == ExitCode.SKIPPED
    assert f"{killed_at} already in the output" in stderr
    assert out.read_bytes() == full.read_bytes()
    assert errors.read_bytes() == full_errors.read_bytes()


@pytest.mark.slow
def test_memory_stays_flat_over_a_long_stream(nlp, tmp_path):
    source = write_records(tmp_path / "records.jsonl", 800)
    out = tmp_path / "out.jsonl"
    list(nlp.pipe(SENTENCES))  # first-use caches and lazily loaded data, before measuring
    traced = []

    def sample() -> None:
        traced.append(tracemalloc.get_traced_memory()[0])

    tracemalloc.start()
    try:
        with open_writer("jsonl", str(out)) as writer:
            summary = run_batch(
                nlp, iter_records(str(source)), writer.write, pytest.fail, batch_size=64, on_progress=sample
            )
    finally:
        tracemalloc.stop()
    assert summary.written == 800 and count_lines(out) == 800
    half = len(traced) // 2
    first, second = max(traced[:half]), max(traced[half:])
    # Holding the documents would cost about 30 KB each: 400 more of them, some 12 MB.
    assert second <= first + 1_000_000, (first, second)
