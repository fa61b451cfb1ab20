"""Entity negation (``attrs.negated``) with medspaCy ConText or negspaCy NegEx.

Both backends run on trialspacy's spans (the span group, not ``doc.ents``), within the doc's
sentences, with their library's own rules plus trialspacy's rules for trial language
(``data/negation_rules.jsonl``): more cues (``no history of``, ``naïve``, ``is not permitted``),
limits that are not negations (``not to exceed``), scope ends (``;``, ``before``), exceptions
(``except``, ``other than``) and removals of library rules that misfire on registry text (``any
other``, ``versus``). A rule row holds ``literal``, ``direction`` (ConText's FORWARD, BACKWARD,
BIDIRECTIONAL, TERMINATE or PSEUDO), optionally ``category`` (NEGATED_EXISTENCE, or NEGATED_PREFIX
for a prefix that neither ends nor is ended by another cue's scope), ``pattern``, ``max_scope``
(tokens), ``items`` (with clause scope, the scope runs on over the list of targets its last target
belongs to), ``backends`` (default both), ``clause_scope`` (the row applies only when the
component's flag has this value), ``remove`` (drop the libraries' rule of that literal instead of
adding one) and a ``comment`` saying why.

Clause scope (contract v1.2, on by default): a cue's scope ends at its clause, and covers the list
it governs. No parser runs in the pipeline, so the clause is found from closed classes of words
(``data/negation_clauses.jsonl``): a finite verb or modal after the cue's noun phrase ("Patients
with no prior docetaxel received cisplatin"; its clause starts at a comma before its subject), a
relation word whose object is not what is absent ("no hypersensitivity to NSAIDs", "no penicillin
allergy"), a verb of stopping whose object goes on ("unwilling to withdraw probiotic supplements"),
brackets (ConText only), and the negation's own scope-ending rules, which ConText's
graph misses when a cue's limited scope lies strictly inside the terminator's sentence; targets
with only list words between them are a list, covered whole ("not receiving anticoagulants, such
as warfarin, heparin or rivaroxaban"). A cue inside an item of a list written on one line ("1)
Refusal of X 2) Pregnancy") does not reach the next item; a terminator whose first words belong to
a target ends the scope after them; a target that holds its own cue is not negated by it. Where a
target stands says it is not what is denied when it lies in an adjunct phrase opened right after
another target ("No prior chemotherapy for their metastatic breast cancer", "negative for HCV by
PCR", "no documented AF on ECG"), follows a time prefix ("without post-operative scan"), or is an
example after a negated passive participle ("objects that cannot be removed such as aneurysm
clips", of the participle's subject). With
``clause_scope=False`` the component behaves as before v1.2.

DRUG, RADIATION_DOSE and ENDPOINT spans get ``negated``; TIMEFRAME spans are never negated; a
CRITERION's ``negated`` is the criteria component's (whether the criterion itself is negative).

The work is linear in the document's length: ConText pairs every cue of a sentence with every other
cue and every target, so a sentence longer than :data:`MAX_WINDOW` tokens (only hostile or broken
text has one) is cut into windows that ConText treats as sentences; NegEx's rule is evaluated per
chunk, not per cue.
"""

import bisect
import inspect
import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import numpy
import srsly
from spacy.attrs import IDX, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import SimpleFrozenList, from_bytes, from_disk, to_bytes, to_disk

from .._compat import import_medspacy
from ..errors import Errors
from ..lexicon import doc_text, package_data, read_jsonl, write_jsonl
from ..spans import DRUG, ENDPOINT, RADIATION_DOSE, SPAN_KEY, TIMEFRAME, _extension_key, ext, label_spans
from .sentences import doc_sentence_starts, set_sentence_starts

