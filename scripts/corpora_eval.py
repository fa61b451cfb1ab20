"""What the corpus benchmarks share: where the corpora are, the DEV/TEST split, gold spans by
label, precision/recall/F1, and ``find_drugs`` run the way its README shows.

Imported by ``measure_drugs_chia.py``, ``benchmark_negation.py`` and ``benchmark_accuracy.py``
(run from ``scripts/``, so the directory is on ``sys.path``). Like every script, it uses the
installed package (``pip install -e .``), not the repository's ``pipeline/`` folder.
"""

import argparse
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from trialspacy.brat import BratDocument, Entity, read_brat

REPO = Path(__file__).resolve().parent.parent
Span = tuple[int, int]
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
# The brat files of each corpus under the corpora folder; CHIA without scope (the with-scope
# version has the same text and entities plus Scope spans nobody here needs).
CORPUS_GLOBS: dict[str, str] = {
    "chia": "chia/chia_without_scope/*.ann",
    "lct": "lct/brat/*/*.ann",
    "pico": "pico_breast_cancer/brat/*.ann",
}
DEV, TEST, ALL = "DEV", "TEST", "ALL"
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def add_corpora_argument(parser: argparse.ArgumentParser) -> None:
    """The corpora folder as the scripts take it: an optional first argument, by default
    ``../shared/corpora`` beside the repository."""
    parser.add_argument(
        "corpora",
        nargs="?",
        type=Path,
        default=DEFAULT_CORPORA,
        help="the shared/corpora folder (default: %(default)s)",
    )


def split_of(doc_id: str) -> str:
    """TEST when the document's NCT number is divisible by 5, DEV otherwise; ALL for documents
    without an NCT id (PICO abstracts, never used for tuning)."""
    found = re.search(r"NCT(\d+)", doc_id)
    if found is None:
        return ALL
    return TEST if int(found.group(1)) % 5 == 0 else DEV


def brat_documents(
    corpora: Path, corpus: str, split: str | None = None, limit: int | None = None
) -> Iterator[tuple[str, str, BratDocument]]:
    """``(doc_id, split, document)`` of a corpus in file order, skipping (nearly) empty texts;
    only one split when ``split`` is given; at most ``limit`` documents per split."""
    counts: dict[str, int] = {}
    for path in sorted(corpora.glob(CORPUS_GLOBS[corpus])):
        doc_id = path.stem
        part = split_of(doc_id)
        if split is not None and part != split:
            continue
        if limit is not None and counts.get(part, 0) >= limit:
            continue
        doc = read_brat(path)
        if not doc.text or not doc.text.strip():
            continue
        counts[part] = counts.get(part, 0) + 1
        yield doc_id, part, doc


def extents(entities: Iterable[Entity]) -> set[Span]:
    """The entities' full extents (a discontinuous entity from its first to its last character)."""
    return {(e.start, e.end) for e in entities}


def labelled_documents(
    corpora: Path, corpus: str, labels: Sequence[str], split: str | None = None, limit: int | None = None
) -> list[tuple[str, str, set[Span]]]:
    """``(doc_id, text, gold extents of the entities with one of labels)`` per document."""
    return [
        (doc_id, doc.text, extents(e for e in doc.entities if e.label in labels))
        for doc_id, _, doc in brat_documents(corpora, corpus, split, limit)
    ]


def overlaps(a: Span, b: Span) -> bool:
    """Whether two ``[start, end)`` spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    """Precision (correct predictions / predictions), recall (found gold / gold) and F1. The two
    true-positive counts differ only under lenient matching, where one prediction may overlap
    several gold spans."""
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": n_pred, "gold": n_gold}


def score_spans(predicted: Sequence[set[Span]], gold: Sequence[set[Span]]) -> dict[str, dict[str, float]]:
    """Strict (same offsets) and lenient (overlapping offsets) precision, recall and F1 over
    documents, rounded to 4 places."""
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
                tp_p += sum(any(overlaps(p, g) for g in ref) for p in pred)
                tp_g += sum(any(overlaps(g, p) for p in pred) for g in ref)
        out[mode] = {k: round(v, 4) if isinstance(v, float) else v for k, v in prf(tp_p, n_p, tp_g, n_g).items()}
    return out


def lenient_recall(predicted: Sequence[set[Span]], gold: Sequence[set[Span]]) -> tuple[int, int]:
    """``(gold spans overlapped by a prediction, gold spans)`` over documents."""
    hit = sum(any(overlaps(g, p) for p in pred) for pred, ref in zip(predicted, gold) for g in ref)
    return hit, sum(len(ref) for ref in gold)


def find_drugs_spans(text: str) -> set[Span]:
    """Spans found by drug-named-entity-recognition's ``find_drugs`` on word tokens
    (whitespace/punctuation split, as its README shows)."""
    from drug_named_entity_recognition import find_drugs

    words = list(WORD_RE.finditer(text))
    return {(words[s].start(), words[e - 1].end()) for _, s, e in find_drugs([w.group() for w in words])}
