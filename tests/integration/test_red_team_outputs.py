"""Red team of the outputs and of the evaluation files, through the command line in a subprocess:
brat pairs never overwrite one another, CSV cells never run as spreadsheet formulas, and a malformed
gold or prediction file gives one located line and exit status 3, never a traceback."""

import csv
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from scoring_cases import GOLD, PRED

from trialspacy.errors import Errors, ExitCode

SUMMARY = re.compile(r"(\d+) documents: (\d+) written, (\d+) errors")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run_cli(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "pipeline")}
    command = [sys.executable, "-m", "trialspacy.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def error_lines(done: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in done.stderr, done.stderr
    return [line for line in done.stderr.splitlines() if line.startswith("error: ")]


# --- brat: one pair per written document ---------------------------------------------------------


def test_brat_writes_a_pair_for_each_record_without_ids_in_a_dotted_file_name(tmp_path):
    records = write_records(
        tmp_path / "trials.v2.jsonl",
        [{"text": f"Patients receive {drug}."} for drug in ("docetaxel", "cisplatin", "pemetrexed")],
    )
    done = run_cli("extract", records, "--text-key", "text", "-f", "brat", "-o", tmp_path / "brat")
    assert done.returncode == ExitCode.OK and error_lines(done) == []
    assert SUMMARY.search(done.stderr).groups() == ("3", "3", "0")
    texts = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "brat").glob("*.txt"))
    assert texts == sorted(f"Patients receive {d}." for d in ("docetaxel", "cisplatin", "pemetrexed"))
    assert len(list((tmp_path / "brat").glob("*.ann"))) == 3


def test_brat_keeps_ids_apart_that_differ_by_a_dot_suffix_or_by_case(tmp_path):
    ids = ["NCT.1", "NCT.2", "NCT1", "nct1", "...", "CON", "NCT1_2"]
    records = write_records(
        tmp_path / "ids.jsonl", [{"id": i, "text": f"Record {n}: docetaxel."} for n, i in enumerate(ids)]
    )
    out = tmp_path / "brat"
    done = run_cli("extract", records, "-f", "brat", "-o", out)
    assert done.returncode == ExitCode.OK and error_lines(done) == []
    assert SUMMARY.search(done.stderr).groups() == ("7", "7", "0")
    stems = sorted(p.stem for p in out.glob("*.txt"))
    assert stems == sorted(p.stem for p in out.glob("*.ann"))
    assert stems == sorted(["NCT.1", "NCT.2", "NCT1", "nct1_2", "document", "CON_", "NCT1_2_2"])
    assert len({s.lower() for s in stems}) == len(ids)  # also apart on a case-insensitive file system
    texts = sorted(p.read_text(encoding="utf-8") for p in out.glob("*.txt"))
    assert texts == sorted(f"Record {n}: docetaxel." for n in range(len(ids)))

    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run_cli("extract", records, "-f", "brat", "-o", out)
    assert again.returncode == ExitCode.USAGE
    assert error_lines(again) == [f"error: {Errors.E063.format(path=out, count=14)}"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# --- CSV: no cell a spreadsheet would run --------------------------------------------------------


def test_csv_cells_that_start_like_formulas_are_written_behind_a_quote(tmp_path):
    ids = ['=HYPERLINK("http://example.com/x","click")', "+1+1", "-2+3", "@SUM(A1:A2)", "NCT01"]
    texts = [f"{c}Patients receive docetaxel every 3 weeks." for c in ("-", "=", "+", "@", "")]
    records = write_records(tmp_path / "hostile.jsonl", [{"id": i, "text": t} for i, t in zip(ids, texts)])
    out = tmp_path / "out.csv"
    done = run_cli("extract", records, "-f", "csv", "-o", out)
    assert done.returncode == ExitCode.OK and error_lines(done) == []
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["id"] for row in rows} == {"'" + i if i[0] in "=+-@" else i for i in ids}
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row.values())
    assert all(row["start"].isdigit() and row["end"].isdigit() for row in rows)


# --- evaluate and report: one located line for a malformed gold or prediction file ---------------