# The rules' key in the component's serialized state (``exclude=["negation_rules"]``) and file.
RULES_KEY = "negation_rules"
RULES_FILE = f"{RULES_KEY}.jsonl"
# The clause words' key in the serialized state and file.
CLAUSES_KEY = "negation_clauses"
CLAUSES_FILE = f"{CLAUSES_KEY}.jsonl"
# Roles of a clause word: a verb that opens a new clause after a cue's noun phrase; a word that may
# stand between a cue and its own verb (so that verb is not a new clause); a disjunction after which
# a verb continues the negated predicate; a list word; a relation word and the link words that make
# the scope end after it; the brackets of a parenthetical; a word that, right after a target,
# opens an adjunct phrase (its purpose or indication, its means or test); a time prefix ("post-",
# "pre-") whose anchor is not what is absent; a word that opens examples (after a negated passive
# participle, of its subject); a verb of stopping, whose object goes on when the stopping is denied; a
# word of past treatment, whose requirement a post-cue "is not required" waives.
CLAUSE_ROLES: tuple[str, ...] = (
    "verb",
    "between",
    "disjunction",
    "list",
    "relation",
    "link",
    "open",
    "close",
    "adjunct",
    "anchor",
    "example",
    "cessation",
    "past",
)
ROLE_BITS = {role: 1 << n for n, role in enumerate(CLAUSE_ROLES)}
# A subject's clause starts after a comma (see ClauseBounds).
COMMA_BIT = 1 << len(CLAUSE_ROLES)
# Words that negate by themselves: a target holding one names an absence (see ClauseBounds.cue_end).
NEGATION_WORDS: tuple[str, ...] = ("no", "not", "n't", "never", "without", "nor", "neither", "none")
NEGATION_BIT = COMMA_BIT << 1
# The hyphen that joins a time prefix to its anchor ("post-operative").
HYPHENS = frozenset({"-", "‐", "–"})
# Endings of a past participle ("removed", "treated", "taken"): a negated passive verb.
PARTICIPLE = re.compile(r"[a-z]+(?:ed|en)")
# The most list words between two items of a list ("X, such as Y", "X (e.g., Y").
MAX_LIST_GAP = 4
# The number or letter of an item of a list written inside one line ("1) Refusal of epidural
# catheter 2) Pregnancy", "2- Patients refuse to participate. 3- Abuse"): after white space or a
# line's punctuation, never inside a word or a bracket of its own ("(OH 2)", "mg/m2)").
ENUMERATOR = re.compile(r"(?<![\w.,/(\-])(?:\(\d{1,2}\)|\d{1,2}[)-]|\([a-h]\)|[a-h]\))(?=\s)")
TERMINATE = "TERMINATE"
FORWARD = "FORWARD"
BackendName = Literal["context", "negex"]
BACKENDS: tuple[str, ...] = get_args(BackendName)
NEGATED_LABELS: tuple[str, ...] = (DRUG, RADIATION_DOSE, ENDPOINT)
NEGATED_EXTENSION = ext("negated")
NEGATED_EXISTENCE = "NEGATED_EXISTENCE"
# A prefix cue ("non-") in a category of its own, so that ConText's graph neither ends another
# cue's scope at it nor ends its scope at another cue.
NEGATED_PREFIX = "NEGATED_PREFIX"
NEGATED_CATEGORIES = frozenset({NEGATED_EXISTENCE, NEGATED_PREFIX})
# negspaCy's term lists by ConText direction.
_NEGEX_LISTS: dict[str, tuple[str, ...]] = {
    "FORWARD": ("preceding_negations",),
    "BACKWARD": ("following_negations",),
    "BIDIRECTIONAL": ("preceding_negations", "following_negations"),
    "TERMINATE": ("termination",),
    "PSEUDO": ("pseudo_negations",),
}

Row = dict[str, Any]
Cue = tuple[Any, int, int]
# The longest stretch of a sentence, in tokens, that ConText sees at once. Its graph is quadratic in
# the cues of a sentence, so this bounds the work per cue. Real sentences rarely exceed it (a few
# run-on criteria lists, up to ~700 tokens), and where they do the cuts fall between clauses: the
# output for 6,786 ClinicalTrials.gov records is unchanged.
MAX_WINDOW = 300


def _for_backend(rows: Iterable[Row], backend: str, clause_scope: bool = True) -> list[Row]:
    return [
        r
        for r in rows
        if backend in r.get("backends", BACKENDS) and r.get("clause_scope", clause_scope) == clause_scope
    ]


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

    def __call__(self, doc: Doc) -> list[Cue]:
        """``(rule, start, end)`` of each cue, without overlaps, in document order."""
        matches = prune_overlaps(self.matcher(doc)) if len(doc) else []
        return [(self.rules[key], start, end) for key, start, end in matches]


