"""A learned scorer for drug names the lexicon cannot know (``treated with X``, ``X 100 mg``,
``cisplatin, X and paclitaxel``).

The rules run first; this module then looks only at words they left alone, in drug contexts:

1. :func:`candidates` finds, with a few regular expressions over the text (linear, a handful per
   document), single words after a treatment verb, before a dose or a dose form, marked ``®``, or
   listed beside a DRUG span the rules found;
2. :func:`features` describes each as strings (the word, its character n-grams and shape, the words
   around it, the cue that found it, its section);
3. :class:`DrugScorer`, a logistic regression stored as the weights of those strings (no pickle),
   keeps the candidates whose probability reaches its threshold.

The weights are made by ``scripts/train_drug_scorer.py`` (see ``models/drug_scorer/README.md``) and
shipped as package data (``data/drug_scorer.jsonl.gz``); a saved pipeline carries its own copy.
"""

import gzip
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ...lexicon import package_data
from ...spans import Candidate

SCORER_FILE = "drug_scorer.jsonl.gz"
FORMAT = "trialspacy-drug-scorer/1"

Span = tuple[int, int]

# A word as a drug name is written: letters first, then letters, digits and inner hyphens
# (``SHR-1210``, ``fluorouracil-uracil``); ``/`` separates names (``Flu/Mel``).
_WORD = r"(?<![\w\-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?!\w)"
# What comes before an agent: a treatment verb or a route.
LEFT_CUE_RE = re.compile(
    r"\b(?P<cue>with|plus|receiv(?:e|es|ed|ing)|given|administered|administration of|versus|vs\.?|use of|using"
    r"|tak(?:e|es|ing)|took|prior|previous|concurrent|concomitant|oral|intravenous|topical|subcutaneous"
    r"|inhaled|doses? of|followed by|requiring|(?:hypersensitivity|allergy|allergic|intolerance|intolerant) (?:to|towards)"
    r")\s+(?:(?:any|a|an|the|other|all)\s+)?(?P<word>" + _WORD + ")",
    re.IGNORECASE,
)
# A dose (``100 mg``, ``(5 mg/kg``, ``2-4 MIU``), its unit captured.
_DOSE = r"\(?\s*\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*(mg|g|mcg|µg|μg|ug|ng|iu|miu|units?|u|ml|mmol|mbq|mci|gbq)(?![a-z])"
DOSE_RE = re.compile(r"\s*" + _DOSE, re.IGNORECASE)
# What comes after one: a dose, a dose form, a salt, a route or schedule, a brand mark.
RIGHT_CUE_RE = re.compile(
    r"(?P<word>" + _WORD + r")(?P<cue>\s*Â?[®™]"
    r"|\s*" + _DOSE + r"|\s+(?:injections?|tablets?|capsules?|therapy|treatment|infusion|monotherapy|regimen"
    r"|hydrochloride|hcl|sodium|mesylate|cream|ointment|gel|solution|suspension|orally|intravenously|iv|po|sc|im|daily|bid|tid"
    r"|qd|alone)\b|\s*\(\s*n\s*=)",
    re.IGNORECASE,
)
# A name listed beside a DRUG span: after it, or before it.
_LIST = r"(?:,|;|\+|/|\(|、|，|\band\b|\bor\b|\bplus\b|\bversus\b|\bvs\.?|\bwith\b|\bfollowed by\b)"
AFTER_DRUG_RE = re.compile(r"\s*" + _LIST + r"\s*(?:and\s+|or\s+)?(?P<word>" + _WORD + ")", re.IGNORECASE)
BEFORE_DRUG_RE = re.compile(r"(?P<word>" + _WORD + r")\s*" + _LIST + r"\s*(?:and\s+|or\s+)?$", re.IGNORECASE)
# Two names joined by a slash (``Flu/Mel``), neither found by the rules.
SLASH_RE = re.compile(r"(?P<a>" + _WORD.replace("(?!\\w)", "") + r")/(?P<b>" + _WORD + ")")
# How far to look for the listed name and for the context words.
WINDOW = 60
CONTEXT_WORDS = 4
CONTEXT_WORD_RE = re.compile(r"\w+|[^\w\s]")
DIGITS_RE = re.compile(r"\d")


