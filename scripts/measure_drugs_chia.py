"""Measure DRUG recognition on CHIA against its `Drug` entities, next to drug-named-entity-recognition.

Usage: python scripts/measure_drugs_chia.py [--corpora ../shared/corpora] [--split dev|test] [--errors N]

CHIA annotates eligibility criteria only; discontinuous entities count by their full extent. Both
systems run on the same documents: ours as the trialspacy pipeline (layout, abbreviations, drugs);
the package's ``find_drugs`` on word tokens (whitespace/punctuation split, as its README shows).
Strict = same offsets; lenient = overlapping offsets. The TEST split (NCT number % 5 == 0) is for
reporting only: never tune on it or read its errors.
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "pipeline"))

import trialspacy  # noqa: E402
from trialspacy.brat import read_brat  # noqa: E402
from trialspacy.spans import DRUG, label_spans  # noqa: E402

Span = Tuple[int, int]
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def chia_documents(corpora: Path, split: str) -> List[Tuple[str, str, Set[Span]]]:
    """(name, text, gold Drug extents) of the CHIA documents of one split."""
    docs = []
    for path in sorted((corpora / "chia" / "chia_without_scope").glob("*.ann")):
        test = int(re.search(r"NCT(\d+)", path.name).group(1)) % 5 == 0
        if test != (split == "test"):
            continue
        doc = read_brat(path)
        if doc.text:
            docs.append((path.stem, doc.text, {(e.start, e.end) for e in doc.by_label("Drug")}))
    return docs


def package_spans(text: str) -> Set[Span]:
    """Spans found by drug-named-entity-recognition's ``find_drugs`` on word tokens."""
    from drug_named_entity_recognition import find_drugs

    words = list(WORD_RE.finditer(text))
    return {(words[s].start(), words[e - 1].end()) for _, s, e in find_drugs([w.group() for w in words])}


def score(predicted: Sequence[Set[Span]], gold: Sequence[Set[Span]]) -> Dict[str, Dict[str, float]]:
    """Strict and lenient precision, recall and F1 over documents."""
    out = {}
    for mode in ("strict", "lenient"):
        tp_p = tp_g = n_p = n_g = 0
        for pred, ref in zip(predicted, gold):
            n_p += len(pred)
            n_g += len(ref)
            if mode == "strict":
                tp_p += len(pred & ref)
                tp_g += len(pred & ref)
            else:
                tp_p += sum(any(s < ge and gs < e for gs, ge in ref) for s, e in pred)
                tp_g += sum(any(s < pe and ps < e for ps, pe in pred) for s, e in ref)
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[mode] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "predicted": n_p, "gold": n_g}
    return out


def errors(docs: Iterable[Tuple[str, str, Set[Span]]], predicted: Sequence[Set[Span]], limit: int) -> List[str]:
    """The most frequent false positives and misses (lenient), as text."""
    from collections import Counter

    fp: Counter = Counter()
    fn: Counter = Counter()
    for (_, text, ref), pred in zip(docs, predicted):
        fp.update(text[s:e].lower() for s, e in pred if not any(s < ge and gs < e for gs, ge in ref))
        fn.update(text[s:e].lower() for s, e in ref if not any(s < pe and ps < e for ps, pe in pred))
    return [f"FP {n} {t}" for t, n in fp.most_common(limit)] + [f"FN {n} {t}" for t, n in fn.most_common(limit)]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors (DEV only)")
    args = parser.parse_args(argv)
    if not (args.corpora / "chia").exists():
        print(f"measure_drugs_chia: {args.corpora / 'chia'} not found; pass --corpora", file=sys.stderr)
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
