"""Measure DRUG recognition on CHIA against its `Drug` entities, next to drug-named-entity-recognition.

Usage: python scripts/measure_drugs_chia.py [../shared/corpora] [--split dev|test] [--errors N]

CHIA annotates eligibility criteria only; discontinuous entities count by their full extent. Both
systems run on the same documents: ours as the trialspacy pipeline (layout, abbreviations, drugs);
the package's ``find_drugs`` on word tokens (whitespace/punctuation split, as its README shows).
Strict = same offsets; lenient = overlapping offsets. The TEST split (NCT number % 5 == 0) is for
reporting only: never tune on it or read its errors.
"""

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from corpora_eval import Span, add_corpora_argument, labelled_documents, overlaps
from corpora_eval import find_drugs_spans as package_spans
from corpora_eval import score_spans as score

import trialspacy
from trialspacy.spans import DRUG, label_spans


def chia_documents(corpora: Path, split: str) -> list[tuple[str, str, set[Span]]]:
    """(name, text, gold Drug extents) of the CHIA documents of one split (``dev`` or ``test``)."""
    return labelled_documents(corpora, "chia", ("Drug",), split.upper())


def errors(docs: Iterable[tuple[str, str, set[Span]]], predicted: Sequence[set[Span]], limit: int) -> list[str]:
    """The most frequent false positives and misses (lenient), as text."""
    from collections import Counter

    fp: Counter = Counter()
    fn: Counter = Counter()
    for (_, text, ref), pred in zip(docs, predicted):
        fp.update(text[s:e].lower() for s, e in pred if not any(overlaps((s, e), g) for g in ref))
        fn.update(text[s:e].lower() for s, e in ref if not any(overlaps((s, e), p) for p in pred))
    return [f"FP {n} {t}" for t, n in fp.most_common(limit)] + [f"FN {n} {t}" for t, n in fn.most_common(limit)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpora_argument(parser)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors (DEV only)")
    args = parser.parse_args(argv)
    if not (args.corpora / "chia").exists():
        print(f"measure_drugs_chia: {args.corpora / 'chia'} not found; give the corpora folder", file=sys.stderr)
        return 2
    docs = chia_documents(args.corpora, args.split)
    gold = [g for _, _, g in docs]
    started = time.perf_counter()
    nlp = trialspacy.build(["trialspacy_layout", "trialspacy_abbreviations", "trialspacy_drugs"])
    load_seconds = time.perf_counter() - started
    ours = [{(s.start_char, s.end_char) for s in label_spans(d, DRUG)} for d in nlp.pipe(t for _, t, _ in docs)]
    theirs = [package_spans(t) for _, t, _ in docs]
    report = {
        "split": args.split,
        "documents": len(docs),
        "load_seconds": round(load_seconds, 2),
        "trialspacy": score(ours, gold),
        "find_drugs": score(theirs, gold),
    }
    print(json.dumps(report, indent=1))
    if args.errors and args.split == "dev":
        print("\n".join(errors(docs, ours, args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