def prune_overlaps(matches: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """medspaCy's ``prune_overlapping_matches``, run on each cluster of overlapping matches.

    Its passes pop the head of a list, which is quadratic in the matches of a document; matches
    only compete with those they overlap, so pruning each cluster alone gives the same result.
    """
    from medspacy.common.util import prune_overlapping_matches

    pruned: list[tuple[int, int, int]] = []
    cluster: list[tuple[int, int, int]] = []
    cluster_end = -1
    for match in sorted(matches, key=lambda m: (m[1], m[2])):
        if cluster and match[1] >= cluster_end:
            # (A match alone, as most are, is kept as it is.)
            pruned.extend(prune_overlapping_matches(cluster) if len(cluster) > 1 else cluster)
            cluster = []
        cluster.append(match)
        cluster_end = max(cluster_end, match[2]) if len(cluster) > 1 else match[2]
    if cluster:
        pruned.extend(prune_overlapping_matches(cluster) if len(cluster) > 1 else cluster)
    return pruned


def context_windows(
    doc: Doc, sentences: Sequence[tuple[int, int]], cues: Sequence[Cue], targets: Sequence[Span]
) -> list[tuple[int, int]]:
    """The sentences ``(start, end)``, those longer than :data:`MAX_WINDOW` tokens cut into windows.

    A cut falls in the second half of a window: after its last ``;`` (where ConText's scopes end),
    else before its last cue (which ends the scope of a cue of its category before it), else at the
    budget; it never splits a cue or a target unless one is longer than a window.
    """
    if all(end - start <= MAX_WINDOW for start, end in sentences):
        return list(sentences)
    spans = [(start, end) for _, start, end in cues] + [(t.start, t.end) for t in targets]
    inside = {n for start, end in spans for n in range(start + 1, end)}
    preferred = ({token.i + 1 for token in doc if token.text in (";", "；")}, {start for _, start, _ in cues})
    windows = []
    for start, end in sentences:
        while end - start > MAX_WINDOW:
            cut = min(window_cut(start, inside, preferred), end)
            windows.append((start, cut))
            start = cut
        windows.append((start, end))
    return windows


def window_cut(start: int, inside: set[int], preferred: Iterable[set[int]]) -> int:
    """Where the window starting at token ``start`` ends (see :func:`context_windows`)."""
    limit = start + MAX_WINDOW
    for cuts in preferred:
        for cut in range(limit, start + MAX_WINDOW // 2, -1):
            if cut in cuts and cut not in inside:
                return cut
    for cut in range(limit, start, -1):
        if cut not in inside:
            return cut
    cut = limit + 1
    while cut in inside:
        cut += 1
    return cut


def modifier_scope(rule: Any, start: int, end: int, window: tuple[int, int]) -> tuple[int, int]:
    """The scope medspaCy's ConTextModifier gives a cue of ``rule`` at ``start:end`` (its private
    ``__set_scope``), with ``window`` as the sentence. Computed here because ConTextModifier would
    look the sentence up token by token, in time linear in the sentence, for every cue."""
    first, last = window
    max_scope = rule.max_scope
    direction = rule.direction.lower()
    if direction == "forward":
        scope_start, scope_end = end, last
        if max_scope is not None and scope_end - scope_start > max_scope:
            scope_end = end + max_scope
    elif direction == "backward":
        scope_start, scope_end = first, start
        if max_scope is not None and scope_end - scope_start > max_scope:
            scope_start = start - max_scope
    else:
        scope_start, scope_end = first, last
        if max_scope is not None and start - scope_start > max_scope:
            scope_start = start - max_scope
        if max_scope is not None and scope_end - end > max_scope:
            scope_end = end + max_scope
    return scope_start, scope_end


def clause_scope(rule: Any, start: int, end: int, window: tuple[int, int], bounds: "ClauseBounds") -> tuple[int, int]:
    """:func:`modifier_scope` ended at the cue's clause (contract v1.2), and for a rule with
    ``items`` extended over the list of targets that its last target belongs to."""
    first, last = window
    scope_start, scope_end = modifier_scope(rule, start, end, window)
    direction = rule.direction.lower()
    if direction in ("forward", "bidirectional"):
        limit = bounds.forward_end(end, bounds.item_end(start, first, last))
        scope_end = min(scope_end, limit)
        if (rule.metadata or {}).get("items"):
            scope_end = bounds.list_end(end, scope_end, limit)
    if direction in ("backward", "bidirectional"):
        scope_start = max(scope_start, bounds.backward_start(start, first))
        if (rule.metadata or {}).get("bare_subject") and bounds.linked(scope_start, start):
            # "prior treatment with anthracyclines is not required", "prior cisplatin is not
            # required": a requirement of past treatment is waived, and a link word ties the agent
            # to what is not required; only a bare subject is denied ("chronic steroid therapy is
            # not required").
            scope_start = start
    return scope_start, scope_end


class Clauses:
    """The closed classes of words that delimit a clause (``data/negation_clauses.jsonl``): each
    word's roles as bits, keyed by its lower-case string id, so that one look-up per token gives
    a doc's roles as an array."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.roles: dict[int, int] = {}
        for row in rows:
            key = get_string_id(row["word"].lower())
            self.roles[key] = self.roles.get(key, 0) | ROLE_BITS[row["role"]]
        for word, bit in [(",", COMMA_BIT)] + [(word, NEGATION_BIT) for word in NEGATION_WORDS]:
            key = get_string_id(word)
            self.roles[key] = self.roles.get(key, 0) | bit

    def of(self, doc: Doc) -> numpy.ndarray:
        """The roles of each token of the doc, as bits."""
        types, of_token = numpy.unique(doc.to_array(LOWER), return_inverse=True)
        get = self.roles.get
        return numpy.array([get(key, 0) for key in types.tolist()], dtype=numpy.uint16)[of_token]

    def bounds(
        self,
        doc: Doc,
        cues: Sequence[tuple[int, int]],
        terminators: Sequence[tuple[int, int]],
        targets: Sequence[Span] = (),
    ) -> "ClauseBounds":
        """The doc's clause boundaries given its cues ``(start, end)``, the scope-ending ones and
        the targets (whose lists a cue covers)."""
        return ClauseBounds(self, doc, cues, terminators, targets)


def passive_example_cuts(
    doc: Doc,
    cues: Sequence[tuple[int, int]],
    targets: Sequence[Span],
    between: numpy.ndarray,
    example: numpy.ndarray,
    in_cue: numpy.ndarray,
) -> list[int]:
    """Where the scope of each cue ends because examples follow a negated passive participle
    ("objects that cannot be removed such as aneurysm clips", "sleep disorder which is not treated
    (obstructive sleep apnea, ...)"): the examples are of the participle's subject, so the scope
    ends after the participle, the cue's first word outside its verb group when that word is no
    target (a drug such as "estrogen" ends like a participle)."""
    n = len(doc)
    in_target = numpy.zeros(n + 1, dtype=bool)
    for target in targets:
        in_target[target.start : target.end] = True
    cuts = []
    for _, end in cues:
        j = end
        while j < n and between[j]:
            j += 1
        if j + 1 < n and example[j + 1] and not in_cue[j] and not in_target[j] and PARTICIPLE.fullmatch(doc[j].lower_):
            cuts.append(j + 1)
    return cuts


class ClauseBounds:
    """One doc's clause boundaries: the terminators' spans, the verbs that open a new clause and
    the cuts after relation words; and its lists of targets (targets with only list words between
    them). The arrays are computed over the whole doc at once, so each cue's scope is clipped by a
    binary search (the work stays linear in the document, give or take a log)."""

    def __init__(
        self,
        clauses: Clauses,
        doc: Doc,
        cues: Sequence[tuple[int, int]],
        terminators: Sequence[tuple[int, int]],
        targets: Sequence[Span] = (),
    ) -> None:
        roles = clauses.of(doc)
        n = len(roles)

        def having(role: str) -> numpy.ndarray:
            return (roles & ROLE_BITS[role]) != 0

        positions = numpy.arange(n)
        in_cue = numpy.zeros(n + 1, dtype=bool)  # in_cue[n]: past the end, in no cue
        for start, end in itertools.chain(cues, terminators):
            in_cue[start:end] = True
        # prev_content[i]: the last token before i that is a cue's or outside a verb group (-1 if
        # none); next_content[i]: the first from i on (n if none).
        content = ~(having("verb") | having("between")) | in_cue[:n]
        self.prev_content = numpy.concatenate(([-1], numpy.maximum.accumulate(numpy.where(content, positions, -1))))
        next_content = numpy.minimum.accumulate(numpy.where(content, positions, n)[::-1])[::-1]
        # A verb opens a new clause when the words around its verb group are content words outside
        # every cue: "no prior docetaxel received" cuts; "who have not received", "not X or have Y"
        # and "X is not permitted" (the verb group of a cue after it) do not.
        before = self.prev_content[:n]
        verb_cuts = positions[
            having("verb")
            & ~in_cue[:n]
            & (before >= 0)
            & ~in_cue[before]
            & ~having("disjunction")[before]
            & ~in_cue[next_content]
        ]
        # "no hypersensitivity to NSAIDs": the scope ends after the relation word.
        relation_words = having("relation")
        self.relation_words = set(positions[relation_words].tolist())
        relation_cuts = positions[1:][relation_words[:-1] & having("link")[1:]]
        # (Where a subject is not bare: a link word or a word of past treatment in it.)
        self.links = positions[having("link") | having("past")].tolist()
        # "objects that cannot be removed such as aneurysm clips": the examples after a negated
        # passive participle are of its subject, so the scope ends after the participle.
        passive_cuts = (
            passive_example_cuts(doc, cues, targets, having("between"), having("example"), in_cue)
            if having("example").any()
            else []
        )
        # "Unwilling to withdraw probiotic supplements": what is not stopped goes on, so the scope
        # ends after a verb of stopping that the cue governs directly (only its verb group between);
        # a later one is an item of its own ("Never receiving adequate treatment or stop receiving
        # treatment": the stopping says the treatment is absent).
        cessation_cuts = positions[having("cessation") & in_cue[self.prev_content[:n]]] + 1
        self.clause_starts: list[int] = sorted(
            verb_cuts.tolist() + relation_cuts.tolist() + passive_cuts + cessation_cuts.tolist()
        )
        # A verb's clause starts at its subject: after the last comma before the verb, when one
        # lies in the scope ("without AEs, adverse events will be graded").
        last_comma = numpy.maximum.accumulate(numpy.where((roles & COMMA_BIT) != 0, positions, -1))
        self.subject_starts = {int(v): int(last_comma[v]) for v in verb_cuts if last_comma[v] >= 0}
        cuts = sorted(
            [(s, e) for s, e in terminators]
            + [(v, v + 1) for v in verb_cuts.tolist()]
            + [(r, r) for r in relation_cuts.tolist()]
            + [(p, p) for p in passive_cuts]
            + [(c, c) for c in cessation_cuts.tolist()]
        )
        self.cut_starts = [s for s, _ in cuts]
        self.cut_ends = sorted(e for _, e in cuts)
        # A list: targets with at most MAX_LIST_GAP list words between each and the next; the end
        # of the list from each target on.
        # The innermost bracket pair around each token: a cue inside one reaches neither out of it.
        self.opened = numpy.full(n, -1)
        self.closed = numpy.full(n, n)
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        brackets = positions[having("open") | having("close")].tolist()
        for i, is_open in zip(brackets, having("open")[brackets].tolist()):
            if is_open:
                stack.append(i)
            elif stack:
                pairs.append((stack.pop(), i))
        # Outer pairs close after inner ones: set last-closed first, so inner pairs overwrite them.
        for opening, closing in reversed(pairs):
            self.opened[opening + 1 : closing] = opening
            self.closed[opening + 1 : closing] = closing
        # The tokens of each item number of a list written inside one line ("2)", "(b)", "3-").
        self.item_starts: list[int] = []
        separator = having("list")
        found = [(m.start(), m.end() - 1) for m in ENUMERATOR.finditer(doc_text(doc))]
        if found:
            item_tokens = numpy.searchsorted(doc.to_array(IDX), found, side="right") - 1
            self.item_starts = item_tokens[:, 0].tolist()
            # An item number is a list word too ("not received: (1) cisplatin, (2) docetaxel").
            separator = separator.copy()
            for first_token, last_token in item_tokens.tolist():
                separator[first_token : last_token + 1] = True
        spans = sorted((t.start, t.end) for t in targets)
        self.target_starts = [start for start, _ in spans]
        self.target_ends = [end for _, end in spans]
        self.negation_words = (roles & NEGATION_BIT) != 0
        # "No prior chemotherapy for their metastatic breast cancer", "negative for HCV by PCR": an
        # adjunct word right after a target opens the phrase of what the target was for or found
        # by, which runs to the next cue, clause, "with" or sentence; the targets inside it are
        # not what is absent.
        ends = set(self.target_ends)
        # (Never right after a negation word: in "not on warfarin" the word is the cue's, even
        # where a target holds the "not".)
        self.adjunct_starts = [
            int(p) for p in positions[having("adjunct")].tolist() if p in ends and not self.negation_words[p - 1]
        ]
        if self.adjunct_starts:
            phrase_end = in_cue[:n].copy()
            for start, _ in itertools.chain(cues, terminators):
                phrase_end[start] = True
            phrase_end[self.clause_starts] = True
            phrase_end |= doc.to_array(LOWER) == get_string_id("with")
            if doc.has_annotation("SENT_START"):
                phrase_end |= doc.to_array(SENT_START) == 1
            self.last_phrase_end = numpy.maximum.accumulate(numpy.where(phrase_end, positions, -1))
            next_phrase_end = numpy.minimum.accumulate(numpy.where(phrase_end, positions, n)[::-1])[::-1]
            self.next_phrase_end = numpy.concatenate((next_phrase_end, [n]))
        # "without post-operative scan": a target right after a time prefix and its hyphen.
        prefixes = positions[:-2][having("anchor")[:-2]].tolist() if n > 2 else []
        self.anchored = {i + 2 for i in prefixes if doc[i + 1].text in HYPHENS}
        self.list_ends = [end for _, end in spans]
        for k in range(len(spans) - 2, -1, -1):
            end, following = spans[k][1], spans[k + 1][0]
            if following - end <= MAX_LIST_GAP and separator[end:following].all():
                self.list_ends[k] = max(self.list_ends[k], self.list_ends[k + 1])

    def item_end(self, start: int, first: int, last: int) -> int:
        """Where, before ``last``, the inline list item that holds a cue starting at ``start`` ends:
        a cue inside an item ("1) Refusal of epidural catheter 2) Pregnancy") does not reach the
        next one. A cue before the first item governs them all ("must not have: (1) X, (2) Y"), and
        a post-cue may govern the items before it ("a) X, b) Y are not allowed")."""
        at = bisect.bisect_right(self.item_starts, start) - 1
        if at < 0 or self.item_starts[at] < first or at + 1 == len(self.item_starts):
            return last
        return min(last, self.item_starts[at + 1])

    def forward_end(self, end: int, limit: int) -> int:
        """Where the forward scope of a cue ending at ``end`` stops, at most ``limit``."""
        limit = min(limit, int(self.closed[end - 1]))
        found = bisect.bisect_left(self.cut_starts, end)
        # A cut past the limit (in a later sentence) says nothing of this scope, nor does the comma
        # before its verb, which may lie in this sentence's own list.
        if found == len(self.cut_starts) or self.cut_starts[found] >= limit:
            return limit
        cut = self.cut_starts[found]
        comma = self.subject_starts.get(cut, -1)
        return min(limit, comma if comma >= end and not self.inside_a_list(comma) else cut)

    def backward_start(self, start: int, limit: int) -> int:
        """Where the backward scope of a cue starting at ``start`` begins, at least ``limit``. The
        verbs of the cue's own verb group ("X must not be used") do not cut."""
        limit = max(limit, int(self.opened[start]) + 1)
        content_end = int(self.prev_content[start]) + 1
        found = bisect.bisect_right(self.cut_ends, content_end)
        return max(limit, self.cut_ends[found - 1]) if found else limit

    def linked(self, start: int, end: int) -> bool:
        """Whether a link word ("with", "of", "to") or a word of past treatment ("prior") lies in
        tokens ``start:end``."""
        at = bisect.bisect_left(self.links, start)
        return at < len(self.links) and self.links[at] < end

    def inside_a_list(self, i: int) -> bool:
        """Whether token ``i`` lies between two items of a list of targets."""
        last = bisect.bisect_left(self.target_starts, i) - 1
        return last >= 0 and self.list_ends[last] > i

    def cue_end(self, start: int, end: int) -> int:
        """Where a forward cue at ``start:end`` ends when a target starts inside it and runs on past
        it: a cue phrase can swallow the head of what it negates ("No signs of infection" holds
        ConText's "no signs of" and the target "signs of infection"; "no abnormal findings"), and
        ConText never negates a target that overlaps its cue. A target that takes in the cue's own
        negation word ("women with no periods") keeps the overlap: it names the absence itself."""
        first = bisect.bisect_right(self.target_starts, start)
        if first == len(self.target_starts) or self.target_starts[first] >= end:
            return end
        inside = self.target_starts[first]
        if self.target_ends[first] <= end or self.negation_words[inside:end].any():
            return end
        return inside

    def names_a_relation(self, target: Span) -> bool:
        """Whether the target only says what a relation word right after it is to ("no penicillin
        allergy", "no protease inhibitor resistance"): what is absent is the relation."""
        return target.end in self.relation_words

    def adjunct_phrase(self, target: Span) -> tuple[int, int] | None:
        """The adjunct phrase ``(start, end)`` the target lies in, the phrase of what the target
        before it was for or found by ("No prior chemotherapy for their metastatic breast cancer",
        "radiotherapy for the treatment of breast cancer is not allowed", "negative for HCV by
        PCR"), or None."""
        at = bisect.bisect_left(self.adjunct_starts, target.start) - 1
        if at < 0 or int(self.last_phrase_end[target.start - 1]) >= self.adjunct_starts[at]:
            return None
        start = self.adjunct_starts[at]
        return start, int(self.next_phrase_end[start + 1])

    def passes_over(self, target: Span, cue: tuple[int, int], scope: tuple[int, int]) -> bool:
        """Whether a cue at ``cue`` with scope ``scope`` reaches the target only by passing over
        it: the target lies in an adjunct phrase, the cue outside it, and the scope covers the
        target the phrase is about, which alone is denied ("No prior chemotherapy for their
        metastatic breast cancer"); a cue inside or right after the phrase whose scope stays in it
        denies what it names ("lazertinib for NSCLC in TKI naïve patients")."""
        phrase = self.adjunct_phrase(target)
        if phrase is None:
            return False
        start, end = phrase
        return not start <= cue[0] < end and scope[0] <= start - 1 < scope[1]

    def exempt(self, target: Span) -> bool:
        """Whether the target's place says it is not what a cue's scope denies: it names what a
        relation is to or the anchor of a time prefix ("post-operative")."""
        return self.names_a_relation(target) or target.start in self.anchored

    def list_end(self, end: int, scope_end: int, limit: int) -> int:
        """The forward scope ``end:scope_end`` extended to the end of the list of targets its last
        target belongs to (up to ``limit``): a cue covers the list it governs."""
        last = bisect.bisect_left(self.target_starts, scope_end) - 1
        if last < 0 or self.target_starts[last] < end:
            return scope_end
        return max(scope_end, min(limit, self.list_ends[last]))


class ContextBackend:
    """medspaCy's ConText algorithm (its modifiers, scopes and graph) over given target spans.

    The cue matcher is built once; per call it runs over the doc, and ConText runs only in the
    sentences that hold a target. With ``clause_scope`` each cue's scope ends at its clause (the
    words of ``clauses``, the package's when None) before ConText's graph limits it further.
    """

    def __init__(
        self,
        nlp: Language,
        rows: Sequence[Row],
        *,
        default_rules: bool = True,
        clause_scope: bool = True,
        clauses: Sequence[Row] | None = None,
    ) -> None:
        medspacy = import_medspacy()
        from medspacy.context import ConTextGraph, ConTextModifier, ConTextRule

        self._graph_class = ConTextGraph
        self._modifier_class = ConTextModifier
        rows = _for_backend(rows, "context", clause_scope)
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
                    metadata={"items": bool(row.get("items")), "bare_subject": bool(row.get("bare_subject"))},
                )
            )
        self.matcher = CueMatcher(nlp, rules)
        self.clauses = Clauses(package_data(CLAUSES_FILE) if clauses is None else clauses) if clause_scope else None

    def negated(self, doc: Doc, targets: Sequence[Span]) -> list[bool]:
        """Whether each target is in the scope of a negating (NEGATED_EXISTENCE or NEGATED_PREFIX)
        modifier."""
        if not targets:
            return []
        cues = self.matcher(doc)
        if self.clauses is not None:
            cues = terminators_in_targets_shrunk(cues, targets)
        windows = context_windows(doc, [(s.start, s.end) for s in doc.sents], cues, targets)
        starts = [start for start, _ in windows]
        by_window: dict[int, list[int]] = {}
        for n, target in enumerate(targets):
            by_window.setdefault(bisect.bisect_right(starts, target.start) - 1, []).append(n)
        window_cues: dict[int, list[Cue]] = {}
        for cue in cues:
            window = bisect.bisect_right(starts, cue[1]) - 1
            if window in by_window:
                window_cues.setdefault(window, []).append(cue)
        bounds = None
        if self.clauses is not None:
            bounds = self.clauses.bounds(
                doc,
                [(start, end) for rule, start, end in cues if rule.direction != TERMINATE],
                # Only the negation's own terminators: medspaCy's for other categories ("present"
                # ends a HISTORICAL scope) say nothing of a negation's clause.
                [
                    (start, end)
                    for rule, start, end in cues
                    if rule.direction == TERMINATE and rule.category == NEGATED_EXISTENCE
                ],
                targets,
            )
        result = [False] * len(targets)
        for window, found in window_cues.items():
            members = by_window[window]
            if bounds is not None:
                found = [
                    (rule, start, bounds.cue_end(start, end) if rule.direction == FORWARD else end)
                    for rule, start, end in found
                ]
            modifiers = [
                self._modifier_class(
                    rule,
                    start,
                    end,
                    doc,
                    *(
                        modifier_scope(rule, start, end, windows[window])
                        if bounds is None
                        else clause_scope(rule, start, end, windows[window], bounds)
                    ),
                )
                for rule, start, end in found
            ]
            window_targets = [targets[n] for n in members]
            graph = self._graph_class(targets=window_targets, modifiers=modifiers)
            graph.update_scopes()
            graph.apply_modifiers()
            # medspaCy keeps a cue strictly inside a target from overlapping it; with clause scope
            # such a target names the absence itself, as one that starts with its cue does ("drug
            # that has not yet been approved", "women with no periods").
            negated_ids = {
                id(t)
                for t, m in graph.edges
                if m.category in NEGATED_CATEGORIES
                and not (
                    bounds is not None
                    and (
                        (t.start <= m.modifier_span[0] and m.modifier_span[1] <= t.end)
                        or bounds.passes_over(t, m.modifier_span, m.scope_span)
                    )
                )
            }
            for n, target in zip(members, window_targets):
                result[n] = id(target) in negated_ids
        if bounds is not None:
            result = [negated and not bounds.exempt(t) for negated, t in zip(result, targets)]
        return result


def terminators_in_targets_shrunk(cues: Sequence[Cue], targets: Sequence[Span]) -> list[Cue]:
    """The cues, each terminator whose first words lie in a target cut down to the words after the
    target (at least its last word): those words are the target's own ("No significant
    abnormalities in ECG": the target "abnormalities in ECG" holds the terminator "abnormalities
    in"; "which have not adequately responded to therapy": the target "responded"), so a scope that
    reaches the target takes them in (ConText negates a target its scope overlaps) and still ends
    before what the terminator introduces ("ECG", "therapy")."""
    spans = sorted((t.start, t.end) for t in targets)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    shrunk = []
    for rule, start, end in cues:
        before = bisect.bisect_right(starts, start) - 1
        if rule.direction == TERMINATE and end - start > 1 and before >= 0 and reach[before] > start:
            start = min(reach[before], end - 1)
        shrunk.append((rule, start, end))
    return shrunk


def negex_termset(rows: Sequence[Row], base: str = "en_clinical", clause_scope: bool = True) -> dict[str, list[str]]:
    """negspaCy's termset ``base`` (copied) without our removals and with our rules (those of
    ``clause_scope``) added."""
    from negspacy.termsets import termset

    rows = _for_backend(rows, "negex", clause_scope)
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
    its rule (a preceding cue before the span, or a following cue after it, in the same chunk).
    With ``clause_scope`` a chunk also ends where a new clause starts (see :class:`ClauseBounds`);
    NegEx has no token budget, so it already covers a governed list."""

    def __init__(
        self,
        nlp: Language,
        rows: Sequence[Row],
        *,
        termset: str = "en_clinical",
        clause_scope: bool = True,
        clauses: Sequence[Row] | None = None,
    ) -> None:
        from negspacy.negation import Negex

        self.negex = Negex(nlp, "trialspacy_negex", negex_termset(rows, termset, clause_scope), [], "negex", [])
        self.clauses = Clauses(package_data(CLAUSES_FILE) if clauses is None else clauses) if clause_scope else None

    def cues(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        """``(start, end)`` of the doc's cues by negspaCy's match label (``Preceding``,
        ``Following``, ``Termination``), without those starting inside a pseudo-negation.

        negspaCy's ``process_negations`` does this by comparing every cue with every pseudo cue;
        here each cue looks up the pseudo cues starting before it.
        """
        strings = self.negex.nlp.vocab.strings
        matches = [(strings[key], start, end) for key, start, end in self.negex.matcher(doc)]
        pseudo = sorted((start, end) for label, start, end in matches if label == "pseudo")
        pseudo_starts = [start for start, _ in pseudo]
        reach = list(itertools.accumulate((end for _, end in pseudo), max))
        found: dict[str, list[tuple[int, int]]] = {"Preceding": [], "Following": [], "Termination": []}
        for label, start, end in matches:
            before = bisect.bisect_right(pseudo_starts, start)
            if label in found and not (before and reach[before - 1] >= start):
                found[label].append((start, end))
        return found

    def negated(self, doc: Doc, targets: Sequence[Span]) -> list[bool]:
        """Whether each target is negated by NegEx's rule."""
        if not targets:
            return []
        cues = self.cues(doc)
        terminating = [(0, start, end) for start, end in cues["Termination"]]
        bounds = None
        if self.clauses is not None:
            bounds = self.clauses.bounds(doc, cues["Preceding"] + cues["Following"], cues["Termination"], targets)
            terminating += [(0, start, start) for start in bounds.clause_starts]
        chunks = self.negex.termination_boundaries(doc, terminating)
        chunk_starts = [start for start, _ in chunks]
        # Per chunk, the first preceding cue's start and the last following cue's end decide.
        first_preceding = [len(doc)] * len(chunks)
        last_following = [-1] * len(chunks)
        for start, _ in cues["Preceding"]:
            chunk = bisect.bisect_right(chunk_starts, start) - 1
            first_preceding[chunk] = min(first_preceding[chunk], start)
        for start, end in cues["Following"]:
            chunk = bisect.bisect_right(chunk_starts, start) - 1
            last_following[chunk] = max(last_following[chunk], end)
        cue_starts = sorted(start for start, _ in cues["Preceding"] + cues["Following"])
        result = []
        for target in targets:
            chunk = bisect.bisect_right(chunk_starts, target.start) - 1
            # NegEx looks only at entities inside one chunk.
            result.append(
                target.end <= chunks[chunk][1]
                and (first_preceding[chunk] < target.start or last_following[chunk] > target.end)
                and not (bounds is not None and (bounds.exempt(target) or adjunct_only(bounds, target, cue_starts)))
            )
        return result


def adjunct_only(bounds: ClauseBounds, target: Span, cue_starts: Sequence[int]) -> bool:
    """NegEx's :meth:`ClauseBounds.passes_over`: NegEx has no scopes, so a target in an adjunct
    phrase is left alone when no cue starts in the phrase or at its end."""
    phrase = bounds.adjunct_phrase(target)
    if phrase is None:
        return False
    start, end = phrase
    at = bisect.bisect_left(cue_starts, start)
    return at == len(cue_starts) or cue_starts[at] > end


Backend = ContextBackend | NegexBackend


def make_backend(
    nlp: Language,
    backend: BackendName,
    rows: Sequence[Row],
    *,
    clause_scope: bool = True,
    clauses: Sequence[Row] | None = None,
) -> Backend:
    """The negation backend named ``backend`` with the rule rows and, with ``clause_scope``, the
    clause words (the package's when None)."""
    if backend == "context":
        return ContextBackend(nlp, rows, clause_scope=clause_scope, clauses=clauses)
    if backend == "negex":
        return NegexBackend(nlp, rows, clause_scope=clause_scope, clauses=clauses)
    raise ValueError(Errors.E090.format(choices=", ".join(BACKENDS), value=backend))


def ensure_sentences(doc: Doc) -> None:
    """Give the doc trialspacy's sentences when no component has set any."""
    if len(doc) and not doc.has_annotation("SENT_START"):
        set_sentence_starts(doc, doc_sentence_starts(doc))


class Negation(Pipe):
    """Sets ``negated`` on the doc's DRUG, RADIATION_DOSE and ENDPOINT spans (False on TIMEFRAME).

    The rules and clause words are the package's ``negation_rules.jsonl`` and
    ``negation_clauses.jsonl`` unless :meth:`from_disk` or :meth:`from_bytes` restored others; the
    backend is built from them once, on first use. ``clause_scope`` ends a cue's scope at its clause
    and lets it cover a governed list (contract v1.2); False gives the behaviour before v1.2.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        backend: BackendName = "context",
        spans_key: str = SPAN_KEY,
        clause_scope: bool = True,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.backend_name = backend
        self.spans_key = spans_key
        self.clause_scope = clause_scope
        self._rows: list[Row] | None = None
        self._clauses: list[Row] | None = None
        self._backend: Backend | None = None

    @property
    def rows(self) -> list[Row]:
        """The rule rows (read from the package on first use unless restored)."""
        if self._rows is None:
            self._rows = package_data(RULES_FILE)
        return self._rows

    @property
    def clauses(self) -> list[Row]:
        """The clause words (read from the package on first use unless restored)."""
        if self._clauses is None:
            self._clauses = package_data(CLAUSES_FILE)
        return self._clauses

    @property
    def backend(self) -> Backend:
        """The negation backend over :attr:`rows` and :attr:`clauses`, built once."""
        if self._backend is None:
            self._backend = make_backend(
                self.nlp, self.backend_name, self.rows, clause_scope=self.clause_scope, clauses=self.clauses
            )
        return self._backend

    def _restore(self, rows: list[Row] | None = None, clauses: list[Row] | None = None) -> None:
        """Restore saved rules or clause words; the backend is rebuilt on first use."""
        if rows is not None:
            self._rows = rows
        if clauses is not None:
            self._clauses = clauses
        self._backend = None

    def _build(self) -> None:
        """Build the backend now, so that the first document does not pay for it."""
        _ = self.backend

    def __call__(self, doc: Doc) -> Doc:
        # The span group read once (each read makes a Span object per span), labels compared as ids.
        spans = label_spans(doc, spans_key=self.spans_key)
        strings = doc.vocab.strings
        negated_labels = {strings[label] for label in NEGATED_LABELS}
        targets = [s for s in spans if s.label in negated_labels]
        if targets:
            ensure_sentences(doc)
        # (Through the extension's user_data key, as set_label_spans writes it.)
        user_data = doc.user_data
        for span, negated in zip(targets, self.backend.negated(doc, targets)):
            user_data[_extension_key(span)(NEGATED_EXTENSION)] = negated
        timeframe = strings[TIMEFRAME]
        for span in spans:
            if span.label == timeframe:
                user_data[_extension_key(span)(NEGATED_EXTENSION)] = False
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The rule rows and clause words, serialized."""
        return to_bytes(
            {
                RULES_KEY: lambda: srsly.msgpack_dumps(self.rows),
                CLAUSES_KEY: lambda: srsly.msgpack_dumps(self.clauses),
            },
            exclude,
        )

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "Negation":
        """Restore the rule rows and clause words of :meth:`to_bytes`."""
        from_bytes(
            bytes_data,
            {
                RULES_KEY: lambda b: self._restore(rows=srsly.msgpack_loads(b)),
                CLAUSES_KEY: lambda b: self._restore(clauses=srsly.msgpack_loads(b)),
            },
            exclude,
        )
        if self._rows is not None:
            self._build()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the rule rows and clause words as ``negation_rules.jsonl`` and
        ``negation_clauses.jsonl`` in the component's directory."""
        to_disk(
            path,
            {
                RULES_FILE: lambda p: write_jsonl(p, self.rows),
                CLAUSES_FILE: lambda p: write_jsonl(p, self.clauses),
            },
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "Negation":
        """Restore the rule rows and clause words saved by :meth:`to_disk` (a pipeline saved
        before v1.2 has no clause words: the package's are used)."""
        from_disk(
            path,
            {
                RULES_FILE: lambda p: self._restore(rows=read_jsonl(p)),
                CLAUSES_FILE: lambda p: self._restore(clauses=read_jsonl(p) if Path(p).exists() else None),
            },
            exclude,
        )
        if self._rows is not None:
            self._build()
        return self


@Language.factory(
    "trialspacy_negation",
    assigns=["span._.trialspacy_negated"],
    requires=["doc.spans", "doc.sents"],
    default_config={"backend": "context", "spans_key": SPAN_KEY, "clause_scope": True},
)
def make_negation(nlp: Language, name: str, backend: BackendName, spans_key: str, clause_scope: bool) -> Negation:
    """Factory of the negation component; ``backend`` is ``"context"`` or ``"negex"``; it reads
    the spans of group ``spans_key``; ``clause_scope`` (default True) ends a cue's scope at its
    clause and covers a governed list (contract v1.2), False keeps the behaviour before it."""
    return Negation(nlp, name, backend=backend, spans_key=spans_key, clause_scope=clause_scope)