def _cue(text: str) -> str:
    """A cue as a feature value: lower case, digits as ``0``, spaces collapsed."""
    return DIGITS_RE.sub("0", " ".join(text.lower().split()))


def candidates(text: str, drugs: Sequence[Span], *, masked: bool = False) -> dict[Span, list[str]]:
    """Words in drug contexts, with the cues that found each: not overlapping ``drugs`` (the
    spans the rules found), unless ``masked`` (training: the rules' own finds, taken as unknown)."""
    found: dict[Span, list[str]] = {}

    def add(start: int, end: int, cue: str) -> None:
        found.setdefault((start, end), []).append(cue)

    for match in LEFT_CUE_RE.finditer(text):
        add(match.start("word"), match.end("word"), "left:" + _cue(match.group("cue")))
    for match in RIGHT_CUE_RE.finditer(text):
        cue = match.group("cue")
        add(match.start("word"), match.end("word"), "right:" + ("dose" if DOSE_RE.match(cue) else _cue(cue)))
    for match in SLASH_RE.finditer(text):
        add(match.start("a"), match.end("a"), "slash")
        add(match.start("b"), match.end("b"), "slash")
    for start, end in drugs:
        after = AFTER_DRUG_RE.match(text, end)
        if after is not None:
            add(after.start("word"), after.end("word"), "after_drug")
        before = BEFORE_DRUG_RE.search(text, max(0, start - WINDOW), start)
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


def features(text: str, start: int, end: int, cues: Sequence[str], drugs: Sequence[Span], section: str) -> list[str]:
    """The candidate ``text[start:end]`` as feature strings (each present once, value 1)."""
    word = text[start:end]
    lower = word.lower()
    marked = f"^{lower}$"
    feats = {f"w={lower}", f"shape={_shape(word)}", f"len={min(len(word), 12)}", f"sec={section}"}
    feats.update(f"cue={cue}" for cue in cues)
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
    left = CONTEXT_WORD_RE.findall(text[max(0, start - WINDOW) : start])[-CONTEXT_WORDS:]
    right = CONTEXT_WORD_RE.findall(text[end : end + WINDOW])[:CONTEXT_WORDS]
    for i, token in enumerate(reversed(left)):
        feats.add(f"lw={_cue(token)}")
        if i < 2:
            feats.add(f"l{i + 1}={_cue(token)}")
    for i, token in enumerate(right):
        feats.add(f"rw={_cue(token)}")
        if i < 2:
            feats.add(f"r{i + 1}={_cue(token)}")
    unit = DOSE_RE.match(text, end)
    if unit is not None:
        feats.add(f"unit={unit.group(1).lower()}")
    near = [(s, e) for s, e in drugs if (s, e) != (start, end) and s < end + WINDOW and e > start - WINDOW]
    if any(e <= start for s, e in near):
        feats.add("drug_left")
    if any(s >= end for s, e in near):
        feats.add("drug_right")
    return sorted(feats)


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

    def probability(self, feats: Iterable[str]) -> float:
        """P(DRUG) of a candidate with features ``feats``."""
        weights = self.weights
        return _sigmoid(self.intercept + sum(weights.get(f, 0.0) for f in feats))

    def score(self, doc: Doc, text: str, drugs: Sequence[Span]) -> list[tuple[int, int, float]]:
        """``(start, end, probability)`` of every candidate of ``doc`` beside the spans ``drugs``."""
        sections = doc._.trialspacy_sections or []
        return [
            (s, e, self.probability(features(text, s, e, cues, drugs, section_of(sections, s))))
            for (s, e), cues in candidates(text, drugs).items()
        ]

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
