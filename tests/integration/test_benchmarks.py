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
from conftest import CORPORA, REPO, SEEDS_DIR, corpus_path


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
    # Issue 15's sections: targets against the committed baseline, every gold set, the ablations.
    assert results["baseline"]["commit"] == "8ebcb5b"
    assert {"legacy TEST", "legacy DEV", "gold DEV", "CHIA TEST", "LCT DEV"} <= set(results["now"]["sets"])
    assert "gold TEST" not in results["now"]["sets"]  # the absent file given as --gold
    assert [c["row"] for c in results["causes"]] == [*(f"cause {n}" for n in range(1, 7)), "causes 1 and 5"]
    for cause in results["causes"]:
        assert cause["status"] in ("ok", "no switch") or cause["status"].startswith("not switchable"), cause
    assert set(results["scorer"]["rows"]) == {"rules alone", "rules + learned"}
    for section in (
        "## Issue 15 targets: today, now, target",
        "## Our gold, per label (strict), today and now",
        "## Per cause: each switched off alone (DEV splits)",
        "## The learned scorer: rules alone, rules + learned (DEV splits)",
    ):
        assert section in doc
    assert "| legacy TEST | DRUG | " in doc and "Smoke run: 'now' counts at most 6 documents" in doc
    assert doc.index("## Issue 15 targets") < doc.index("## Side by side")


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

    read = {"seconds": 1.0, "parsing": 6.0, "docs": 6785, "errors": 1, "words": 3_000_000}
    write = {"seconds": {"duckdb": 4.0, "jsonl": 1.0}}
    samples = [(0.0, 90.0, []), (5.0, 300.0, [140.0, 150.0]), (10.0, 310.0, [145.0, 152.0])]
    cpu = {"seconds": 80.0, "parent": 4.0, "workers": 156.0}  # the batch, once the pipeline is loaded
    run = {"output": "/tmp/legacy.duckdb", "seconds": 100.0, "written": 6785, "errors": 1, "samples": samples}
    lines = benchmark.scale_lines([{**run, "cpu": cpu}], read, write)
    row = next(line for line in lines if line.startswith("| duckdb |"))
    assert row == (
        "| duckdb | 6,785 + 1 | 100.0 | 67.8 | 30,000 | 4.0 | 5.0% | 2.5% | 156.0 | 1.0% | 4.0% | 5.0% | 310 | 152 |"
    )
    assert "the two workers parse the XML (6.0 CPU s alone)" in lines[0]
    assert lines[-1] == "0 s: 90 / -, 5 s: 300 / 140 + 150, 10 s: 310 / 145 + 152"


def test_benchmark_targets_give_the_n2_ratio_next_to_what_two_independent_processes_reach() -> None:
    import benchmark

    seconds = {"tokenization": 6.0, "trialspacy_n1": 14.0, "trialspacy_n2": 7.5, "trialspacy_halves": 7.0}
    seconds |= {"tokenization_long": 6.0, "trialspacy_long_n1": 11.0, "medspacy": 3.0, "find_drugs": 1.0}
    results = {
        name: {"words": 300 if name == "medspacy" else 3000, "seconds": value, "load_s": 0.6, "sha256": "ab" * 32}
        for name, value in seconds.items()
    }
    results["trialspacy_n1"] |= {"rss_mb": 290.0}
    results["trialspacy_n2"] |= {"rss_mb": 150.0, "child_rss_mb": 280.0}
    results["cold_loads"] = {"trialspacy.load": {"wall": 1.2}, "spacy.blank": {"wall": 1.0}}
    lines = benchmark.targets(results)
    assert "- n_process=2 ≥ 1.8× n_process=1: 1.87× — met" in lines
    assert lines[-2] == (
        "- n_process=2 against what this machine allows (`trialspacy_halves`: two independent single processes, "
        "each on half the corpus, nothing sent between them): 2.00× one process; n_process=2 has 93% of it"
    )
    assert lines[-1].startswith("- n_process=2 output byte-identical to n_process=1: yes")


def test_benchmark_accuracy_baseline_is_committed_with_every_set_measured_before_issue_15() -> None:
    base = accuracy.read_baseline()
    assert base is not None, f"{accuracy.BASELINE} is missing (scripts/benchmark_accuracy.py --write-baseline)"
    assert base["commit"] == "8ebcb5b" and base["limit"] is None
    assert set(base["sets"]) == {
        f"{name} {split}" for name in ("gold", "legacy", "CHIA", "LCT") for split in ("DEV", "TEST")
    } | {"gold2 DEV", "gold3 DEV", "gold4 DEV", "gold5 DEV"}
    # The figures issue 15 names as today's, measured again through `measure`.
    assert round(accuracy.get(base, "CHIA TEST", ("negation", "f1")), 3) == 0.569
    assert round(accuracy.get(base, "LCT TEST", ("negation", "f1")), 3) == 0.617
    assert round(accuracy.get(base, "gold TEST", ("outcomes", "accuracy")), 3) == 0.647
    assert base["sets"]["legacy TEST"]["documents"] == 16 and base["sets"]["legacy DEV"]["documents"] == 16


