"""Inter-annotator agreement on the doubly annotated gold documents.

Usage: python scripts/agreement.py [--first annotations/gold/dev.jsonl annotations/gold/test.jsonl]
                                   [--second annotations/agreement/second_pass.jsonl]
                                   [--errors annotations/agreement/disagreements.jsonl]

Scores the second pass against the first with the evaluator (F1 is symmetric, so which pass is
called gold does not matter for F1) and prints the per-label strict and lenient F1 and the attribute
agreement as Markdown; every disagreement is written to --errors for adjudication.
"""

import argparse
import sys

from trialspacy.evaluate import evaluate, read_documents, write_errors


def markdown(report: dict) -> str:
    """The agreement tables of an evaluation report."""
    lines = ["| label | strict F1 | lenient F1 | first pass spans | second pass spans |", "|---|---|---|---|---|"]
    for label, strict in report["strict"].items():
        lenient = report["lenient"][label]
        n_first = strict["tp"] + strict["fn"]
        n_second = strict["tp"] + strict["fp"]
        lines.append(f"| {label} | {strict['f']:.3f} | {lenient['f']:.3f} | {n_first} | {n_second} |")
    lines += ["", "| label | attribute | spans matched | agreement |", "|---|---|---|---|"]
    for row in report["attributes"]:
        lines.append(f"| {row['label']} | {row['attribute']} | {row['n']} | {row['accuracy']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", nargs="+", default=["annotations/gold/dev.jsonl", "annotations/gold/test.jsonl"])
    parser.add_argument("--second", default="annotations/agreement/second_pass.jsonl")
    parser.add_argument("--errors", default=None)
    args = parser.parse_args(argv)
    second = read_documents(args.second, role="second pass")
    ids = {d["id"] for d in second}
    first = [d for path in args.first for d in read_documents(path) if d["id"] in ids]
    if len(first) != len(second):
        sys.exit(f"error: {len(second)} second-pass documents but {len(first)} first-pass ones")
    result = evaluate(first, second)
    print(f"{len(second)} documents annotated twice, independently\n")
    print(markdown(result.report))
    if args.errors:
        write_errors(result.errors, args.errors)


if __name__ == "__main__":
    main()
