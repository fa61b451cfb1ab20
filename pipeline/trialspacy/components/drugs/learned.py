"""A learned scorer for drug names the lexicon cannot know (``treated with X``, ``X 100 mg``,
``cisplatin, X and paclitaxel``).

The rules run first; this module then looks only at words they left alone, in drug contexts:

1. :func:`candidates` finds single words after a treatment verb, before a dose or a dose form,
   marked ``®``, or listed beside a DRUG span the rules found, with a few regular expressions
   tried only at the tokens that can begin such a cue;
2. :func:`features` describes each as strings: the word's own (:func:`word_features`: the word,
   its character n-grams and shape; the scorer keeps their summed weight per word) and its
   occurrence's (:func:`context_features`: the words around it, the cue that found it, its section);
3. :class:`DrugScorer`, a logistic regression stored as the weights of those strings (no pickle),
   keeps the candidates whose probability reaches its threshold.

The weights are made by ``scripts/train_drug_scorer.py`` (see ``models/drug_scorer/README.md``) and
shipped as package data (``data/drug_scorer.jsonl.gz``); a saved pipeline carries its own copy.
"""

import gzip
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ...lexicon import DocTokens, doc_tokens, package_data
from ...spans import Candidate

SCORER_FILE = "drug_scorer.jsonl.gz"
FORMAT = "trialspacy-drug-scorer/1"

Span = tuple[int, int]

# A word as a drug name is written: letters first, then letters, digits and inner hyphens
# (``SHR-1210``, ``fluorouracil-uracil``); ``/`` separates names (``Flu/Mel``).
_WORD = r"(?<![\w\-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?!\w)"
# What comes before an agent: a treatment verb or a route (plain words, ``|`` between cues).
_LEFT_CUES = (
    "with|plus|receive|receives|received|receiving|given|administered|administration of|versus|vs.|vs|use of"
    "|using|take|takes|taking|took|prior|previous|concurrent|concomitant|oral|intravenous|topical|subcutaneous"
    "|inhaled|dose of|doses of|followed by|requiring|hypersensitivity to|hypersensitivity towards|allergy to"
    "|allergy towards|allergic to|allergic towards|intolerance to|intolerance towards|intolerant to|intolerant towards"
)
LEFT_CUE_RE = re.compile(
    r"\b(?P<cue>" + "|".join(map(re.escape, _LEFT_CUES.split("|"))) + r")\s+(?:(?:any|a|an|the|other|all)\s+)?"
    r"(?P<word>" + _WORD + ")",
    re.IGNORECASE,
)
# A dose (``100 mg``, ``(5 mg/kg``, ``2-4 MIU``), its unit captured.
_DOSE = r"\(?\s*\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*(mg|g|mcg|µg|μg|ug|ng|iu|miu|units?|u|ml|mmol|mbq|mci|gbq)(?![a-z])"
DOSE_RE = re.compile(r"\s*" + _DOSE, re.IGNORECASE)
# What comes after one: a dose, a dose form, a salt, a route or schedule, a brand mark.
_RIGHT_CUE_WORDS = (
    "injection|injections|tablet|tablets|capsule|capsules|therapy|treatment|infusion|monotherapy|regimen"
    "|hydrochloride|hcl|sodium|mesylate|cream|ointment|gel|solution|suspension|orally|intravenously|iv|po|sc|im"
    "|daily|bid|tid|qd|alone"
)
RIGHT_CUE_RE = re.compile(
    r"(?P<word>" + _WORD + r")(?P<cue>\s*Â?[®™]|\s*" + _DOSE + r"|\s+(?:" + _RIGHT_CUE_WORDS + r")\b|\s*\(\s*n\s*=)",
    re.IGNORECASE,
)
# The tokens where a cue can begin, lower case (see :func:`candidates`): the first word of a
# left cue, a right cue word, or a token opening another right cue (a dose, ``(5 mg``, ``(n=``,
# ``®``, ``Â®`` in mis-decoded text), or a slash.
LEFT_CUE_WORDS = frozenset(cue.split()[0] for cue in _LEFT_CUES.split("|"))
RIGHT_CUE_WORDS = frozenset(_RIGHT_CUE_WORDS.split("|"))
_RIGHT_CUE_CHARS = frozenset("0123456789(®™â")
_CUE_TOKENS = LEFT_CUE_WORDS | RIGHT_CUE_WORDS | {"/"}
# A name listed beside a DRUG span: after it, or before it.
_LIST = r"(?:,|;|\+|/|\(|、|，|\band\b|\bor\b|\bplus\b|\bversus\b|\bvs\.?|\bwith\b|\bfollowed by\b)"
AFTER_DRUG_RE = re.compile(r"\s*" + _LIST + r"\s*(?:and\s+|or\s+)?(?P<word>" + _WORD + ")", re.IGNORECASE)
BEFORE_DRUG_RE = re.compile(r"(?P<word>" + _WORD + r")\s*" + _LIST + r"\s*(?:and\s+|or\s+)?$", re.IGNORECASE)
# Two names joined by a slash (``Flu/Mel``), neither found by the rules.
SLASH_RE = re.compile(r"(?P<a>" + _WORD.replace("(?!\\w)", "") + r")/(?P<b>" + _WORD + ")")
# How many words' summed feature weights a scorer keeps (see DrugScorer._word_weight).
WORD_MEMO = 100_000
# How far to look for the listed name and for the context words.
WINDOW = 60
CONTEXT_WORDS = 4
CONTEXT_WORD_RE = re.compile(r"\w+|[^\w\s]")
DIGITS_RE = re.compile(r"\d")


