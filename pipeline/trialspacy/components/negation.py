"""Entity negation (``attrs.negated``) with medspaCy ConText or negspaCy NegEx.

Both backends run on trialspacy's spans (the span group, not ``doc.ents``), within the doc's
sentences, with their library's own rules plus trialspacy's rules for trial language
(``data/negation_rules.jsonl``): more cues (``no history of``, ``other than``, ``naïve``), limits
that are not negations (``not to exceed``), scope ends (``;``, ``before``) and removals of library
rules that misfire on registry text (``any other``, ``versus``). A rule row holds ``literal``,
``direction`` (ConText's FORWARD, BACKWARD, BIDIRECTIONAL, TERMINATE or PSEUDO), optionally
``max_scope`` (tokens), ``backends`` (default both), ``remove`` (drop the libraries' rule of that
literal instead of adding one) and a ``comment`` saying why.

DRUG, RADIATION_DOSE and ENDPOINT spans get ``negated``; TIMEFRAME spans are never negated; a
CRITERION's ``negated`` is the criteria component's (whether the criterion itself is negative).
"""

import bisect
import inspect
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, from_bytes, from_disk, to_bytes, to_disk

from .._compat import import_medspacy
from ..lexicon import package_data, read_jsonl, write_jsonl
from ..spans import DRUG, ENDPOINT, RADIATION_DOSE, TIMEFRAME, label_spans
from .sentences import doc_sentence_starts, set_sentence_starts

# The rules' key in the component's serialized state (``exclude=["negation_rules"]``) and file.
RULES_KEY = "negation_rules"
RULES_FILE = f"{RULES_KEY}.jsonl"
BackendName = Literal["context", "negex"]
BACKENDS: tuple[str, ...] = get_args(BackendName)
NEGATED_LABELS: tuple[str, ...] = (DRUG, RADIATION_DOSE, ENDPOINT)
NEGATED_EXISTENCE = "NEGATED_EXISTENCE"
# negspaCy's term lists by ConText direction.
_NEGEX_LISTS: dict[str, tuple[str, ...]] = {
    "FORWARD": ("preceding_negations",),
    "BACKWARD": ("following_negations",),
    "BIDIRECTIONAL": ("preceding_negations", "following_negations"),
    "TERMINATE": ("termination",),
    "PSEUDO": ("pseudo_negations",),
}

Row = dict[str, Any]


def _for_backend(rows: Iterable[Row], backend: str) -> list[Row]:
    return [r for r in rows if backend in r.get("backends", BACKENDS)]


def _removed(rows: Iterable[Row]) -> set[str]:
    return {r["literal"].lower() for r in rows if r.get("remove")}


def pattern_phrases(pattern: Sequence[dict[str, Any]]) -> list[list[str]]:
    """The lower-case token sequences a ConText token pattern matches.

    ConText's rules (medspaCy's and ours) use ``LOWER`` (a string or an ``IN`` list) with
    ``OP: "?"`` only, so each is a finite set of phrases; matching them with one PhraseMatcher
    finds what medspaCy's Matcher finds, at a fraction of the cost.
    """
    phrases: list[list[str]] = [[]]
    for token in pattern:
        lower, op = token.get("LOWER"), token.get("OP")
        if set(token) - {"LOWER", "OP"} or op not in (None, "?") or not isinstance(lower, (str, dict)):
            raise ValueError(
                f"negation rule pattern {pattern!r}: only LOWER (a string or IN list) and OP '?' are supported"
            )
        options: list[str | None] = [lower] if isinstance(lower, str) else list(lower["IN"])
        if op == "?":
            options.append(None)
        phrases = [p + [o] if o is not None else p for p in phrases for o in options]
    return [p for p in phrases if p]


