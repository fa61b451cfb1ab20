"""Train the learned DRUG scorer (``trialspacy.components.drugs.learned``), measure it, save it.

Data, DEV only (never a TEST split: gold ``test.jsonl``, legacy ``test.jsonl``, CHIA/LCT documents
whose NCT number is divisible by 5):

- annotated: the gold dev split, the legacy gold dev split, CHIA DEV (``Drug``) and LCT DEV
  (``Drug-Name``): a candidate is positive when a gold DRUG span has exactly its offsets;
- distant: unannotated registry records (the ctgov samples and the legacy XML records, minus every
  record of the gold, CHIA or LCT): a candidate the rules found as an agent is positive (masked:
  no feature says the lexicon knows it), one the rules did not find is negative when it is a
  known non-drug (a denylist or blocker term, a code look-alike, or a common lower-case word).

Every candidate, on annotated and distant documents, is described as if the rules had not found it
(so the rules' own finds teach what a drug looks like); at run time only the words the rules left
alone are scored. Measured by grouped K-fold over the annotated documents: each fold is scored by a
model trained on the other folds and the distant data, so no dev figure is in-sample; the threshold
is chosen on those held-out scores. The final model is trained on everything and written to
``models/drug_scorer/drug_scorer.jsonl.gz`` and to the package data.

Usage::

    python scripts/train_drug_scorer.py [CORPORA_DIR] [--folds 5] [--seed 13] [--no-save]
    python scripts/train_drug_scorer.py [CORPORA_DIR] --evaluate   # the ablation table only
    python scripts/train_drug_scorer.py [CORPORA_DIR] --throughput 1000   # docs/s off and on, recorded
"""

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from corpora_eval import DEV, REPO, Span, add_corpora_argument, labelled_documents
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

import trialspacy
from trialspacy.components.drugs.codes import is_code_lookalike
from trialspacy.components.drugs.component import DrugRecognizer
from trialspacy.components.drugs.learned import SCORER_FILE, DrugScorer, candidates, features, section_of
from trialspacy.components.drugs.packing import LEXICON_FILE
from trialspacy.errors import RecordError
from trialspacy.lexicon import DocTokens, doc_tokens, folded_text, package_data, read_jsonl
from trialspacy.records import Record, iter_records
from trialspacy.run import process
from trialspacy.spans import DRUG, label_spans

GOLD_DEV = {
    "gold dev": REPO / "annotations" / "gold" / "dev.jsonl",
    "legacy dev": REPO / "annotations" / "gold" / "legacy" / "dev.jsonl",
}
# Read for their ids and first lines only, to keep their records out of the distant data.
GOLD_ALL = [
    *GOLD_DEV.values(),
    REPO / "annotations" / "gold" / "test.jsonl",
    REPO / "annotations" / "gold" / "legacy" / "test.jsonl",
]
CORPUS_LABELS = {"chia DEV": ("chia", ("Drug",)), "lct DEV": ("lct", ("Drug-Name",))}
DISTANT_INPUTS = (
    "ctgov_samples/ctrialsgov_cancer_studies.jsonl.gz",
    "ctgov_samples/nsclcbench_ctg_studies.jsonl.gz",
    "ctgov_legacy_xml/AllPublicXML_6786.zip",
)
OUT_DIR = REPO / "models" / "drug_scorer"
PACKAGE_COPY = REPO / "pipeline" / "trialspacy" / "data" / SCORER_FILE
THRESHOLDS = [round(0.3 + 0.025 * i, 3) for i in range(27)]  # 0.30 .. 0.95
# A lower-case word in at least this share of the distant records is a common word.
COMMON_SHARE = 0.02
MIN_FEATURE_COUNT = 2


@dataclass
class Example:
    source: str  # "gold dev", "legacy dev", "chia DEV", "lct DEV" or "distant"
    group: str  # the document, for grouped folds
    span: Span
    feats: list[str]
    label: int | None  # None: a distant candidate with no label (not used)
    runtime: bool  # scored at run time: not overlapping a rule span


@dataclass
class Document:
    source: str
    doc_id: str
    view: DocTokens  # its text (``folded`` as the scorer reads it) and tokens
    rules: set[Span]  # the rules' DRUG spans
    gold: set[Span] | None  # None for distant documents
    sections: list[dict[str, Any]]


def first_line_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split("\n", 1)[0].lower().split()).encode()).hexdigest()