def _cue(text: str) -> str:
    """A cue as a feature value: lower case, digits as ``0``, spaces collapsed."""
    return DIGITS_RE.sub("0", " ".join(text.lower().split()))


def _word_value(word: str) -> str:
    """A context word as a feature value: :func:`_cue` of one word, which has no spaces."""
    return DIGITS_RE.sub("0", word.lower())


def _word_start(view: DocTokens, i: int) -> int:
    """The offset where the word ending with token ``i`` starts: the tokenizer splits some
    hyphenated names (``fluorouracil - uracil``) that :data:`_WORD` reads as one."""
    words, starts = view.words, view.starts
    while i >= 2 and words[i - 1] == "-" and starts[i - 2] + len(words[i - 2]) == starts[i - 1] == starts[i] - 1:
        i -= 2
    return starts[i]


def _listed_before(view: DocTokens, start: int) -> re.Match[str] | None:
    """BEFORE_DRUG_RE's match ending at ``start`` (a DRUG span's), tried at the few words before
    it, nearest first (a list's separators are at most three tokens: ``X followed by and``)."""
    i = bisect_left(view.starts, start)
    for j in range(i - 1, max(-1, i - 5), -1):
        if view.lowers[j][:1].isalpha():
            match = BEFORE_DRUG_RE.match(view.folded, _word_start(view, j), start)
            if match is not None:
                return match
    return None


def candidates(view: DocTokens, drugs: Sequence[Span], *, masked: bool = False) -> dict[Span, list[str]]:
    """Words of ``view.folded`` in drug contexts, with the cues that found each: not overlapping
    ``drugs`` (the spans the rules found), unless ``masked`` (training: the rules' own finds, taken
    as unknown).

    The cue patterns are tried only at the tokens that can begin a cue (a cue word, a number, a
    bracket, a brand mark, a slash), each anchored there: scanning every character of a long record
    with them cost more than the rest of the scorer."""
    text, lowers, starts = view.folded, view.lowers, view.starts
    found: dict[Span, list[str]] = {}

    def add(start: int, end: int, cue: str) -> None:
        cues = found.setdefault((start, end), [])
        if cue not in cues:
            cues.append(cue)

    # Where the last match of each pattern ended: as a scan of the whole text would, a pattern
    # does not match again inside its last match ("250 mg daily" is "X 250 mg", not "mg daily").
    left_end = right_end = slash_end = 0
    for i in [i for i, lower in enumerate(lowers) if lower in _CUE_TOKENS or lower[:1] in _RIGHT_CUE_CHARS]:
        lower = lowers[i]
        if lower in LEFT_CUE_WORDS:
            if starts[i] >= left_end:
                match = LEFT_CUE_RE.match(text, starts[i])
                if match is not None:
                    add(match.start("word"), match.end("word"), "left:" + _cue(match.group("cue")))
                    left_end = match.end()
        elif i == 0 or not lowers[i - 1][:1].isalpha():
            continue  # a right cue or a slash follows the word itself, not a number or "(" ("(5 mg")
        elif lower == "/":
            word_start = _word_start(view, i - 1)
            match = SLASH_RE.match(text, word_start) if word_start >= slash_end else None
            if match is not None:
                add(match.start("a"), match.end("a"), "slash")
                add(match.start("b"), match.end("b"), "slash")
                slash_end = match.end()
        else:
            word_start = _word_start(view, i - 1)
            match = RIGHT_CUE_RE.match(text, word_start) if word_start >= right_end else None
            if match is not None:
                cue = match.group("cue")
                add(match.start("word"), match.end("word"), "right:" + ("dose" if DOSE_RE.match(cue) else _cue(cue)))
                right_end = match.end()
    for start, end in drugs:
        after = AFTER_DRUG_RE.match(text, end)
        if after is not None:
            add(after.start("word"), after.end("word"), "after_drug")
        before = _listed_before(view, start)
        if before is not None:
            add(before.start("word"), before.end("word"), "before_drug")
    taken = set() if masked else {i for s, e in drugs for i in range(s, e)}
    excluded = not_names()
    return {
        (s, e): cues
        for (s, e), cues in found.items()
        if e - s >= 2 and text[s:e].lower() not in excluded and not any(i in taken for i in range(s, e))
    }


