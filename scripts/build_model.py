"""Build the saved pipeline: models/trialspacy_core (see models/README.md).

Assembles the full pipeline from code (``trialspacy.build()``: tokenizer rules, lexicons, patterns,
rules; there are no trained weights) and saves it with ``nlp.to_disk``. What is expensive to build is
saved in the form that is fast to load (the DRUG lexicon packed, see
``trialspacy.components.drugs.pack_lexicon``). The output is byte-reproducible: no build date, and
``meta.json`` records the SHA-256 of the package files it holds (tokenizer rules, data), so that
``trialspacy.load()`` can tell a stale build.

Usage: python scripts/build_model.py [--output models/trialspacy_core]
"""

import argparse
import shutil
from pathlib import Path
from typing import Any

import spacy

import trialspacy

REPO = Path(__file__).resolve().parent.parent

SOURCES: list[dict[str, str]] = [
    {
        "name": "drug-named-entity-recognition 2.0.x dictionary (DRUG lexicon)",
        "url": "https://github.com/fastdatascience/drug_named_entity_recognition",
        "license": "MIT",
    },
    {
        "name": "DrugBank open vocabulary (DRUG lexicon: names, synonyms, ids)",
        "url": "https://go.drugbank.com/releases/latest#open-data",
        "license": "CC0",
    },
    {
        "name": "medspaCy ConText default rules (negation; read from the installed medspaCy)",
        "url": "https://github.com/medspacy/medspacy",
        "license": "MIT",
    },
    {
        "name": "trialspacy curated data: drug codes, classes and denylist, endpoints, negation rules",
        "url": "pipeline/trialspacy/data",
        "license": "MIT",
    },
]


def model_meta(nlp: spacy.Language) -> dict[str, Any]:
    """The versioned ``meta.json`` of the saved pipeline (no date, so rebuilds are identical): what
    ``trialspacy.pipeline_meta()`` says of every trialspacy pipeline, the sources and the digests."""
    return {
        "lang": nlp.lang,
        **trialspacy.pipeline_meta(),
        "sources": SOURCES,
        "components": list(nlp.component_names),
        "trialspacy_digests": trialspacy.source_digests(),
    }


def build_model(output: Path) -> spacy.Language:
    """Build the pipeline from code and save it at ``output`` (replacing what was there)."""
    nlp = trialspacy.build()
    nlp.meta.update(model_meta(nlp))
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=trialspacy.MODEL_PATH, help="directory to write")
    args = parser.parse_args()
    build_model(args.output)
    size = sum(p.stat().st_size for p in args.output.rglob("*") if p.is_file())
    print(f"wrote {args.output} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
