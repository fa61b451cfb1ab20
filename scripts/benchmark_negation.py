"""Measure entity negation on real annotations: CHIA and LCT, our two backends vs the libraries.

Each system is given the gold target spans (so negation is measured apart from recognition),
in the documents' sentences as trialspacy's segmenter sets them, and says for each target
whether it is negated.

- CHIA (``chia/chia_without_scope``): targets are the Condition, Drug, Procedure, Measurement,
  Observation and Device entities (discontinuous ones by their full extent); a target is negated
  when it is the Arg1 of a ``Has_negation`` relation whose Arg2 is a ``Negation`` entity.
- LCT (``lct/brat``): targets are the trigger spans of Condition, Drug, Procedure and Observation
  events; a target is negated when its event is a ``Negates`` (or ``Negates2``...) argument of a
  Negation event.
- Split: a document whose NCT number is divisible by 5 is TEST, the rest DEV. Rules are tuned
  on DEV only.

Systems: negspaCy's Negex component as shipped (default config: termset ``en_clinical``), run on
one target at a time through ``doc.ents``; medspaCy's ConText component as shipped (default
rules), on the targets as a span group; trialspacy's ``negex`` and ``context`` backends (the
same libraries with trialspacy's rules, ``data/negation_rules.jsonl``).

Usage::

    PYTHONPATH=pipeline python scripts/benchmark_negation.py [CORPORA_DIR] [--errors SYSTEM]
    PYTHONPATH=pipeline python scripts/benchmark_negation.py [CORPORA_DIR] --speed

``--errors SYSTEM`` prints that system's DEV errors (never TEST ones); ``--speed`` times the
sentence segmenters (trialspacy vs PyRuSH) and the two negation backends on 200 API v2 documents.
"""

import argparse
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from corpora_eval import REPO, add_corpora_argument, brat_documents, prf
from spacy.language import Language
from spacy.tokens import Doc, Span

from trialspacy.components.negation import NEGATED_LABELS, RULES_FILE, ContextBackend, NegexBackend
from trialspacy.components.sentences import Sentences
from trialspacy.lexicon import package_data
from trialspacy.tokenizer import blank

CHIA_TARGETS = ("Condition", "Drug", "Procedure", "Measurement", "Observation", "Device")
LCT_TARGETS = ("Condition", "Drug", "Procedure", "Observation")
SPLITS = ("DEV", "TEST")
SPEED_DOCS = 200


@dataclass
class Example:
    """One annotated document: its targets ``(start, end, label)``, their gold negation, and the
    gold spread over coordination (see :func:`coordinated`)."""

    corpus: str
    doc_id: str
    split: str
    text: str
    targets: list[tuple[int, int, str]]
    gold: list[bool]
    gold_coordinated: list[bool]


def coordinated(ids: Sequence[str], negated: set[str], links: Iterable[tuple[str, str]]) -> list[bool]:
    """Negation spread through disjunction: both corpora often link a negation cue to one member
    of "no A, B or C" and join the members by OR links, while the contract negates them all.
    (AND links are left out: in CHIA they also join the parts of a criterion.)"""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    negated_groups = {find(x) for x in negated}
    return [find(x) in negated_groups for x in ids]


def read_chia(root: Path, limit: int | None = None) -> Iterator[Example]:
    """CHIA documents (one per ``_inc``/``_exc`` file) with their targets; at most ``limit``
    per split."""
    for doc_id, split, brat in brat_documents(root, "chia", limit=limit):
        labels = {e.id: e.label for e in brat.entities}
        negated = {r.arg1 for r in brat.relations if r.type == "Has_negation" and labels.get(r.arg2) == "Negation"}
        targets = [e for e in brat.entities if e.label in CHIA_TARGETS]
        links = [(r.arg1, r.arg2) for r in brat.relations if r.type == "OR"]
        links += [(q.members[0], m) for q in brat.equivalences if q.type == "OR" for m in q.members[1:]]
        ids = [e.id for e in targets]
        yield Example(
            "CHIA",
            doc_id,
            split,
            brat.text,
            [(e.start, e.end, e.label) for e in targets],
            [i in negated for i in ids],
            coordinated(ids, negated, links),
        )