@cache
def not_names() -> frozenset[str]:
    """Words never taken as candidates: English function words and the DRUG denylist's single
    words (modalities, generic words, dose forms, genes: the contract's non-drugs)."""
    denied = {row["term"].lower() for row in package_data("drug_denylist.jsonl") if " " not in row["term"]}
    return frozenset(STOP_WORDS | denied)


def _shape(word: str) -> str:
    """``Xxxx`` shape with runs of one class cut to two (``SHR-1210`` → ``XX-dd``)."""
    out: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if len(out) < 2 or out[-1] != kind or out[-2] != kind:
            out.append(kind)
    return "".join(out)


def section_of(sections: Iterable[Mapping[str, Any]], start: int) -> str:
    """The name of the innermost section holding offset ``start``, or ``none``."""
    name = "none"
    for section in sections:
        if section["start"] <= start < section["end"]:
            name = section["name"]
    return name


def word_features(word: str) -> tuple[str, ...]:
    """The features of the word itself (its every occurrence has them): the word, its prefixes,
    suffixes and character trigrams, its shape, length and case."""
    lower = word.lower()
    marked = f"^{lower}$"
    feats = {f"w={lower}", f"shape={_shape(word)}", f"len={min(len(word), 12)}"}
    feats.update(f"pre={marked[: n + 1]}" for n in (2, 3, 4))
    feats.update(f"suf={marked[-n - 1 :]}" for n in (2, 3, 4, 5))
    feats.update(f"c3={marked[i : i + 3]}" for i in range(len(marked) - 2))
    if word.isupper():
        feats.add("upper")
    elif word[:1].isupper():
        feats.add("title")
    if any(c.isdigit() for c in word):
        feats.add("digit")
    if "-" in word:
        feats.add("hyphen")
    return tuple(sorted(feats))


def context_features(
    text: str, start: int, end: int, cues: Sequence[str], drugs: "DrugOffsets", section: str
) -> list[str]:
    """The features of the candidate ``text[start:end]``'s occurrence: the cues that found it, the
    words around it, a dose unit after it, a DRUG span near it, its section."""
    feats = {f"sec={section}"}
    feats.update(f"cue={cue}" for cue in cues)
    left = CONTEXT_WORD_RE.findall(text, max(0, start - WINDOW), start)[-CONTEXT_WORDS:]
    right = CONTEXT_WORD_RE.findall(text, end, end + WINDOW)[:CONTEXT_WORDS]
    for i, token in enumerate(reversed(left)):
        value = _word_value(token)
        feats.add(f"lw={value}")
        if i < 2:
            feats.add(f"l{i + 1}={value}")
    for i, token in enumerate(right):
        value = _word_value(token)
        feats.add(f"rw={value}")
        if i < 2:
            feats.add(f"r{i + 1}={value}")
    unit = DOSE_RE.match(text, end)
    if unit is not None:
        feats.add(f"unit={unit.group(1).lower()}")
    ends = drugs.ends
    i = bisect_right(ends, start)  # a span ending at the candidate's start or before it
    if i and ends[i - 1] > start - WINDOW:
        feats.add("drug_left")
    starts = drugs.starts
    i = bisect_left(starts, end)  # a span starting at the candidate's end or after it
    if i < len(starts) and starts[i] < end + WINDOW:
        feats.add("drug_right")
    return sorted(feats)


