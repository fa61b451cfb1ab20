"""Shared fixtures: the bundled seed records, the external corpora, and pipelines built once."""

import os
from pathlib import Path
from typing import Dict

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "samples" / "seeds"
API_V2_SAMPLE = REPO / "samples" / "ctgov_v2_nsclc_sample.jsonl"
CORPORA = Path(os.environ.get("TRIALSPACY_CORPORA", REPO.parent / "shared" / "corpora"))


def corpus_path(*parts: str) -> Path:
    """A path under the external corpora, or skip the test with the reason when absent."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"external corpus not found: {path} (set TRIALSPACY_CORPORA to ../shared/corpora)")
    return path


@pytest.fixture(scope="session")
def seed_texts() -> Dict[str, str]:
    """The five seed records by file stem, read exactly (newline='')."""
    out = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as handle:
            out[path.stem] = handle.read()
    return out


@pytest.fixture(scope="session")
def nlp():
    """The full default pipeline, built once per test session."""
    import trialspacy

    return trialspacy.load()