def rule_documents(
    nlp: Any, source: str, records: Iterable[Record | RecordError], gold: dict[str, set[Span]] | None
) -> list[Document]:
    """The rules' DRUG spans on each record (the scorer off)."""
    docs = []
    for doc in process(nlp, records):
        if not isinstance(doc, Doc):
            continue  # a record that could not be read
        doc_id = doc._.trialspacy_record_id
        rules = {(s.start_char, s.end_char) for s in label_spans(doc, DRUG)}
        sections = list(doc._.trialspacy_sections or [])
        view = doc_tokens(doc)
        docs.append(Document(source, doc_id, view, rules, None if gold is None else gold[doc_id], sections))
    return docs


def annotated_documents(nlp: Any, corpora: Path) -> list[Document]:
    docs: list[Document] = []
    for source, path in GOLD_DEV.items():
        rows = read_jsonl(path)
        gold = {r["id"]: {(s["start"], s["end"]) for s in r["spans"] if s["label"] == DRUG} for r in rows}
        records = iter_records([{"id": r["id"], "text": r["text"]} for r in rows])
        docs += rule_documents(nlp, source, records, gold)
    for source, (corpus, labels) in CORPUS_LABELS.items():
        found = labelled_documents(corpora, corpus, labels, DEV)
        gold = {doc_id: spans for doc_id, _, spans in found}
        records = iter_records([{"id": doc_id, "text": text} for doc_id, text, _ in found])
        docs += rule_documents(nlp, source, records, gold)
    return docs


def excluded_records(corpora: Path) -> tuple[set[str], set[str]]:
    """Ids and first-line keys of every gold, CHIA and LCT record (all splits): no distant data
    may come from them."""
    ids: set[str] = set()
    keys: set[str] = set()
    for path in GOLD_ALL:
        for row in read_jsonl(path):
            ids.add(row["id"])
            keys.add(first_line_key(row["text"]))
    for pattern in ("chia/**/*.ann", "lct/**/*.ann"):
        ids.update(p.stem for p in corpora.glob(pattern))
    return ids, keys


def distant_records(corpora: Path, limit: int) -> Iterator[Record]:
    ids, keys = excluded_records(corpora)
    count = 0
    for item in iter_records([str(corpora / name) for name in DISTANT_INPUTS]):
        if count >= limit:
            return
        if isinstance(item, Record) and item.id not in ids and first_line_key(item.text) not in keys:
            count += 1
            yield item


def known_non_drugs(docs: Sequence[Document]) -> set[str]:
    """Lower-case words that are not drugs: the denylist, the lexicon's blockers, and common
    lower-case words of the distant records (a drug the lexicon lacks is rare across records)."""
    words = {row["term"].lower() for row in package_data("drug_denylist.jsonl")}
    words.update(" ".join(row["tokens"]).lower() for row in package_data(LEXICON_FILE) if row.get("deny"))
    seen: Counter[str] = Counter()
    for doc in docs:
        seen.update({w for w in doc.view.text.split() if w.isalpha() and w.islower()})
    words.update(w for w, n in seen.items() if n >= COMMON_SHARE * len(docs))
    return words


def examples_of(doc: Document, non_drugs: set[str]) -> Iterator[Example]:
    rules = sorted(doc.rules)
    sections = doc.sections
    text = doc.view.folded
    for (start, end), cues in candidates(doc.view, rules, masked=True).items():
        span = (start, end)
        runtime = not any(s < end and start < e for s, e in rules)
        if doc.gold is not None:
            label: int | None = int(span in doc.gold)
        elif span in doc.rules:
            label = 1
        elif runtime and (text[start:end].lower() in non_drugs or is_code_lookalike(text[start:end])):
            label = 0
        else:
            label = None
        if label is not None:
            feats = features(text, start, end, cues, rules, section_of(sections, start))
            yield Example(doc.source, f"{doc.source}/{doc.doc_id}", span, feats, label, runtime)


def fit(train: Sequence[Example], distant_weight: float, c: float, seed: int) -> DrugScorer:
    """A logistic regression on the examples' features (features seen fewer than
    MIN_FEATURE_COUNT times dropped), as a DrugScorer (threshold 0.5 until chosen)."""
    counts = Counter(f for ex in train for f in ex.feats)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in ex.feats if counts[f] >= MIN_FEATURE_COUNT} for ex in train]).tocsr()
    # liblinear takes 32-bit indices only; DictVectorizer may give 64-bit ones.
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    y = np.array([ex.label for ex in train])
    weights = np.array([distant_weight if ex.source == "distant" else 1.0 for ex in train])
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=seed)
    model.fit(x, y, sample_weight=weights)
    coef = model.coef_[0]
    kept = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), coef) if abs(w) >= 1e-3}
    return DrugScorer(kept, round(float(model.intercept_[0]), 4), 0.5)


