"""Draw a second, fresh set of gold DEV documents from the gold's own sources, reproducibly.

Usage: python scripts/select_dev2_documents.py [CORPORA_DIR] [-o annotations/source/dev2_documents.jsonl]

The first gold's DEV split is saturated (its errors have been read and fixed), so it no longer shows
what new text of the same kind gets wrong. This draws 24 more documents from the same pools and by the
same rules as `select_gold_documents.py` (ClinicalTrials.gov API v2 NSCLC studies, AACT-style cancer
studies, NLI4CT breast-cancer reports with and without a dose in Gy, radiation-oncology trials with a
dose in Gy; at most MAX_CHARS characters), with another seed, leaving out every document of the first
gold (dev and test). All of them are DEV: they are annotated by reading, and their errors are for
finding causes. The gold TEST split is untouched.
"""

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from corpora_eval import add_corpora_argument
from select_gold_documents import GY, pick, records

from trialspacy.records import Record

SEED = 20261207
COUNTS = {"ctgov_v2": 9, "aact": 7, "nli4ct": 5, "ro_trials": 4, "nli4ct_rt": 2}


def pools(corpora: Path) -> dict[str, list[Record]]:
    nli = records(corpora / "nli4ct_breast_ctr" / "ctr_sections.jsonl.gz")
    with open(corpora / "ro_trials_dennstaedt" / "trials-data-groundtruth.csv", encoding="utf-8-sig") as f:
        ro_rows = list(csv.reader(f, delimiter=";"))
    return {
        "ctgov_v2": records(corpora / "ctgov_samples" / "nsclcbench_ctg_studies.jsonl.gz"),
        "aact": records(corpora / "ctgov_samples" / "ctrialsgov_cancer_studies.jsonl.gz"),
        "nli4ct": [r for r in nli if not GY.search(r.text)],
        "ro_trials": [
            Record(id=f"ro_trials#{i}", text=row[0], source="ro_trials_dennstaedt/trials-data-groundtruth.csv")
            for i, row in enumerate(ro_rows[1:], 1)
            if GY.search(row[0])
        ],
        "nli4ct_rt": [r for r in nli if GY.search(r.text)],
    }


def select(corpora: Path, taken: set[str]) -> list[dict]:
    rng = random.Random(SEED)
    docs = []
    for corpus, pool in pools(corpora).items():
        fresh = [r for r in pool if r.id not in taken]
        for r in pick(fresh, COUNTS[corpus], rng):
            docs.append({"id": r.id, "text": r.text, "meta": {"source": r.source, "corpus": corpus, "split": "dev"}})
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpora_argument(parser)
    parser.add_argument("--first", default="annotations/source/documents.jsonl", help="the first gold's documents")
    parser.add_argument("-o", "--output", default="annotations/source/dev2_documents.jsonl")
    args = parser.parse_args()
    corpora = Path(args.corpora)
    if not corpora.is_dir():
        sys.exit(f"error: corpora directory {corpora} not found; pass the path to ../shared/corpora")
    with open(args.first, encoding="utf-8") as f:
        taken = {json.loads(line)["id"] for line in f}
    docs = select(corpora, taken)
    with open(args.output, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} dev documents -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