def test_benchmark_accuracy_targets_table_reads_today_from_the_baseline_and_checks_precision() -> None:
    base = accuracy.read_baseline()
    assert base is not None
    now = json.loads(json.dumps(base))
    # One label loses two points of precision on legacy TEST, one gains on gold TEST.
    now["sets"]["legacy TEST"]["strict"]["ENDPOINT"]["p"] -= 0.02
    now["sets"]["gold TEST"]["strict"]["DRUG"]["f"] = 0.96
    table = accuracy.targets_table({"baseline": base, "now": now})
    rows = {tuple(c.strip() for c in line.split("|")[1:3]): line for line in table.splitlines()[2:]}
    assert len(rows) == len(accuracy.TARGETS) + len(accuracy.PRECISION_RULE_SETS)
    assert rows[("DRUG strict F1", "gold TEST")] == (
        "| DRUG strict F1 | gold TEST | 0.899 | 0.960 | ≥ 0.950 | yes | +0.000 |"
    )
    assert rows[("negated-class F1", "CHIA TEST")].startswith(
        "| negated-class F1 | CHIA TEST | 0.569 | 0.569 | > 0.569 (today's) | **no** |"
    )
    rule = "no label's precision drops by more than one point"
    assert "| worst -0.020 (ENDPOINT) | ≥ −0.010 | **no** |" in rows[(rule, "legacy TEST")]
    assert "| worst +0.000 (" in rows[(rule, "gold TEST")] and "| ≥ −0.010 | yes |" in rows[(rule, "gold TEST")]


def test_benchmark_accuracy_says_when_the_gold_changed_since_the_baseline() -> None:
    base = accuracy.read_baseline()
    assert base is not None
    now = json.loads(json.dumps(base))
    assert "changed since" not in accuracy.baseline_line({"baseline": base, "now": now})
    now["sets"]["legacy TEST"]["strict"]["DRUG"]["fn"] += 1
    del now["sets"]["gold TEST"]  # not measured: nothing to compare
    line = accuracy.baseline_line({"baseline": base, "now": now})
    assert "**The gold of legacy TEST changed since (other span counts)" in line


def test_benchmark_accuracy_targets_table_without_baseline_leaves_today_empty() -> None:
    base = accuracy.read_baseline()
    table = accuracy.targets_table({"baseline": None, "now": base})
    row = next(line for line in table.splitlines() if line.startswith("| LCT `Drug-Name` strict F1"))
    assert row == "| LCT `Drug-Name` strict F1 | LCT TEST | — | 0.708 | > 0.774 | **no** | — |"
    assert "No baseline file" in accuracy.baseline_line({"baseline": None})


def test_benchmark_accuracy_a_setting_the_pipeline_lacks_is_not_switchable(nlp, tmp_path: Path) -> None:
    # Corpora are not read: the switch is refused before anything is measured.
    for key in ("components.trialspacy_drugs.no_such_switch", "nlp.tokenizer.no_such_switch", "components.nope.x"):
        assert accuracy.setting(nlp, key) == (False, None)
        assert accuracy.ablation(nlp, tmp_path, key, False) == {
            "status": "not switchable: the loaded pipeline has no such setting"
        }
    assert accuracy.setting(nlp, "components.trialspacy_drugs.stems") == (True, True)
    assert accuracy.setting(nlp, "components.trialspacy_negation.backend") == (True, "context")
    refused = accuracy.ablation(nlp, tmp_path, "components.trialspacy_drugs.stems", "not a bool")
    assert refused["status"].startswith(
        "not switchable: `components.trialspacy_drugs.stems = not a bool` does not load"
    )
    causes = [
        {"row": "cause 9", "what": "a cause", "key": "components.trialspacy_drugs.no_such_switch", "value": False}
        | accuracy.ablation(nlp, tmp_path, "components.trialspacy_drugs.no_such_switch", False),
        {"row": "cause 6", "what": "outcome pairing", "key": None, "value": None}
        | accuracy.ablation(nlp, tmp_path, None, None),
    ]
    base = accuracy.read_baseline()
    assert base is not None
    unchanged = {name: figures for name, figures in base["sets"].items() if name.endswith(" DEV")}
    causes.append({"row": "cause 8", "what": "x", "key": "k.x", "value": False, "status": "ok", "sets": unchanged})
    table = accuracy.causes_table({"baseline": base, "now": base, "causes": causes})
    lines = table.splitlines()
    assert lines[2].startswith(
        "| today (before issue 15) | — | 0.905 P 0.939 | 0.724 P 0.783 | 0.668 / 0.778 | 0.717 |"
    )
    assert lines[4] == (
        "| without cause 9: a cause | `components.trialspacy_drugs.no_such_switch = False`: not switchable: "
        "the loaded pipeline has no such setting | — | — | — | — | — | — | — |"
    )
    assert lines[5].startswith("| without cause 6: outcome pairing | no switch (compare today and all on) | — |")
    assert lines[6].startswith(
        "| without cause 8: x | `k.x = False` (no DEV figure changed: check that the setting survives loading "
        "from disk) | 0.905 (+0.000) P 0.939 |"
    )
    not_there = {"status": "not switchable: the loaded pipeline has no such setting"}
    scorer = {"key": accuracy.SCORER, "default": None, "rows": {"rules alone": not_there, "rules + learned": not_there}}
    text = accuracy.scorer_table({"scorer": scorer})
    assert "Verdict: not evaluated: not switchable" in text


