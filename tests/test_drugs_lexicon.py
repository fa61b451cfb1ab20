"""The DRUG lexicon: its stored tokens, its reproducible build, and what it is worth on CHIA."""

import hashlib
import json
import subprocess
import sys

import pytest
from conftest import CORPORA, REPO, corpus_path

import trialspacy
from trialspacy.lexicon import package_data, read_jsonl, tokenize_terms
from trialspacy.spans import DRUG, label_spans

DATA = REPO / "pipeline" / "trialspacy" / "data"
PIPELINE = ["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"]


def test_drugs_lexicon_tokens_match_the_current_tokenizer():
    """The lexicon stores tokens; a tokenizer change must be followed by a rebuild."""
    nlp = trialspacy.build([])
    rows = package_data("drug_lexicon.jsonl.gz")
    keys = {
        (r["case_sensitive"], tuple(r["tokens"]) if r["case_sensitive"] else tuple(t.lower() for t in r["tokens"]))
        for r in rows
    }
    surfaces = [code["code"] for code in read_jsonl(DATA / "drug_codes.jsonl")]
    for row in read_jsonl(DATA / "drug_classes.jsonl"):
        surfaces += row["variants"] + row["cased"]
    surfaces += ["nab-paclitaxel", "5-fluorouracil", "trastuzumab-dkst", "Herceptin", "ado-trastuzumab emtansine"]
    missing = []
    for surface, tokens in zip(surfaces, tokenize_terms(nlp, surfaces)):
        if (True, tuple(tokens)) not in keys and (False, tuple(t.lower() for t in tokens)) not in keys:
            missing.append((surface, tokens))
    assert not missing, f"rebuild the lexicon (scripts/build_drug_lexicon.py): {missing[:5]}"


@pytest.mark.corpora
@pytest.mark.slow
def test_drugs_lexicon_build_is_reproducible(tmp_path):
    corpus_path("lexicons", "drugbank_vocabulary.csv.gz")
    corpus_path("chia")
    script = REPO / "scripts" / "build_drug_lexicon.py"
    result = subprocess.run(
        [sys.executable, str(script), str(CORPORA), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["rows"] > 50000
    for name in ("drug_lexicon.jsonl.gz", "drug_evidence.jsonl"):
        # digests, not the bytes: pytest's diff of two 0.8 MB byte strings runs for many minutes
        built, committed = (hashlib.sha256((where / name).read_bytes()).hexdigest() for where in (tmp_path, DATA))
        assert built == committed, f"{name} differs from the committed one: run scripts/build_drug_lexicon.py"


@pytest.mark.corpora
@pytest.mark.slow
def test_drugs_beats_find_drugs_on_chia_dev():
    corpus_path("chia", "chia_without_scope")
    import measure_drugs_chia as measure

    docs = measure.chia_documents(CORPORA, "dev")[::4]
    gold = [g for _, _, g in docs]
    nlp = trialspacy.build(PIPELINE)
    ours = [{(s.start_char, s.end_char) for s in label_spans(d, DRUG)} for d in nlp.pipe(t for _, t, _ in docs)]
    theirs = [measure.package_spans(t) for _, t, _ in docs]
    mine, baseline = measure.score(ours, gold), measure.score(theirs, gold)
    for mode in ("strict", "lenient"):
        assert mine[mode]["f1"] >= baseline[mode]["f1"] + 0.05, (mine, baseline)