def folds_of(examples: Sequence[Example], k: int, seed: int) -> dict[str, int]:
    """A fold per annotated document, dealt out source by source so each fold has each source."""
    out: dict[str, int] = {}
    for source in sorted({ex.source for ex in examples if ex.source != "distant"}):
        groups = sorted({ex.group for ex in examples if ex.source == source})
        random.Random(f"{seed}/{source}").shuffle(groups)
        out.update((g, i % k) for i, g in enumerate(groups))
    return out


def scores(docs: Sequence[Document], added: dict[str, set[Span]]) -> dict[str, dict[str, float]]:
    """Strict DRUG precision, recall and F1 per source: the rules, plus the spans ``added`` by
    the scorer (by document group)."""
    out: dict[str, dict[str, float]] = {}
    for source in dict.fromkeys(d.source for d in docs):
        tp = n_pred = n_gold = 0
        for doc in docs:
            if doc.source != source or doc.gold is None:
                continue
            pred = doc.rules | added.get(f"{doc.source}/{doc.doc_id}", set())
            tp += len(pred & doc.gold)
            n_pred += len(pred)
            n_gold += len(doc.gold)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[source] = {
            "p": p,
            "r": r,
            "f": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp,
            "pred": n_pred,
            "gold": n_gold,
        }
    return out


def held_out(
    examples: Sequence[Example], k: int, seed: int, distant_weight: float, c: float
) -> list[tuple[Example, float]]:
    """Each annotated run-time candidate with its probability from the model of the other folds."""
    fold = folds_of(examples, k, seed)
    distant = [ex for ex in examples if ex.source == "distant"]
    out = []
    for i in range(k):
        train = distant + [ex for ex in examples if ex.source != "distant" and fold[ex.group] != i]
        scorer = fit(train, distant_weight, c, seed)
        out += [
            (ex, scorer.probability(ex.feats))
            for ex in examples
            if ex.source != "distant" and fold[ex.group] == i and ex.runtime
        ]
    return out


def added_at(scored: Sequence[tuple[Example, float]], threshold: float) -> dict[str, set[Span]]:
    added: dict[str, set[Span]] = {}
    for ex, p in scored:
        if p >= threshold:
            added.setdefault(ex.group, set()).add(ex.span)
    return added


def choose_threshold(
    docs: Sequence[Document], scored: Sequence[tuple[Example, float]]
) -> tuple[float, list[dict[str, Any]]]:
    """The threshold with the largest summed F1 gain over the sources among those that lose at
    most one point of precision on every source (1.0: nothing added, when none does)."""
    base = scores(docs, {})
    curve = []
    best, best_gain = 1.0, 0.0
    for t in THRESHOLDS:
        s = scores(docs, added_at(scored, t))
        gain = sum(s[src]["f"] - base[src]["f"] for src in s)
        ok = all(base[src]["p"] - s[src]["p"] <= 0.01 for src in s)
        curve.append(
            {"threshold": t, "gain": round(gain, 4), "ok": ok, **{src: round(v["f"], 4) for src, v in s.items()}}
        )
        if ok and gain > best_gain:
            best, best_gain = t, gain
    return best, curve


