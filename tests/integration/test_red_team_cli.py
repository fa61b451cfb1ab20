"""Careless commands and runs that must end cleanly: the red-team cases of the command line.

Each case runs ``trialspacy extract`` as a user would, in a subprocess, and checks what the batch
promises: the inputs are never modified, a refused command says why in one line, a stopped run says
how far it got in one line and ``--resume`` finishes it, and no worker outlives the command.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import REPO, SEEDS_DIR

from trialspacy.errors import ExitCode

ENV = {**os.environ, "PYTHONPATH": str(REPO / "pipeline")}
SEED = (SEEDS_DIR / "001_e87d364e3468c837.txt").read_text(encoding="utf-8")


def extract(*args: str | Path, timeout: float = 300, **popen: object) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "trialspacy.cli", "extract", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=timeout, **popen)


def one_error_line(done: subprocess.CompletedProcess, status: int, words: str) -> None:
    """The command exited with ``status``, saying one thing on stderr, with ``words`` in it."""
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], done.stderr


def snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def many_records(path: Path, n: int) -> Path:
    """``n`` JSONL records of a real seed text, each with its own id: a run long enough to stop."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"seed-{i:05d}", "text": SEED}) + "\n")
    return path


# --- Commands that would destroy data ------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["-o", "{input}"], "is also an input"),
        (["-o", "{folder}/out.jsonl", "--errors", "{input}"], "is also an input"),
        (["-o", "{folder}/same.jsonl", "--errors", "{folder}/./same.jsonl"], "are the same file"),
        (["--format", "brat", "-o", "{folder}"], "holds input"),
    ],
)
def test_red_team_outputs_that_would_overwrite_an_input_are_refused_before_anything_is_opened(tmp_path, options, words):
    folder = tmp_path / "data"
    folder.mkdir()
    source = many_records(folder / "trials.jsonl", 3)
    before = snapshot(tmp_path)
    args = [a.format(input=source, folder=folder) for a in options]
    one_error_line(extract(source, *args), ExitCode.USAGE, words)
    assert snapshot(tmp_path) == before  # nothing truncated, nothing created


def test_red_team_an_output_inside_an_input_folder_is_not_read_back(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    many_records(folder / "trials.jsonl", 3)
    (folder / "out.jsonl").write_text("", encoding="utf-8")  # a previous run's output, as an input would be
    done = extract(folder, "-o", folder / "out.jsonl", timeout=120)
    assert done.returncode == ExitCode.OK, done.stderr
    assert "out.jsonl: not read: it is an output of this run" in done.stderr
    written = (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in written] == ["seed-00000", "seed-00001", "seed-00002"]


@pytest.mark.parametrize(("value", "words"), [("0", "at least 1"), ("-5", "at least 1")])
def test_red_team_max_chars_below_one_is_a_usage_error(tmp_path, value, words):
    source = many_records(tmp_path / "trials.jsonl", 1)
    one_error_line(extract(source, "--max-chars", value, "-o", tmp_path / "out.jsonl"), ExitCode.USAGE, words)


@pytest.mark.parametrize("address", ["not an address", "tcp://", "http://host:port/x"])
def test_red_team_a_malformed_scheduler_address_is_refused_at_once(tmp_path, address):
    source = many_records(tmp_path / "trials.jsonl", 1)
    started = time.monotonic()
    done = extract(source, "--engine", "dask", "--scheduler", address, "-o", tmp_path / "out.jsonl", timeout=60)
    one_error_line(done, ExitCode.USAGE, "is not a scheduler address")
    assert time.monotonic() - started < 30  # it used to hang for a minute in the client's shutdown


# --- Lines on stderr -----------------------------------------------------------------------------


def test_red_team_an_id_with_a_line_break_cannot_forge_a_line_on_stderr(tmp_path):
    source = tmp_path / "forged.jsonl"
    records = [{"id": "x\nerror: forged line", "text": ""}, {"id": "ok\u2028also", "text": " "}]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = extract(source, "-o", tmp_path / "out.jsonl", "--errors", tmp_path / "errors.jsonl", timeout=120)
    assert done.returncode == ExitCode.SKIPPED, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 2
    assert "record x\\nerror: forged line" in errors[0] and "record ok\\u2028also" in errors[1]
    assert not any(line.startswith("error: forged") for line in done.stderr.splitlines())
    entries = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["record"] for e in entries] == ["x\nerror: forged line", "ok\u2028also"]  # the entry keeps the id


# --- A text over spaCy's default limit -----------------------------------------------------------


@pytest.mark.slow
def test_red_team_a_text_over_a_million_characters_is_processed_when_max_chars_allows_it(tmp_path):
    text = (SEED + "\n") * (1_000_100 // len(SEED) + 1)
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long", "text": text}) + "\n", encoding="utf-8")
    done = extract(source, "--max-chars", "2000000", "-o", tmp_path / "out.jsonl", timeout=600)
    assert done.returncode == ExitCode.OK, done.stderr  # spaCy's E088 used to end the run
    (document,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(document["text"]) > 1_000_000 and document["spans"]


# --- Stopped runs ----------------------------------------------------------------------------------


def start(*args: str | Path) -> subprocess.Popen:
    """``extract`` in a session of its own, so that a signal to its process group is what a
    terminal's Ctrl-C is: a signal to the command and every process it started."""
    command = [sys.executable, "-m", "trialspacy.cli", "extract", *map(str, args)]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=ENV, start_new_session=True)


def wait_for_lines(path: Path, process: subprocess.Popen, n: int = 1, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.2)
    raise AssertionError(f"no output in {path} after {timeout} s")


ENGINES = {"local": [], "pool": ["--n-process", "2"], "dask": ["--engine", "dask"]}


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_red_team_ctrl_c_is_one_line_with_the_counts_and_resume_finishes(tmp_path, engine):
    source = many_records(tmp_path / "trials.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    process = start(source, "-o", out, *ENGINES[engine])
    wait_for_lines(out, process, n=20)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == ExitCode.INTERRUPTED, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: interrupted: ") and "--resume continues" in lines[0], stderr
    written = int(lines[0].split("interrupted: ")[1].split()[0])
    assert 20 <= written < 3000
    assert out.read_bytes().count(b"\n") == written  # complete lines, as many as it says
    done = extract(source, "-o", out, "--resume", *ENGINES[engine], timeout=600)
    assert done.returncode == ExitCode.OK, done.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"seed-{i:05d}" for i in range(3000)]


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_red_team_workers_end_with_their_parent(tmp_path, how):
    source = many_records(tmp_path / "trials.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    process = start(source, "-o", out, "--n-process", "2")
    wait_for_lines(out, process, n=20)
    workers = psutil.Process(process.pid).children(recursive=True)
    assert len(workers) >= 2  # the two workers (and multiprocessing's resource tracker)
    process.send_signal(how)
    process.communicate(timeout=60)
    _, alive = psutil.wait_procs(workers, timeout=20)
    assert alive == [], f"workers outlived their parent: {[p.pid for p in alive]}"