class CueMatcher:
    """Finds ConText rules' cues in a doc: one PhraseMatcher over the rules' literals and the
    phrases of their patterns, overlaps pruned longest-first as medspaCy does."""

    def __init__(self, nlp: Language, rules: Sequence[Any]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules: dict[int, Any] = {}
        for n, rule in enumerate(rules):
            if rule.pattern is None:
                phrases = [[t.text for t in nlp.tokenizer(rule.literal.lower())]]
            else:
                phrases = pattern_phrases(rule.pattern)
            key = f"{rule.category}_{n}"
            self.matcher.add(key, [Doc(nlp.vocab, words=words) for words in phrases])
            self.rules[nlp.vocab.strings[key]] = rule

    def __call__(self, doc: Doc) -> list[tuple[Any, int, int]]:
        """``(rule, start, end)`` of each cue, without overlaps."""
        from medspacy.common.util import prune_overlapping_matches

        matches = prune_overlapping_matches(self.matcher(doc)) if len(doc) else []
        return [(self.rules[key], start, end) for key, start, end in matches]


class ContextBackend:
    """medspaCy's ConText algorithm (its modifiers, scopes and graph) over given target spans.

    The cue matcher is built once; per call it runs over the doc, and ConText runs only in the
    sentences that hold a target.
    """

    def __init__(self, nlp: Language, rows: Sequence[Row], *, default_rules: bool = True) -> None:
        medspacy = import_medspacy()
        from medspacy.context import ConTextGraph, ConTextModifier, ConTextRule

        self._graph_class = ConTextGraph
        self._modifier_class = ConTextModifier
        rows = _for_backend(rows, "context")
        removed = _removed(rows)
        rules = []
        if default_rules:
            path = Path(inspect.getfile(medspacy)).resolve().parents[1] / "resources" / "en" / "context_rules.json"
            rules = [r for r in ConTextRule.from_json(path) if r.literal.lower() not in removed]
        for row in rows:
            if row.get("remove"):
                continue
            rules.append(
                ConTextRule(
                    literal=row["literal"],
                    category=row.get("category", NEGATED_EXISTENCE),
                    direction=row["direction"],
                    pattern=row.get("pattern"),
                    max_scope=row.get("max_scope"),
                )
            )
        self.matcher = CueMatcher(nlp, rules)

    def negated(self, doc: Doc, targets: Sequence[Span]) -> list[bool]:
        """Whether each target is in the scope of a NEGATED_EXISTENCE modifier."""
        if not targets:
            return []
        starts = [s.start for s in doc.sents]
        by_sentence: dict[int, list[int]] = {}
        for n, target in enumerate(targets):
            by_sentence.setdefault(bisect.bisect_right(starts, target.start) - 1, []).append(n)
        cues: dict[int, list[tuple[Any, int, int]]] = {}
        for rule, start, end in self.matcher(doc):
            sentence = bisect.bisect_right(starts, start) - 1
            if sentence in by_sentence:
                cues.setdefault(sentence, []).append((rule, start, end))
        result = [False] * len(targets)
        for sentence, found in cues.items():
            members = by_sentence[sentence]
            modifiers = [self._modifier_class(rule, start, end, doc) for rule, start, end in found]
            sentence_targets = [targets[n] for n in members]
            graph = self._graph_class(targets=sentence_targets, modifiers=modifiers)
            graph.update_scopes()
            graph.apply_modifiers()
            negated_ids = {id(t) for t, m in graph.edges if m.category == NEGATED_EXISTENCE}
            for n, target in zip(members, sentence_targets):
                result[n] = id(target) in negated_ids
        return result


def negex_termset(rows: Sequence[Row], base: str = "en_clinical") -> dict[str, list[str]]:
    """negspaCy's termset ``base`` (copied) without our removals and with our rules added."""
    from negspacy.termsets import termset

    rows = _for_backend(rows, "negex")
    removed = _removed(rows)
    terms = {k: [t for t in v if t.lower() not in removed] for k, v in termset(base).get_patterns().items()}
    for row in rows:
        if row.get("remove"):
            continue
        for key in _NEGEX_LISTS[row["direction"]]:
            if row["literal"] not in terms[key]:
                terms[key].append(row["literal"])
    return terms


class NegexBackend:
    """negspaCy's NegEx over given target spans: its cue matching and termination chunks, and
    its rule (a preceding cue before the span, or a following cue after it, in the same chunk)."""

    def __init__(self, nlp: Language, rows: Sequence[Row], *, termset: str = "en_clinical") -> None:
        from negspacy.negation import Negex

        self.negex = Negex(nlp, "trialspacy_negex", negex_termset(rows, termset), [], "negex", [])

    def negated(self, doc: Doc, targets: Sequence[Span]) -> list[bool]:
        """Whether each target is negated by NegEx's rule."""
        if not targets:
            return []
        preceding, following, terminating = self.negex.process_negations(doc)
        chunks = self.negex.termination_boundaries(doc, terminating)
        chunk_starts = [start for start, _ in chunks]
        result = []
        for target in targets:
            start, end = chunks[bisect.bisect_right(chunk_starts, target.start) - 1]
            if target.end > end:
                # NegEx looks only at entities inside one chunk.
                result.append(False)
                continue
            result.append(
                any(start <= s < end and s < target.start for _, s, _ in preceding)
                or any(start <= s < end and e > target.end for _, s, e in following)
            )
        return result


Backend = ContextBackend | NegexBackend


def make_backend(nlp: Language, backend: BackendName, rows: Sequence[Row]) -> Backend:
    """The negation backend named ``backend`` with the rule rows."""
    if backend == "context":
        return ContextBackend(nlp, rows)
    if backend == "negex":
        return NegexBackend(nlp, rows)
    raise ValueError(f"negation backend must be one of {', '.join(BACKENDS)}, not {backend!r}")


def ensure_sentences(doc: Doc) -> None:
    """Give the doc trialspacy's sentences when no component has set any."""
    if len(doc) and not doc.has_annotation("SENT_START"):
        set_sentence_starts(doc, doc_sentence_starts(doc))


class Negation(Pipe):
    """Sets ``negated`` on the doc's DRUG, RADIATION_DOSE and ENDPOINT spans (False on TIMEFRAME).

    The rules are the package's ``negation_rules.jsonl`` unless :meth:`from_disk` or
    :meth:`from_bytes` restored others; the backend is built from them once, on first use.
    """

    def __init__(self, nlp: Language, name: str, *, backend: BackendName = "context") -> None:
        self.name = name
        self.nlp = nlp
        self.backend_name = backend
        self._rows: list[Row] | None = None
        self._backend: Backend | None = None

    @property
    def rows(self) -> list[Row]:
        """The rule rows (read from the package on first use unless restored)."""
        if self._rows is None:
            self._rows = package_data(RULES_FILE)
        return self._rows

    @property
    def backend(self) -> Backend:
        """The negation backend over :attr:`rows`, built once."""
        if self._backend is None:
            self._backend = make_backend(self.nlp, self.backend_name, self.rows)
        return self._backend

    def _set_rows(self, rows: list[Row]) -> None:
        """Restore saved rules and build the backend now, so that the first document does not
        pay for it."""
        self._rows = rows
        self._backend = make_backend(self.nlp, self.backend_name, rows)

    def __call__(self, doc: Doc) -> Doc:
        targets = [s for s in label_spans(doc) if s.label_ in NEGATED_LABELS]
        if targets:
            ensure_sentences(doc)
        for span, negated in zip(targets, self.backend.negated(doc, targets)):
            span._.negated = negated
        for span in label_spans(doc, TIMEFRAME):
            span._.negated = False
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The rule rows, serialized."""
        return to_bytes({RULES_KEY: lambda: srsly.msgpack_dumps(self.rows)}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "Negation":
        """Restore the rule rows of :meth:`to_bytes`."""
        from_bytes(bytes_data, {RULES_KEY: lambda b: self._set_rows(srsly.msgpack_loads(b))}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the rule rows as ``negation_rules.jsonl`` in the component's directory."""
        to_disk(path, {RULES_FILE: lambda p: write_jsonl(p, self.rows)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "Negation":
        """Restore the rule rows saved by :meth:`to_disk`."""
        from_disk(path, {RULES_FILE: lambda p: self._set_rows(read_jsonl(p))}, exclude)
        return self


@Language.factory(
    "trialspacy_negation",
    assigns=["span._.negated"],
    requires=["doc.spans", "doc.sents"],
    default_config={"backend": "context"},
)
def make_negation(nlp: Language, name: str, backend: BackendName) -> Negation:
    """Factory of the negation component; ``backend`` is ``"context"`` or ``"negex"``."""
    return Negation(nlp, name, backend=backend)