def read_lct(root: Path, limit: int | None = None) -> Iterator[Example]:
    """LCT documents with their targets (event triggers); at most ``limit`` per split."""
    for doc_id, split, brat in brat_documents(root, "lct", limit=limit):
        entities = {e.id: e for e in brat.entities}
        negated = {
            arg for ev in brat.events if ev.type == "Negation" for role, arg in ev.args if role.startswith("Negates")
        }
        events = [ev for ev in brat.events if ev.type in LCT_TARGETS and ev.trigger in entities]
        # Or relations join events or their trigger spans: name both by the event.
        event_of = {ev.trigger: ev.id for ev in brat.events}
        links = [(event_of.get(r.arg1, r.arg1), event_of.get(r.arg2, r.arg2)) for r in brat.relations if r.type == "Or"]
        ids = [ev.id for ev in events]
        yield Example(
            "LCT",
            doc_id,
            split,
            brat.text,
            [(entities[ev.trigger].start, entities[ev.trigger].end, ev.type) for ev in events],
            [i in negated for i in ids],
            coordinated(ids, negated, links),
        )


def base_pipeline() -> Language:
    """Tokenizer with trialspacy's rules and trialspacy's sentences: what every system sees."""
    nlp = blank()
    nlp.add_pipe("trialspacy_sentences")
    return nlp


System = Callable[[Doc, list[Span]], list[bool]]


def negspacy_default(nlp: Language) -> System:
    """negspaCy's Negex with its default config, one target at a time in ``doc.ents``."""
    from negspacy.negation import Negex  # noqa: F401  (registers the factory)

    negex = nlp.add_pipe("negex", name="negex_default")
    nlp.remove_pipe("negex_default")

    def run(doc: Doc, targets: list[Span]) -> list[bool]:
        found = []
        for target in targets:
            doc.ents = [Span(doc, target.start, target.end, label="TARGET")]
            found.append(negex(doc).ents[0]._.negex)
            doc.ents[0]._.negex = False
        doc.ents = []
        return found

    return run


def medspacy_default(nlp: Language) -> System:
    """medspaCy's ConText with its default rules, on the targets as a span group."""
    with warnings.catch_warnings():
        import medspacy.context  # noqa: F401  (registers the factory)
    context = nlp.add_pipe(
        "medspacy_context", name="context_default", config={"input_span_type": "group", "span_group_name": "targets"}
    )
    nlp.remove_pipe("context_default")

    def run(doc: Doc, targets: list[Span]) -> list[bool]:
        doc.spans["targets"] = [Span(doc, t.start, t.end, label=f"T{i}") for i, t in enumerate(targets)]
        context(doc)
        found = [bool(s._.is_negated) for s in doc.spans["targets"]]
        del doc.spans["targets"]
        return found

    return run


def systems(nlp: Language) -> dict[str, System]:
    """The four systems by name, in table order."""
    rows = package_data(RULES_FILE)
    return {
        "negspaCy NegEx, default": negspacy_default(nlp),
        "medspaCy ConText, default": medspacy_default(nlp),
        "trialspacy negex (en_clinical + ours)": NegexBackend(nlp, rows).negated,
        "trialspacy context (default + ours)": ContextBackend(nlp, rows).negated,
    }


def target_spans(doc: Doc, example: Example) -> tuple[list[Span], list[bool], list[bool]]:
    """The targets as spans of ``doc`` (expanded to tokens) with their two gold values."""
    spans, gold, gold_coordinated = [], [], []
    for (start, end, label), value, spread in zip(example.targets, example.gold, example.gold_coordinated):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
            gold.append(value)
            gold_coordinated.append(spread)
    return spans, gold, gold_coordinated


