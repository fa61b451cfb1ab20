"""Red team of the pipeline's running time: no single record stalls a batch.

Hostile texts that took 80 s to 11 min (negation pairing every cue with every other cue and target
of a sentence; spaCy's tokenizer stripping a 20,000-deep parenthesis run one character at a time)
now take seconds, keep their text, and a batch holding them writes every document. Speed itself is
measured by ``scripts/benchmark_stalls.py``; the limits here are generous."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import API_V2_SAMPLE, REPO

from trialspacy.spans import DRUG, label_spans

# Before: 80 s, 662 s and 143 s on the full pipeline.
HOSTILE = {
    "no-docetaxel-8000": "no docetaxel " * 8000,
    "no-50000": "no " * 50000 + "docetaxel",
    "parentheses-20000": "(" * 20000 + "docetaxel" + ")" * 20000,
}
SECONDS_PER_RECORD = 30
SUMMARY = re.compile(r"(\d+) documents: (\d+) written, (\d+) errors")


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_record_takes_seconds_and_keeps_its_text(nlp, name: str) -> None:
    text = HOSTILE[name]
    start = time.perf_counter()
    doc = nlp(text)
    assert time.perf_counter() - start < SECONDS_PER_RECORD
    assert doc.text == text
    drugs = [(s.text, s._.trialspacy_negated) for s in label_spans(doc, DRUG)]
    if name == "no-docetaxel-8000":
        assert drugs == [("docetaxel", True)] * 8000
    elif name == "no-50000":
        assert drugs == [("docetaxel", True)]
    else:
        assert drugs == [("docetaxel", False)]


def test_a_batch_with_hostile_records_writes_every_document(tmp_path: Path) -> None:
    studies = API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()[:3]
    hostile = [json.dumps({"id": name, "text": text}) for name, text in HOSTILE.items()]
    good = [json.dumps({"id": "good", "text": "No prior docetaxel; 60 Gy in 30 fractions."})]
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(hostile[:1] + good + hostile[1:]) + "\n", encoding="utf-8")
    studies_file = tmp_path / "studies.jsonl"
    studies_file.write_text("\n".join(studies) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "trialspacy.cli", "extract", str(source), str(studies_file), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO / "pipeline")),
        timeout=5 * SECONDS_PER_RECORD,
    )
    assert done.returncode == 0, done.stderr
    summary = SUMMARY.search(done.stderr)
    assert summary and summary.groups() == ("7", "7", "0")
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {doc["id"]: doc for doc in written}
    assert list(by_id)[:4] == ["no-docetaxel-8000", "good", "no-50000", "parentheses-20000"]
    for name, text in HOSTILE.items():
        assert by_id[name]["text"] == text