def test_benchmark_accuracy_scorer_rule_keeps_only_a_gain_within_precision_and_speed() -> None:
    base = accuracy.read_baseline()
    assert base is not None
    rules = dict(base, status="ok", throughput={"documents": 100, "seconds": 1.0})
    learned = json.loads(json.dumps(rules))
    for name, keys in (
        ("gold DEV", ("strict", "DRUG")),
        ("CHIA DEV", ("drug", "strict")),
        ("LCT DEV", ("drug", "strict")),
    ):
        row = accuracy.get(learned, name, keys)
        row["f" if "f" in row else "f1"] += 0.01
    rows = {"rules alone": rules, "rules + learned": learned}
    assert accuracy.scorer_verdict(rows).startswith("kept by the rule")
    learned["throughput"]["seconds"] = 1.25  # 80 docs/s: 20% slower
    learned["sets"]["CHIA DEV"]["drug"]["strict"]["precision"] -= 0.02
    verdict = accuracy.scorer_verdict(rows)
    assert verdict.startswith("dropped by the rule")
    assert "precision down more than one point on CHIA DEV" in verdict and "throughput down 20%" in verdict
    text = accuracy.scorer_table({"scorer": {"key": accuracy.SCORER, "default": True, "rows": rows}})
    assert "**The default disagrees with the rule.**" in text
    assert text.splitlines()[2].endswith("| 100 |")


@pytest.mark.corpora
@pytest.mark.slow
def test_benchmark_accuracy_a_cause_switched_off_reruns_the_dev_sets_only(nlp) -> None:
    corpus_path("chia")
    corpus_path("lct")
    # The negation backend is a setting every pipeline has; the other backend changes negation
    # on the corpora, so the override reaches the component restored from disk.
    on = accuracy.measure(nlp, CORPORA, (accuracy.DEV,), limit=8)
    off = accuracy.ablation(nlp, CORPORA, "components.trialspacy_negation.backend", "negex", limit=8)
    assert off["status"] == "ok" and off["default"] == "context"
    assert set(off["sets"]) == {
        "gold DEV",
        "legacy DEV",
        "gold2 DEV",
        "gold3 DEV",
        "gold4 DEV",
        "gold5 DEV",
        "CHIA DEV",
        "LCT DEV",
    }
    assert off["sets"]["CHIA DEV"]["documents"] == 8 and "negation" in off["sets"]["LCT DEV"]
    assert off["throughput"]["documents"] == 8 * 8 and off["throughput"]["seconds"] > 0
    assert accuracy.get(off, "CHIA DEV", ("negation",)) != accuracy.get(on, "CHIA DEV", ("negation",))
    assert accuracy.get(off, "gold DEV", ("strict", "DRUG")) == accuracy.get(on, "gold DEV", ("strict", "DRUG"))


def test_benchmark_accuracy_a_tokenizer_setting_is_found_and_overridden_in_a_pipeline_built_from_code() -> None:
    import spacy
    from spacy.tokenizer import Tokenizer

    made: list[bool] = []

    @spacy.registry.tokenizers("test_benchmarks.Tokenizer.v1")
    def create(registry_text: bool = True):  # the shape of a switch on trialspacy's tokenizer
        def make(nlp):
            made.append(registry_text)
            return Tokenizer(nlp.vocab)

        return make

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "test_benchmarks.Tokenizer.v1"}}})
    assert nlp.path is None
    assert accuracy.setting(nlp, "nlp.tokenizer.registry_text") == (True, True)
    assert accuracy.setting(nlp, "nlp.tokenizer.other") == (False, None)
    accuracy.load_with(nlp, {"nlp.tokenizer.registry_text": False})
    assert made == [True, False]
