"""Draw a third set of gold DEV documents, reproducibly, from the gold's sources and the legacy records.

Usage: python scripts/select_dev3_documents.py [CORPORA_DIR] [--set dev3|dev4|dev5] [-o OUTPUT]

The second DEV set (`select_dev2_documents.py`) has been read and its errors fixed, so it too has
stopped showing what new text gets wrong. This draws 30 more documents that no gold holds: 20 from the
first gold's pools (by the rules of `select_dev2_documents.py`; the radiation-oncology trials pool has
no unused text short enough left, so its share goes to NLI4CT reports with a dose in Gy and to legacy
records with radiation) and 10 ClinicalTrials.gov legacy XML records (texts of at most 4,500
characters, as `select_legacy_gold.py`; 3 with a Radiation intervention or a dose in Gy/cGy, 7
others). All are DEV; the TEST splits stay untouched.

``--set dev4`` draws a fourth set the same way (seed 20261209), leaving out the third too, once the
third had been read and its errors fixed: 4 API v2 records (all that are left short enough), 8 AACT,
5 NLI4CT, 3 NLI4CT with a dose in Gy, and 10 legacy records (3 with radiation).

``--set dev5`` draws a fifth (seed 20261210) once the fourth had been read and fixed, leaving out all
four: the API v2 pool has no record short enough left, so it is 10 AACT, 7 NLI4CT, 3 NLI4CT with a
dose in Gy, and 10 legacy records (3 with radiation).
"""

import argparse
import json
import random
import sys
from pathlib import Path

from corpora_eval import REPO, add_corpora_argument
from select_dev2_documents import pools
from select_gold_documents import pick
from select_legacy_gold import MAX_CHARS, ZIP, stratum

from trialspacy.records import Record, iter_records

# Per set: seed, counts per pool, legacy counts per stratum, and the document files it leaves out.
SETS = {
    "dev3": (
        20261208,
        {"ctgov_v2": 7, "aact": 6, "nli4ct": 4, "ro_trials": 0, "nli4ct_rt": 3},
        {"radiation": 3, "other": 7},
        ("documents.jsonl", "dev2_documents.jsonl", "legacy_documents.jsonl"),
    ),
    "dev4": (
        20261209,
        {"ctgov_v2": 4, "aact": 8, "nli4ct": 5, "ro_trials": 0, "nli4ct_rt": 3},
        {"radiation": 3, "other": 7},
        ("documents.jsonl", "dev2_documents.jsonl", "legacy_documents.jsonl", "dev3_documents.jsonl"),
    ),
    "dev5": (
        20261210,
        {"ctgov_v2": 0, "aact": 10, "nli4ct": 7, "ro_trials": 0, "nli4ct_rt": 3},
        {"radiation": 3, "other": 7},
        (
            "documents.jsonl",
            "dev2_documents.jsonl",
            "legacy_documents.jsonl",
            "dev3_documents.jsonl",
            "dev4_documents.jsonl",
        ),
    ),
}


def legacy_pools(corpora: Path) -> dict[str, list[Record]]:
    pool: dict[str, list[Record]] = {"radiation": [], "other": []}
    for item in iter_records([str(corpora / ZIP)]):
        if isinstance(item, Record) and len(item.text) <= MAX_CHARS:
            pool[stratum(item)].append(item)
    return pool


def select(corpora: Path, taken: set[str], name: str = "dev3") -> list[dict]:
    seed, counts, legacy, _ = SETS[name]
    rng = random.Random(seed)
    docs = []
    for corpus, pool in pools(corpora).items():
        fresh = [r for r in pool if r.id not in taken]
        for r in pick(fresh, counts[corpus], rng):
            docs.append({"id": r.id, "text": r.text, "meta": {"source": r.source, "corpus": corpus, "split": "dev"}})
    for stratum_name, pool in legacy_pools(corpora).items():
        fresh = sorted((r for r in pool if r.id not in taken), key=lambda r: r.id)
        for r in rng.sample(fresh, legacy[stratum_name]):
            source = "ctgov_legacy_xml/" + r.source.rsplit("/", 1)[-1]
            meta = {"source": source, "corpus": "ctgov_legacy_xml", "split": "dev", "stratum": stratum_name}
            docs.append({"id": r.id, "text": r.text, "meta": meta})
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpora_argument(parser)
    parser.add_argument("--set", choices=sorted(SETS), default="dev3", help="which DEV set to draw")
    parser.add_argument("-o", "--output", help="default annotations/source/<set>_documents.jsonl")
    args = parser.parse_args()
    output = args.output or str(REPO / "annotations" / "source" / f"{args.set}_documents.jsonl")
    corpora = Path(args.corpora)
    if not corpora.is_dir():
        sys.exit(f"error: corpora directory {corpora} not found; pass the path to ../shared/corpora")
    taken = set()
    for name in SETS[args.set][3]:
        with open(REPO / "annotations" / "source" / name, encoding="utf-8") as f:
            taken |= {json.loads(line)["id"] for line in f}
    docs = select(corpora, taken, args.set)
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} dev documents -> {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
