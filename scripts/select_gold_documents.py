"""Choose the documents of the hand-annotated gold set and their dev/test split, reproducibly.

Usage: python scripts/select_gold_documents.py [CORPORA_DIR] [-o annotations/source/documents.jsonl]

The selection is random (fixed seed) within each source, among texts of at most MAX_CHARS characters
(a full ClinicalTrials.gov study runs to 5-15k characters; shorter ones keep hand annotation of every
criterion feasible). The test split is drawn here, before any tuning, stratified by source.
"""

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from corpora_eval import add_corpora_argument

from trialspacy.records import Record, iter_records

SEED = 20261121
MAX_CHARS = 4500
TEST_SHARE = 0.5
GY = re.compile(r"\d\s*c?Gy\b", re.I)
RADIATION = re.compile(r"\d\s*c?Gy\b|radiation|radiotherapy|irradiat", re.I)


def pick(pool: list[Record], n: int, rng: random.Random) -> list[Record]:
    pool = [r for r in pool if len(r.text) <= MAX_CHARS]
    return rng.sample(pool, min(n, len(pool)))


def records(path: Path, **kwargs) -> list[Record]:
    return [r for r in iter_records([str(path)], **kwargs) if isinstance(r, Record)]


def select(corpora: Path, seeds: Path) -> list[dict]:
    rng = random.Random(SEED)
    chosen: list[tuple] = []
    chosen += [("seed", r) for r in records(seeds)]
    v2 = records(corpora / "ctgov_samples" / "nsclcbench_ctg_studies.jsonl.gz")
    chosen += [("ctgov_v2", r) for r in pick(v2, 20, rng)]
    aact = records(corpora / "ctgov_samples" / "ctrialsgov_cancer_studies.jsonl.gz")
    chosen += [("aact", r) for r in pick(aact, 16, rng)]
    nli = records(corpora / "nli4ct_breast_ctr" / "ctr_sections.jsonl.gz")
    nli_gy = [r for r in nli if GY.search(r.text)]
    nli_other = [r for r in nli if not GY.search(r.text)]
    chosen += [("nli4ct", r) for r in pick(nli_other, 16, rng)]
    # Radiotherapy-rich texts: the radiation-oncology trial set, NLI4CT reports and CHIA criteria
    # that state doses in Gy (CHIA: that mention radiation).
    ro_rows = list(
        csv.reader(
            open(corpora / "ro_trials_dennstaedt" / "trials-data-groundtruth.csv", encoding="utf-8-sig"), delimiter=";"
        )
    )
    ro = [
        Record(id=f"ro_trials#{i}", text=row[0], source="ro_trials_dennstaedt/trials-data-groundtruth.csv")
        for i, row in enumerate(ro_rows[1:], 1)
        if GY.search(row[0])
    ]
    chosen += [("ro_trials", r) for r in pick(ro, 13, rng)]
    chosen += [("nli4ct_rt", r) for r in pick(nli_gy, 5, rng)]
    chia_dir = corpora / "chia" / "chia_without_scope"
    chia = []
    for txt in sorted(chia_dir.glob("*.txt")):
        body = txt.read_text(encoding="utf-8", errors="replace").replace("\r", "")
        if RADIATION.search(body):
            heading = "Exclusion Criteria:" if txt.stem.endswith("_exc") else "Inclusion Criteria:"
            chia.append(Record(id=txt.stem, text=f"{heading}\n{body.strip()}", source=f"chia/{txt.name}"))
    chosen += [("chia_rt", r) for r in pick(chia, 5, rng)]

    by_source: dict[str, list[str]] = {}
    for source, record in chosen:
        by_source.setdefault(source, []).append(record.id)
    test = set()
    for ids in by_source.values():
        test.update(rng.sample(ids, round(len(ids) * TEST_SHARE)))
    return [
        {
            "id": r.id,
            "text": r.text,
            "meta": {"source": r.source, "corpus": source, "split": "test" if r.id in test else "dev"},
        }
        for source, r in chosen
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpora_argument(parser)
    parser.add_argument("--seeds", default="samples/seeds")
    parser.add_argument("-o", "--output", default="annotations/source/documents.jsonl")
    args = parser.parse_args()
    corpora = Path(args.corpora)
    if not corpora.is_dir():
        sys.exit(f"error: corpora directory {corpora} not found; pass the path to ../shared/corpora")
    docs = select(corpora, Path(args.seeds))
    with open(args.output, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    n_test = sum(d["meta"]["split"] == "test" for d in docs)
    print(f"{len(docs)} documents ({n_test} test, {len(docs) - n_test} dev) -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