def scores(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    """Counts, accuracy and precision/recall/F1 of the negated class."""
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    n = len(gold)
    measured = prf(tp, tp + fp, tp, tp + fn)
    return {
        "n": n,
        "gold": tp + fn,
        "pred": tp + fp,
        "tp": tp,
        "accuracy": (n - fp - fn) / n if n else 0.0,
        "precision": measured["precision"],
        "recall": measured["recall"],
        "f1": measured["f1"],
    }


STRICT = "strict"
COORDINATED = "coordinated"
Table = dict[tuple[str, str, str], dict[str, dict[str, float]]]


def evaluate(examples: list[Example], show_errors: str = "") -> Table:
    """Scores per (corpus, split, gold variant) per system; prints DEV errors of ``show_errors``
    (against the strict gold)."""
    nlp = base_pipeline()
    runners = systems(nlp)
    collected: dict[tuple[str, str, str, str], tuple[list[bool], list[bool]]] = {}
    for example in examples:
        doc = nlp(example.text)
        spans, gold, gold_coordinated = target_spans(doc, example)
        if not spans:
            continue
        for name, run in runners.items():
            pred = run(doc, spans)
            for variant, values in ((STRICT, gold), (COORDINATED, gold_coordinated)):
                pair = collected.setdefault((example.corpus, example.split, variant, name), ([], []))
                pair[0].extend(values)
                pair[1].extend(pred)
            if name == show_errors and example.split == "DEV":
                print_errors(example, doc, spans, gold, pred)
    table: Table = {}
    for (corpus, split, variant, name), (gold, pred) in collected.items():
        table.setdefault((corpus, split, variant), {})[name] = scores(gold, pred)
    return table


def print_errors(example: Example, doc: Doc, spans: list[Span], gold: list[bool], pred: list[bool]) -> None:
    """One line per error: FN/FP, corpus, document, the sentence with the target in [[ ]]."""
    for span, g, p in zip(spans, gold, pred):
        if g != p:
            sent = span.sent
            marked = (
                (
                    doc.text[sent.start_char : span.start_char]
                    + "[["
                    + span.text
                    + "]]"
                    + doc.text[span.end_char : sent.end_char]
                )
                .replace("\n", " ")
                .strip()
            )
            print(f"{'FN' if g else 'FP'}\t{example.corpus}\t{example.doc_id}\t{marked[:300]}")


def markdown(table: Table) -> str:
    """Full tables per corpus and split against the strict gold, then F1 against the
    coordinated gold."""
    out = []
    for corpus in ("CHIA", "LCT"):
        for split in SPLITS:
            rows = table.get((corpus, split, STRICT))
            if not rows:
                continue
            first = next(iter(rows.values()))
            out.append(f"**{corpus} {split}** ({first['n']} targets, {first['gold']} negated)\n")
            out.append("| system | accuracy | precision | recall | F1 | predicted negated | true positives |")
            out.append("|---|---|---|---|---|---|---|")
            for name, s in rows.items():
                out.append(
                    f"| {name} | {s['accuracy']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} | "
                    f"{s['f1']:.3f} | {s['pred']} | {s['tp']} |"
                )
            out.append("")
    keys = [(c, sp) for c in ("CHIA", "LCT") for sp in SPLITS if (c, sp, COORDINATED) in table]
    if keys:
        out.append(
            "**Against the coordinated gold** (negation spread over OR-linked targets): precision / recall / F1\n"
        )
        out.append(
            "| system | "
            + " | ".join(
                f"{c} {sp} ({table[(c, sp, COORDINATED)][next(iter(table[(c, sp, COORDINATED)]))]['gold']} negated)"
                for c, sp in keys
            )
            + " |"
        )
        out.append("|---|" + "---|" * len(keys))
        for name in table[(keys[0][0], keys[0][1], COORDINATED)]:
            cells = []
            for c, sp in keys:
                s = table[(c, sp, COORDINATED)][name]
                cells.append(f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}")
            out.append(f"| {name} | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def api_v2_texts(root: Path, n: int = SPEED_DOCS) -> list[tuple[str, list]]:
    """``n`` API v2 studies rendered by trialspacy's reader (texts and sections), cycling through
    the corpus sample and the repo's sample when there are fewer."""
    from trialspacy.records import Record, iter_records

    paths = [
        root / "ctgov_samples" / "nsclcbench_ctg_studies.jsonl.gz",
        REPO / "samples" / "ctgov_v2_nsclc_sample.jsonl",
    ]
    seen, found = set(), []
    for item in iter_records([str(p) for p in paths if p.exists()]):
        if isinstance(item, Record) and item.id not in seen:
            seen.add(item.id)
            found.append((item.text, item.sections))
    return [found[i % len(found)] for i in range(n)] if found else []


def per_second(count: int, run: Callable[[], None], repeat: int = 3) -> float:
    """Best of ``repeat`` timings of ``run`` as items per second."""
    best = min(_timed(run) for _ in range(repeat))
    return count / best


def _timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def speed(root: Path) -> str:
    """docs/s of the sentence segmenters and of the negation component with each backend."""
    import trialspacy

    texts = api_v2_texts(root)
    if not texts:
        return "no API v2 documents found"
    nlp = blank()
    docs = [nlp.make_doc(t) for t, _ in texts]
    ours = Sentences(nlp, "s")
    with warnings.catch_warnings():
        from medspacy.sentence_splitting import PyRuSHSentencizer
    from loguru import logger

    logger.disable("PyRuSH")
    pyrush = PyRuSHSentencizer(nlp.vocab)
    lines = [
        f"{len(docs)} API v2 documents ({len({t for t, _ in texts})} distinct), "
        f"{sum(len(d) for d in docs)} tokens in all:",
        "",
    ]
    lines.append(
        f"- sentences, trialspacy_sentences: {per_second(len(docs), lambda: [ours(d) for d in docs]):.0f} docs/s"
    )
    lines.append(
        f"- sentences, PyRuSH (medspaCy): {per_second(len(docs), lambda: [pyrush(d) for d in docs]):.0f} docs/s"
    )
    from trialspacy.components import criteria, doses, timeframes  # noqa: F401  (register the factories)

    available = [name for name in trialspacy.COMPONENTS if name != "trialspacy_negation"]
    prepared = trialspacy.build(available)
    processed = []
    for text, sections in texts:
        doc = prepared.make_doc(text)
        doc._.trialspacy_sections = sections
        processed.append(prepared(doc))
    n_targets = sum(1 for d in processed for sp in d.spans.get("trialspacy", []) if sp.label_ in NEGATED_LABELS)
    lines.append(
        f"- negation of the {n_targets} DRUG, RADIATION_DOSE and ENDPOINT spans found by {', '.join(available)}:"
    )
    for backend in ("context", "negex"):
        component = spacy.blank("en").add_pipe("trialspacy_negation", config={"backend": backend})
        rate = per_second(len(processed), lambda c=component: [c(d) for d in processed])
        lines.append(f"  - backend {backend}: {rate:.0f} docs/s")
    return "\n".join(lines)


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpora_argument(parser)
    parser.add_argument("--errors", default="", help="print this system's DEV errors")
    parser.add_argument("--speed", action="store_true", help="time sentences and backends on API v2 documents")
    args = parser.parse_args(list(argv) or None)
    root = Path(args.corpora)
    if not (root / "chia").is_dir() or not (root / "lct").is_dir():
        print(f"corpora not found: {root} needs chia/ and lct/ (pass CORPORA_DIR)", file=sys.stderr)
        return 2
    if args.speed:
        print(speed(root))
        return 0
    examples = list(read_chia(root)) + list(read_lct(root))
    print(markdown(evaluate(examples, show_errors=args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