def table(docs: Sequence[Document], scored: Sequence[tuple[Example, float]], threshold: float) -> str:
    base = scores(docs, {})
    with_scorer = scores(docs, added_at(scored, threshold))
    lines = [
        "| split | rules P | rules R | rules F1 | + learned P | + learned R | + learned F1 | added (correct) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for src in base:
        b, w = base[src], with_scorer[src]
        lines.append(
            f"| {src} | {b['p']:.3f} | {b['r']:.3f} | {b['f']:.3f} | {w['p']:.3f} | {w['r']:.3f} | {w['f']:.3f} "
            f"| {w['pred'] - b['pred']} ({w['tp'] - b['tp']}) |"
        )
    return "\n".join(lines)


def recorded_ablation() -> dict[str, Any]:
    """The cross-validated ablation recorded when the shipped scorer was trained (rules alone,
    rules + learned, strict DRUG per DEV split), with its threshold: what ``--evaluate``
    recomputes, read in a moment (for ``benchmark_accuracy.py``)."""
    scorer = DrugScorer.from_bytes((OUT_DIR / SCORER_FILE).read_bytes())
    return {"threshold": scorer.threshold, **scorer.meta["cv"], "throughput": scorer.meta.get("throughput")}


def throughput_cost(rates: dict[str, list[float]]) -> float:
    """The share of documents/s the scorer costs: its own time ``share`` of the rules' pipeline
    time (the median round) costs ``share / (1 + share)``. The docs/s rounds themselves swing by
    more than that on a shared machine."""
    share = statistics.median(rates["share"])
    return round(share / (1 + share), 3)


def record_throughput(rates: dict[str, list[float]], n: int) -> None:
    """Write a ``--throughput`` run into the saved scorer's ``meta`` (both copies), for
    :func:`recorded_ablation`: the weights are unchanged."""
    scorer = DrugScorer.from_bytes((OUT_DIR / SCORER_FILE).read_bytes())
    scorer.meta["throughput"] = {"records": n, **rates, "cost": throughput_cost(rates)}
    data = scorer.to_bytes()
    (OUT_DIR / SCORER_FILE).write_bytes(data)
    PACKAGE_COPY.write_bytes(data)


def throughput(corpora: Path, n: int, repeats: int) -> dict[str, list[float]]:
    """Documents per second of the default pipeline on ``n`` legacy registry records, the scorer
    off and on, alternating (the machine is shared: the best of ``repeats`` is the fair figure);
    and, steadier on a shared machine, the scorer's own time as a share of the pipeline's
    (``share``: the rules' documents scored again by the scorer alone)."""
    texts = [r.text for r in iter_records([str(corpora / DISTANT_INPUTS[-1])]) if isinstance(r, Record)][:n]
    out: dict[str, list[float]] = {"off": [], "on": [], "share": []}
    pipelines = {}
    scorer = None
    for flag in ("off", "on"):
        nlp = trialspacy.build()
        pipe = nlp.get_pipe("trialspacy_drugs")
        assert isinstance(pipe, DrugRecognizer)
        pipe.scorer = flag == "on"
        scorer = pipe.drug_scorer
        list(nlp.pipe(texts[:20]))  # warm: lexicon and scorer read
        pipelines[flag] = nlp
    for _ in range(repeats):
        for flag, nlp in pipelines.items():
            started = time.perf_counter()
            docs = list(nlp.pipe(texts, batch_size=64))
            out[flag].append(round(len(texts) / (time.perf_counter() - started), 1))
            if flag == "off":
                rules_docs, seconds = docs, time.perf_counter() - started
        assert scorer is not None
        started = time.perf_counter()
        for doc in rules_docs:
            scorer.find(doc, folded_text(doc), [(s.start_char, s.end_char, {}) for s in label_spans(doc, DRUG)])
        out["share"].append(round((time.perf_counter() - started) / seconds, 3))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_corpora_argument(parser)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--distant", type=int, default=1500, help="distant records (default %(default)s)")
    parser.add_argument("--distant-weight", type=float, default=0.5)
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    parser.add_argument("--evaluate", action="store_true", help="print the cross-validated ablation only")
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument(
        "--throughput",
        type=int,
        metavar="N",
        help="only measure docs/s on N records, off and on, and record it in the saved scorer (unless --no-save)",
    )
    args = parser.parse_args(argv)
    if args.throughput:
        rates = throughput(args.corpora, args.throughput, 3)
        print(
            json.dumps(rates),
            f"cost of the scorer: {throughput_cost(rates):.1%} (by its own time);",
            f"{1 - max(rates['on']) / max(rates['off']):.1%} (best docs/s of each)",
        )
        if not args.no_save:
            record_throughput(rates, args.throughput)
        return 0
    started = time.time()
    nlp = trialspacy.build()
    annotated = annotated_documents(nlp, args.corpora)
    distant = rule_documents(nlp, "distant", distant_records(args.corpora, args.distant), None)
    non_drugs = known_non_drugs(distant)
    examples = [ex for doc in annotated + distant for ex in examples_of(doc, non_drugs)]
    counts = Counter((ex.source, ex.label, ex.runtime) for ex in examples)
    print(f"documents: {Counter(d.source for d in annotated + distant)}", file=sys.stderr)
    scored = held_out(examples, args.folds, args.seed, args.distant_weight, args.c)
    threshold, curve = choose_threshold(annotated, scored)
    print(table(annotated, scored, threshold))
    print(f"threshold {threshold} (chosen on the held-out folds)")
    if args.evaluate or args.no_save:
        return 0
    final = fit(examples, args.distant_weight, args.c, args.seed)
    final.threshold = threshold
    final.meta = {
        "command": "python scripts/train_drug_scorer.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "documents": dict(Counter(d.source for d in annotated + distant)),
        "examples": {f"{s} label={y} runtime={r}": n for (s, y, r), n in sorted(counts.items(), key=str)},
        "folds": args.folds,
        "seed": args.seed,
        "c": args.c,
        "distant_weight": args.distant_weight,
        "cv": {"rules": scores(annotated, {}), "learned": scores(annotated, added_at(scored, threshold))},
        "curve": curve,
    }
    data = final.to_bytes()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / SCORER_FILE).write_bytes(data)
    PACKAGE_COPY.write_bytes(data)
    print(f"saved {len(final.weights)} weights, {len(data)} bytes, in {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