class DrugOffsets(NamedTuple):
    """The starts and the ends of a document's DRUG spans, each sorted: a span near a candidate
    is two binary searches away."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, drugs: Iterable[Span]) -> "DrugOffsets":
        spans = list(drugs)
        return cls(sorted(s for s, _ in spans), sorted(e for _, e in spans))


def features(text: str, start: int, end: int, cues: Sequence[str], drugs: Sequence[Span], section: str) -> list[str]:
    """The candidate ``text[start:end]`` as feature strings (each present once, value 1)."""
    context = context_features(text, start, end, cues, DrugOffsets.of(drugs), section)
    return sorted({*word_features(text[start:end]), *context})


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value)) if value >= 0 else math.exp(value) / (1.0 + math.exp(value))


@dataclass
class DrugScorer:
    """A linear model over :func:`features`: a weight per feature string, an intercept, and the
    probability from which a candidate is kept."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    # The summed weights of word_features(word) by word: a name recurs through a record and across
    # records. Bounded (cleared when full); the weights are never changed after loading.
    _word_weights: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def probability(self, feats: Iterable[str]) -> float:
        """P(DRUG) of a candidate with features ``feats``."""
        return _sigmoid(self.intercept + self._weight(feats))

    def _weight(self, feats: Iterable[str]) -> float:
        weights = self.weights
        return sum(weights.get(f, 0.0) for f in feats)

    def _word_weight(self, word: str) -> float:
        memo = self._word_weights
        weight = memo.get(word)
        if weight is None:
            if len(memo) >= WORD_MEMO:
                memo.clear()
            weight = memo[word] = self._weight(word_features(word))
        return weight

    def score(self, doc: Doc, text: str, drugs: Sequence[Span]) -> list[tuple[int, int, float]]:
        """``(start, end, probability)`` of every candidate of ``doc`` (whose folded text is
        ``text``) beside the spans ``drugs``."""
        sections = doc._.trialspacy_sections or []
        offsets = DrugOffsets.of(drugs)
        out = []
        for (s, e), cues in candidates(doc_tokens(doc), drugs).items():
            # probability(features(...)): the word's features and the occurrence's are disjoint.
            context = self._weight(context_features(text, s, e, cues, offsets, section_of(sections, s)))
            out.append((s, e, _sigmoid(self.intercept + self._word_weight(text[s:e]) + context)))
        return out

    def find(self, doc: Doc, text: str, found: Sequence[Candidate]) -> list[Candidate]:
        """DRUG candidates (agents, normalized as written in lower case) for the words the scorer
        keeps beside the rules' spans ``found``."""
        drugs = [(s, e) for s, e, _ in found]
        return [
            (s, e, {"normalized": text[s:e].lower(), "kind": "agent", "drugbank_id": None})
            for s, e, p in self.score(doc, text, drugs)
            if p >= self.threshold
        ]

    def to_bytes(self) -> bytes:
        """The scorer as gzip-compressed JSONL: a header row, then one row per feature, sorted
        (the same scorer gives the same bytes)."""
        header = {"format": FORMAT, "intercept": self.intercept, "threshold": self.threshold, "meta": self.meta}
        rows = [header] + [{"feature": f, "weight": w} for f, w in sorted(self.weights.items())]
        data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode("utf-8")
        return gzip.compress(data, mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes) -> "DrugScorer":
        """The scorer saved by :meth:`to_bytes`."""
        lines = gzip.decompress(data).decode("utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("format") != FORMAT:
            raise ValueError(f"not a trialspacy drug scorer: format {header.get('format')!r}, expected {FORMAT!r}")
        weights = {row["feature"]: float(row["weight"]) for row in map(json.loads, lines[1:])}
        return cls(weights, float(header["intercept"]), float(header["threshold"]), dict(header.get("meta") or {}))


def default_scorer_bytes() -> bytes:
    """The scorer shipped with the package (``data/drug_scorer.jsonl.gz``), as saved."""
    return resources.files("trialspacy").joinpath("data", SCORER_FILE).read_bytes()
