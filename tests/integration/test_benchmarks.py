"""The corpus benchmarks: the shared scoring and split rules, and a smoke run of
``scripts/benchmark_accuracy.py`` on a handful of documents per corpus."""

import json
import os
import subprocess
import sys
from pathlib import Path

import benchmark_accuracy as accuracy
import corpora_eval
import pytest
from conftest import CORPORA, REPO, SEEDS_DIR


@pytest.mark.parametrize(
    "doc_id,split",
    [("NCT00050349_exc", "DEV"), ("NCT00000105_inc", "TEST"), ("NCT03860015", "TEST"), ("10459028", "ALL")],
)
def test_benchmarks_split_by_nct_number_divisible_by_five(doc_id: str, split: str) -> None:
    assert corpora_eval.split_of(doc_id) == split


def test_benchmarks_score_strict_and_lenient_spans() -> None:
    # Predictions (0,5) exact and (10,15) overlapping gold (12,20); gold (30,35) missed.
    scores = corpora_eval.score_spans([{(0, 5), (10, 15)}], [{(0, 5), (12, 20), (30, 35)}])
    assert scores["strict"] == {"precision": 0.5, "recall": 0.3333, "f1": 0.4, "predicted": 2, "gold": 3}
    assert scores["lenient"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8, "predicted": 2, "gold": 3}


def test_benchmarks_find_drugs_spans_are_character_offsets() -> None:
    # CHIA NCT00728156_exc
    text = "Anticoagulant use (warfarin or heparin)"
    assert {text[s:e] for s, e in corpora_eval.find_drugs_spans(text)} == {"warfarin", "heparin"}


def test_benchmarks_standing_says_where_we_lose() -> None:
    ours = {"precision": 0.742, "recall": 0.612, "f1": 0.671}
    peer = {"precision": 0.677, "recall": 0.650, "f1": 0.600}
    assert accuracy.standing(ours, peer, "`find_drugs`", ("precision", "recall", "f1")) == (
        "**behind `find_drugs`** on recall (0.612 vs 0.650)"
    )


def test_benchmark_accuracy_exits_2_with_one_line_without_corpora(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "benchmark_accuracy.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "corpora not found" in done.stderr
    assert done.stdout == ""


def test_benchmark_accuracy_gold_row_says_not_available_without_gold(tmp_path: Path) -> None:
    gold = accuracy.gold_results(tmp_path / "test.jsonl")
    assert gold["status"].startswith("not available yet")
    (row,) = accuracy.gold_rows(gold)
    assert "not available yet" in row


@pytest.mark.slow
def test_benchmark_accuracy_scores_a_gold_file_through_the_evaluator(tmp_path: Path, nlp) -> None:
    # A gold file made from a seed record's own output, one span dropped: recall 1, precision < 1.
    from trialspacy.contract import to_document

    text = sorted(SEEDS_DIR.glob("*.txt"))[0].read_text(encoding="utf-8")
    record = to_document(nlp(text), with_pipeline=False)
    record["id"] = "seed"
    record.pop("outcomes", None)
    dropped = next(s for s in record["spans"] if s["label"] == "DRUG")
    record["spans"].remove(dropped)
    path = tmp_path / "test.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = accuracy.gold_results(path, nlp)
    assert gold["status"].startswith("ok: 1 documents")
    drug = gold["report"]["strict"]["DRUG"]
    assert drug["r"] == 1.0 and drug["fp"] == 1
    rows = accuracy.gold_rows(gold)
    assert any(row.startswith("| DRUG |") and "`find_drugs`" in row for row in rows)
    assert any(row.startswith("| micro |") for row in rows)


@pytest.mark.corpora
@pytest.mark.slow
def test_benchmark_accuracy_smoke_run_has_every_row(tmp_path: Path) -> None:
    for name in accuracy.REQUIRED:
        if not (CORPORA / name).is_dir():
            pytest.skip(f"external corpus not found: {CORPORA / name} (set TRIALSPACY_CORPORA to ../shared/corpora)")
    results = accuracy.run_benchmark(CORPORA, gold_path=tmp_path / "absent.jsonl", limit=6)
    assert results["drug_chia"]["TEST"]["documents"] == 6 and results["drug_lct"]["DEV"]["documents"] == 6
    assert results["endpoint_pico"]["documents"] == 6
    table = accuracy.main_table(results)
    for start in (
        "| DRUG | CHIA `Drug`, TEST",
        "| DRUG | LCT `Drug-Name`, TEST",
        "| entity negation | CHIA `Negation`",
        "| entity negation | LCT `Negation`",
        "| TIMEFRAME | CHIA `Temporal`, TEST",
        "| TIMEFRAME | CHIA `Temporal` holding a number",
        "| ENDPOINT | PICO `outcome-Measure`",
        "| all labels | our gold TEST split",
    ):
        assert any(line.startswith(start) for line in table.splitlines()), start
    for peer in ("`find_drugs`", "negspaCy NegEx, default", "medspaCy ConText, default"):
        assert peer in table
    doc = accuracy.markdown(results)
    assert "smoke run" in doc and "## Published figures" in doc and "Kang et al. 2017" in doc
    assert "## Label mappings, splits and matching" in doc


@pytest.mark.corpora
@pytest.mark.slow
def test_benchmark_accuracy_command_writes_the_doc_and_prints_the_table(tmp_path: Path) -> None:
    if not all((CORPORA / name).is_dir() for name in accuracy.REQUIRED):
        pytest.skip(f"external corpora not found under {CORPORA} (set TRIALSPACY_CORPORA to ../shared/corpora)")
    out = tmp_path / "accuracy.md"
    env = dict(os.environ, PYTHONPATH=str(REPO / "pipeline"))
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "benchmark_accuracy.py"),
            str(CORPORA),
            "--limit",
            "3",
            "--out",
            str(out),
            "--gold",
            str(tmp_path / "absent.jsonl"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("| task |")
    assert "wrote" in done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Accuracy")


def test_benchmark_scale_section_gives_reading_and_writing_shares_and_peak_memory() -> None:
    import benchmark

    read = {"seconds": 6.0, "docs": 6785, "errors": 1, "words": 3_000_000}
    write = {"seconds": {"duckdb": 4.0, "jsonl": 1.0}}
    samples = [(0.0, 90.0, []), (5.0, 300.0, [140.0, 150.0]), (10.0, 310.0, [145.0, 152.0])]
    run = {"output": "/tmp/legacy.duckdb", "seconds": 100.0, "written": 6785, "errors": 1, "samples": samples}
    lines = benchmark.scale_lines([run], read, write)
    row = next(line for line in lines if line.startswith("| duckdb |"))
    assert row == "| duckdb | 6,785 + 1 | 100.0 | 67.8 | 30,000 | 6.0% | 4.0% | 10.0% | 310 | 152 |"
    assert lines[-1] == "0 s: 90 / -, 5 s: 300 / 140 + 150, 10 s: 310 / 145 + 152"
