"""Shared fixtures: the bundled seed records, the external corpora, and pipelines built once."""

import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "samples" / "seeds"
API_V2_SAMPLE = REPO / "samples" / "ctgov_v2_nsclc_sample.jsonl"
CORPORA = Path(os.environ.get("TRIALSPACY_CORPORA", REPO.parent / "shared" / "corpora"))
# Tests load the scripts (and the helpers the scripts import from beside them) as modules.
sys.path.insert(0, str(REPO / "scripts"))


def corpus_path(*parts: str) -> Path:
    """A path under the external corpora, or skip the test with the reason when absent."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"external corpus not found: {path} (set TRIALSPACY_CORPORA to ../shared/corpora)")
    return path


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
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


@pytest.fixture
def mixed_inputs(tmp_path) -> list[Path]:
    """The seeds, the API v2 sample and a file with bad lines between good ones (21 items:
    18 documents and 3 bad records)."""
    mixed = tmp_path / "in" / "mixed.jsonl"
    mixed.parent.mkdir()
    first = API_V2_SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    mixed.write_text("\n".join(["{not json", first, '{"nct_id": "NCT0009"}', '{"text": ""}']) + "\n", encoding="utf-8")
    return [SEEDS_DIR, API_V2_SAMPLE, mixed]


def extract_bytes(inputs: list[Path], out: Path, fmt: str = "jsonl", **options: Any) -> tuple[int, bytes, bytes, str]:
    """Run ``extract`` to ``out`` (errors beside it); return the status, the output's and the
    errors file's bytes, and what was said on stderr."""
    from trialspacy.cli import extract_command

    errors = out.with_suffix(".errors.jsonl")
    stderr = io.StringIO()
    status = extract_command(
        [str(p) for p in inputs], str(out), fmt, str(errors), stderr=stderr, progress=False, **options
    )
    return status, out.read_bytes(), errors.read_bytes(), stderr.getvalue()