GOOD = (json.dumps(GOLD[0]) + "\n").encode("utf-8")
SPAN = GOLD[0]["spans"][0]
BAD_FILES = {
    "spans not an array": ("gold.jsonl", json.dumps({**GOLD[0], "spans": 5}).encode(), 1, "spans must be an array"),
    "span not an object": (
        "gold.jsonl",
        json.dumps({**GOLD[0], "spans": [5]}).encode(),
        1,
        "span 0: must be an object",
    ),
    "id a number": ("gold.jsonl", json.dumps({**GOLD[0], "id": 7}).encode(), 1, "id must be a string"),
    "offsets as strings": (
        "gold.jsonl",
        json.dumps({**GOLD[0], "spans": [{**SPAN, "start": "18", "end": "27"}]}).encode(),
        1,
        "start must be an integer, not a string",
    ),
    "invalid UTF-8": ("gold.jsonl", GOOD + b'{"id": "d\xe9", "text": "t", "spans": []}\n', 2, "not UTF-8 text"),
    "not an object": ("gold.jsonl", GOOD + b"[1, 2]\n", 2, "a record must be a JSON object, not an array"),
    "NUL byte": ("gold.jsonl", b"\x00" + GOOD, 1, "NUL byte in the line"),
    "malformed JSON": ("gold.jsonl", GOOD + b"{oops\n", 2, "malformed JSON"),
    "lone surrogate": ("gold.jsonl", b'{"id": "x", "text": "a \\ud800", "spans": []}\n', 1, "lone surrogate"),
    "empty file": ("gold.jsonl", b"", None, Errors.E060.format(role="{role}")),
    "not gzip": ("gold.jsonl.gz", GOOD, 1, "not a valid gzip file"),
    "damaged gzip": (
        "gold.jsonl.gz",
        gzip.compress(b"".join(json.dumps(d).encode() + b"\n" for d in GOLD))[:-4],
        4,
        "damaged gzip data",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
@pytest.mark.parametrize("command", ["evaluate GOLD", "evaluate --pred", "report --gold"])
def test_a_malformed_gold_or_prediction_file_is_one_located_line(tmp_path, case, command):
    name, content, line, problem = BAD_FILES[case]
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.jsonl"
    good.write_bytes(GOOD)
    role = "predicted" if command == "evaluate --pred" else "gold"
    if command == "evaluate GOLD":
        done = run_cli("evaluate", bad, "--pred", good)
    elif command == "evaluate --pred":
        done = run_cli("evaluate", good, "--pred", bad)
    else:
        done = run_cli("report", good, "-o", tmp_path / "report.html", "--gold", bad)
    assert done.returncode == ExitCode.DATA, done.stderr
    where = f"{bad}, line {line}: " if line is not None else f"{bad}: "
    (message,) = error_lines(done)
    assert done.stderr.strip() == message and done.stdout == ""
    assert message.startswith(f"error: {where}") and problem.format(role=role) in message, message
    assert not (tmp_path / "report.html").exists()


def test_gzipped_gold_and_predictions_score_as_the_plain_files(tmp_path):
    plain = [write_records(tmp_path / f"{kind}.jsonl", docs) for kind, docs in (("gold", GOLD), ("pred", PRED))]
    zipped = []
    for path in plain:
        target = path.with_name(path.name + ".gz")
        target.write_bytes(gzip.compress(path.read_bytes()))
        zipped.append(target)
    done_plain = run_cli("evaluate", plain[0], "--pred", plain[1], "--format", "json")
    done_zipped = run_cli("evaluate", zipped[0], "--pred", zipped[1], "--format", "json")
    assert done_plain.returncode == done_zipped.returncode == ExitCode.OK
    result = json.loads(done_zipped.stdout)
    result["documents"]["predictions"] = str(plain[1])  # the one place the file name shows
    assert result == json.loads(done_plain.stdout)
    report = run_cli("report", zipped[1], "-o", tmp_path / "report.html", "--gold", zipped[0])
    assert report.returncode == ExitCode.OK and error_lines(report) == []
    assert "3 records: 3 in the report, 0 errors" in report.stderr


def test_a_malformed_document_given_to_report_is_one_error_and_the_rest_is_shown(tmp_path):
    extract_output = tmp_path / "out.jsonl"
    extract_output.write_bytes(
        GOOD + json.dumps({**GOLD[1], "spans": [5]}).encode() + b"\n" + GOOD.replace(b"doc1", b"docX")
    )
    done = run_cli("report", extract_output, "-o", tmp_path / "report.html")
    assert done.returncode == ExitCode.SKIPPED
    (message,) = error_lines(done)
    assert message.startswith(f"error: {extract_output}, line 2: invalid predicted document 'doc2'")
    assert "3 records: 2 in the report, 1 errors" in done.stderr
