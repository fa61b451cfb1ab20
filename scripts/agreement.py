"""Inter-annotator agreement on the doubly annotated gold documents.

Usage: python scripts/agreement.py [--first annotations/gold/dev.jsonl annotations/gold/test.jsonl]
                                   [--second annotations/agreement/second_pass.jsonl]
                                   [--errors annotations/agreement/disagreements.jsonl]

Scores the second pass against the first (F1 is symmetric, so which pass is called gold does not
matter for F1) and prints the per-label strict and lenient F1 and the attribute agreement as
Markdown; every disagreement is written to --errors for adjudication. Relative default paths are
the repository's.
"""

import argparse
import sys
from pathlib import Path

from trialspacy.evaluate import read_documents, write_errors
from trialspacy.scoring import Evaluation, score

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "annotations" / "gold"


def markdown(evaluation: Evaluation) -> str:
    """The agreement tables of an evaluation."""
    lines = ["| label | strict F1 | lenient F1 | first pass spans | second pass spans |", "|---|---|---|---|---|"]
    for label, strict in evaluation.strict.items():
        lenient = evaluation.lenient[label]
        lines.append(f"| {label} | {strict.f:.3f} | {lenient.f:.3f} | {strict.gold} | {strict.predicted} |")
    lines += ["", "| label | attribute | spans matched | agreement |", "|---|---|---|---|"]
    for row in evaluation.attributes:
        lines.append(f"| {row.label} | {row.attribute} | {row.n} | {row.accuracy:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--first", nargs="+", type=Path, default=[GOLD / "dev.jsonl", GOLD / "test.jsonl"])
    parser.add_argument("--second", type=Path, default=REPO / "annotations" / "agreement" / "second_pass.jsonl")
    parser.add_argument("--errors", type=Path, default=None)
    args = parser.parse_args(argv)
    second = read_documents(str(args.second), role="second pass")
    ids = {d["id"] for d in second}
    first = [d for path in args.first for d in read_documents(str(path)) if d["id"] in ids]
    if len(first) != len(second):
        sys.exit(f"error: {len(second)} second-pass documents but {len(first)} first-pass ones")
    evaluation = score(first, second)
    print(f"{len(second)} documents annotated twice, independently\n")
    print(markdown(evaluation))
    if args.errors:
        write_errors(evaluation.errors, str(args.errors))


if __name__ == "__main__":
    main()
