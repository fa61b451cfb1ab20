"""Draw the legacy-record gold documents: 32 ClinicalTrials.gov legacy XML records at random.

The population is the 6,786 records of ``ctgov_legacy_xml/AllPublicXML_6786.zip`` as trialspacy
reads them, limited to texts of at most 4,500 characters (so that every criterion can be annotated
by hand; 5,000 records). Two strata, drawn with a fixed seed: 8 records with a Radiation
intervention or a dose in Gy/cGy (89 in the population) and 24 others. Each stratum is split in
halves, dev and test, at the draw, before any annotation or tuning.

Writes ``annotations/source/legacy_documents.jsonl`` (``id``, ``text``, ``meta``: source, split,
stratum), byte-reproducibly.

Usage: python scripts/select_legacy_gold.py [../shared/corpora] [--out annotations/source/legacy_documents.jsonl]
"""

import argparse
import json
import random
import re
from pathlib import Path

from corpora_eval import REPO, add_corpora_argument

from trialspacy.records import Record, iter_records

ZIP = Path("ctgov_legacy_xml") / "AllPublicXML_6786.zip"
SEED = 15
MAX_CHARS = 4500
STRATA = {"radiation": 8, "other": 24}
RADIATION = re.compile(r"^RADIATION:|\d\s*c?Gy\b", re.MULTILINE)


def stratum(record: Record) -> str:
    return "radiation" if RADIATION.search(record.text) else "other"


def select(corpora: Path) -> list[dict]:
    pool: dict[str, list[Record]] = {name: [] for name in STRATA}
    for item in iter_records([str(corpora / ZIP)]):
        if isinstance(item, Record) and len(item.text) <= MAX_CHARS:
            pool[stratum(item)].append(item)
    rng = random.Random(SEED)
    chosen = []
    for name, count in STRATA.items():
        drawn = rng.sample(sorted(pool[name], key=lambda r: r.id), count)
        for i, record in enumerate(drawn):
            split = "test" if i % 2 else "dev"
            source = "ctgov_legacy_xml/" + record.source.rsplit("/", 1)[-1]
            chosen.append(
                {"id": record.id, "text": record.text, "meta": {"source": source, "split": split, "stratum": name}}
            )
    return sorted(chosen, key=lambda d: d["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpora_argument(parser)
    parser.add_argument("--out", type=Path, default=REPO / "annotations" / "source" / "legacy_documents.jsonl")
    args = parser.parse_args()
    docs = select(args.corpora)
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    splits = {s: sum(1 for d in docs if d["meta"]["split"] == s) for s in ("dev", "test")}
    print(f"wrote {len(docs)} documents to {args.out} ({splits})")


if __name__ == "__main__":
    main()
