"""Write the second bundled API v2 sample, reproducibly: the NSCLCBench studies not already in
``samples/ctgov_v2_nsclc_sample.jsonl``.

Usage: python scripts/make_samples.py [CORPORA_DIR] [-o samples/ctgov_v2_nsclc_more.jsonl.gz]

Together the two files hold all 100 NSCLC studies of ``ctgov_samples/nsclcbench_ctg_studies.jsonl.gz``
(ClinicalTrials.gov records, public domain), objects unchanged and in corpus order. The 17
radiotherapy trials among them are what ``notebooks/03_trial_landscape.ipynb`` studies; the other
studies are its comparison group, which is why the whole remainder is bundled rather than the
radiotherapy trials alone. Written with a fixed gzip timestamp, so a rerun gives the same bytes.
"""

import argparse
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from corpora_eval import add_corpora_argument

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "samples" / "ctgov_v2_nsclc_sample.jsonl"
SOURCE = Path("ctgov_samples") / "nsclcbench_ctg_studies.jsonl.gz"


def nct_id(study: dict) -> str:
    """The NCT id of an API v2 study."""
    return study["protocolSection"]["identificationModule"]["nctId"]


def remaining_lines(corpus: Path, bundled: set[str]) -> Iterator[str]:
    """The corpus lines (one study each) whose NCT id is not in ``bundled``."""
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and nct_id(json.loads(line)) not in bundled:
                yield line.rstrip("\n") + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpora_argument(parser)
    parser.add_argument("-o", "--output", default=str(REPO / "samples" / "ctgov_v2_nsclc_more.jsonl.gz"))
    args = parser.parse_args()
    with open(BUNDLED, encoding="utf-8") as handle:
        bundled = {nct_id(json.loads(line)) for line in handle if line.strip()}
    lines = list(remaining_lines(Path(args.corpora) / SOURCE, bundled))
    with open(args.output, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write("".join(lines).encode("utf-8"))
    print(f"wrote {len(lines)} studies to {args.output}")


if __name__ == "__main__":
    main()
