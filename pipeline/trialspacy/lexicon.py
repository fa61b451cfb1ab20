"""Token-sequence term lookup, shared by the dictionary-based components.

Terms are stored pre-tokenized (by trialspacy's own tokenizer, at build time), so loading a
100,000-term lexicon is a JSON read, not 100,000 calls to the tokenizer. Matching walks the
tokens once: only a token that starts some term triggers a look-up of the n-grams it begins.
"""

import gzip
import json
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from itertools import compress, filterfalse
from operator import itemgetter, or_
from typing import Any, NamedTuple

from spacy.attrs import IDX, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .text import fold, fold_key

Payload = dict[str, Any]
Match = tuple[int, int, Payload]


class DocTokens(NamedTuple):
    """A document's text and its tokens' texts, lower-case forms and start offsets, as matchers
    see them: ``folded`` is the text as the regular-expression components read it, ``words`` and
    ``lowers`` the tokens as the term matchers do (folded for registry text, see
    :func:`read_as_registry_text`; else ``text`` and the token texts)."""

    text: str
    folded: str
    words: list[str]
    lowers: list[str]
    starts: list[int]

    def token_text(self, i: int) -> str:
        """The text of token ``i`` as written (``words`` holds it folded for registry text; folding
        keeps every length): cheaper than a Token object's."""
        start = self.starts[i]
        return self.text[start : start + len(self.words[i])]


# spaCy rebuilds Doc.text from the tokens on every access, and every component needs the text and
# the token strings: each document's view is built once and held weakly by the document itself (it
# lives and dies with the doc; it is never serialized, pickled or sent to another process, as a value
# in ``doc.user_data`` would be). A retokenized doc has another length and gets a fresh view.
_VIEWS: "weakref.WeakKeyDictionary[Doc, DocTokens]" = weakref.WeakKeyDictionary()
# The documents whose tokenizer reads registry text (trialspacy's, with ``registry_text``, marks those
# it makes that hold a character to fold): their matchers see the folded view. Held weakly, as the views are.
_REGISTRY_TEXT: "weakref.WeakSet[Doc]" = weakref.WeakSet()


def read_as_registry_text(doc: Doc) -> Doc:
    """Mark ``doc`` so that its matchers see its text folded (full-width letters and digits, CJK
    punctuation as ASCII: see :func:`trialspacy.text.fold`) and its tokens without invisible
    characters, while offsets and spans stay in the text as written."""
    _REGISTRY_TEXT.add(doc)
    return doc


def doc_tokens(doc: Doc) -> DocTokens:
    """The text, token texts, lower-case forms and token offsets of ``doc``, built once."""
    view = _VIEWS.get(doc)
    if view is not None and len(view.words) == len(doc):
        return view
    # One array read and string-store look-ups: cheaper than making a Token object per token.
    rows = doc.to_array([ORTH, IDX, SPACY])
    strings = doc.vocab.strings
    words = [strings[orth] for orth in rows[:, 0].tolist()]
    text = "".join([w + " " if space else w for w, space in zip(words, rows[:, 2].tolist())])  # = Doc.text
    starts = rows[:, 1].tolist()
    if doc in _REGISTRY_TEXT:
        view = DocTokens(text, fold(text), [fold(w) for w in words], [fold_key(w).lower() for w in words], starts)
    else:
        view = DocTokens(text, text, words, [word.lower() for word in words], starts)  # lowers: spaCy's LOWER
    _VIEWS[doc] = view
    return view


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document (see :func:`doc_tokens`)."""
    return doc_tokens(doc).text


def folded_text(doc: Doc) -> str:
    """``doc.text`` as the regular-expression components read it: folded for registry text (see
    :func:`read_as_registry_text`), with the same length, so that its offsets are the text's."""
    return doc_tokens(doc).folded


# A token the tokenizer makes of the white space between two words of one line or of a hard-wrapped
# line: spaces, or one line break and the next line's indentation (a line break alone, or a blank
# line, ends a criterion and is no wrap).
_WRAP = re.compile(r"[ \t]*(?:\r?\n)?[ \t]+")


def _joins(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is a hyphen between two words of letters ("platelet-rich",
    "granulocyte-macrophage"), which a term may write as a space; a hyphen next to a digit, a
    letter or a code ("5-FU", "hepatitis-B", "PD-1") is part of the name."""
    if words[i] != "-" or not 0 < i < len(words) - 1:
        return False
    left, right = words[i - 1], words[i + 1]
    return len(left) > 1 and len(right) > 1 and left.isalpha() and right.isalpha()


def _dehyphenated(key: tuple[str, ...]) -> tuple[str, ...]:
    """``key`` without its joining hyphens (see :func:`_joins`)."""
    return tuple(t for i, t in enumerate(key) if not _joins(key, i))


def _kept(view: DocTokens, start: int, stop: int, wraps: bool, hyphens: bool) -> list[int] | None:
    """The positions of ``view.words[start:stop]`` that are no wrap (see ``_WRAP``) with ``wraps``,
    and no joining hyphen written without spaces (see :func:`_joins`) with ``hyphens``, or None
    when all are kept (or one word is all there is). Those tokens are few: found in C, then tested."""
    words, starts = view.words, view.starts
    skipped: set[int] = set()
    if wraps:
        blank = compress(range(start, stop), map(str.isspace, words[start:stop]))
        skipped.update(i for i in blank if _WRAP.fullmatch(words[i]))
    if hyphens:
        dashes = compress(range(start + 1, stop - 1), map("-".__eq__, words[start + 1 : stop - 1]))
        skipped.update(
            i
            for i in dashes
            if _joins(words, i) and starts[i] == starts[i - 1] + len(words[i - 1]) and starts[i + 1] == starts[i] + 1
        )
    if not skipped:
        return None
    kept = list(filterfalse(skipped.__contains__, range(start, stop)))
    return kept if len(kept) > 1 else None


class TermIndex:
    """Exact matching of token sequences, case-insensitive or case-sensitive per term."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, ...], Payload] = {}
        self._cased: dict[tuple[str, ...], Payload] = {}
        self._max_len: dict[str, int] = {}
        # The one-token terms and the prefixes of two tokens or more of the longer ones, lower-case,
        # built on the first find (an ``add`` drops them; see _shapes).
        self._shapes: tuple[frozenset[str], frozenset[tuple[str, ...]]] | None = None
        # The terms that hold a joining hyphen, filed without it (lower-case, then case-sensitive),
        # for the matching across hyphens; built on the first find, as the shapes are.
        self._joined: tuple[dict[tuple[str, ...], Payload], dict[tuple[str, ...], Payload]] | None = None

    def __len__(self) -> int:
        return len(self._terms) + len(self._cased)

    def add(
        self, tokens: Sequence[str], payload: Payload, case_sensitive: bool = False, override: bool = False
    ) -> None:
        """Add a term; a later entry for the same tokens replaces an earlier one. With ``override``
        it also replaces the entries of the same tokens in any case (a user's term replaces a
        built-in one however either is cased)."""
        if not tokens:
            return
        key = tuple(tokens) if case_sensitive else tuple(t.lower() for t in tokens)
        if override:
            lowered = tuple(t.lower() for t in tokens)
            self._terms.pop(lowered, None)
            for cased in [k for k in self._cased if tuple(t.lower() for t in k) == lowered]:
                del self._cased[cased]
        (self._cased if case_sensitive else self._terms)[key] = payload
        first = key[0].lower()
        self._max_len[first] = max(self._max_len.get(first, 0), len(key))
        self._shapes = self._joined = None

    def _hyphen_free(self) -> tuple[dict[tuple[str, ...], Payload], dict[tuple[str, ...], Payload]]:
        """The terms that hold a joining hyphen (see :func:`_joins`), filed without it: "platelet -
        rich plasma" as ("platelet", "rich", "plasma"), lower-case terms and case-sensitive ones."""
        if self._joined is None:
            joined: list[dict[tuple[str, ...], Payload]] = [{}, {}]
            for n, table in enumerate((self._terms, self._cased)):
                for key, payload in table.items():
                    if "-" in key and (bare := _dehyphenated(key)) != key:
                        joined[n].setdefault(bare, payload)
            self._joined = joined[0], joined[1]
        return self._joined

    def _lower_shapes(self) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
        """The one-token terms and the prefixes of two tokens or more of the longer terms, as the
        matchers' lower-case forms that can start a match (see :meth:`find`)."""
        if self._shapes is None:
            # A case-sensitive term is compared with the tokens as written: it is filed under the
            # lower-case forms of those tokens in both views (see doc_tokens), so that find never
            # passes it by.
            keys = [*self._terms]
            keys += [tuple(t.lower() for t in key) for key in self._cased]
            keys += [tuple(fold_key(t).lower() for t in key) for key in self._cased]
            # A term written with a hyphen is also looked for without it (see find).
            keys += [tuple(t.lower() for t in key) for table in self._hyphen_free() for key in table]
            keys = [key for key in keys if key[0] in self._max_len]
            singles = frozenset(key[0] for key in keys if len(key) == 1)
            prefixes = frozenset(key[:n] for key in keys for n in range(2, len(key) + 1))
            self._shapes = singles, prefixes
        return self._shapes

    def get(self, tokens: Sequence[str]) -> Any:
        """The payload of exactly these tokens, or None."""
        hit = self._cased.get(tuple(tokens))
        return hit if hit is not None else self._terms.get(tuple(t.lower() for t in tokens))

    def find(
        self, doc: Doc, start: int = 0, end: int = -1, across_wraps: bool = False, across_hyphens: bool = False
    ) -> Iterator[Match]:
        """Yield ``(start, end, payload)`` token matches, longest first at each position,
        left to right, without overlaps. With ``across_wraps`` a term may run over a line wrap or
        a run of spaces between its words (hard-wrapped criteria: "DPP-4\\n      inhibitors"), which
        the tokenizer makes a token of its own; the match then holds that token. With
        ``across_hyphens`` a hyphen between two words of letters matches a space of the term and
        the reverse ("granulocyte-macrophage colony-stimulating factor" for "granulocyte macrophage
        colony stimulating factor", "platelet rich plasma" for "platelet-rich plasma"); a term spelt
        as the text is preferred to one spelt the other way."""
        view = doc_tokens(doc)
        words, lowers = view.words, view.lowers
        stop = len(words) if end < 0 else end
        # The wraps and joining hyphens skipped, the matching walks the other tokens, and ``kept``
        # maps its positions back.
        kept = _kept(view, start, stop, across_wraps, across_hyphens) if across_wraps or across_hyphens else None
        written = lowers
        if kept is not None:
            pick = itemgetter(*kept)
            words, lowers, start, stop = list(pick(words)), list(pick(lowers)), 0, len(kept)
        max_len, cased, terms = self._max_len, self._cased, self._terms
        singles, prefixes = self._lower_shapes()
        joined_terms, joined_cased = self._hyphen_free() if across_hyphens else ({}, {})
        # Only a token that is a one-token term, or that starts a longer one with the next token,
        # can start a match: find those in one pass (in C: a Python loop over every token of a long
        # document costs several times more), then grow each match only while its tokens are a
        # term's prefix (a look-up or two per match, not one per length up to the longest term's).
        segment = lowers[start:stop]
        pairs = zip(segment, segment[1:] + [""])
        starts = compress(
            range(start, stop), map(or_, map(singles.__contains__, segment), map(prefixes.__contains__, pairs))
        )
        free = start  # the first token not inside the last match
        for i in starts:
            if i < free:
                continue
            key: tuple[str, ...] = (lowers[i],)
            size, longest = 1, min(max_len[key[0]], stop - i)
            while size < longest and (grown := key + (lowers[i + size],)) in prefixes:
                key, size = grown, size + 1
            for n in range(size, 0, -1):
                payload = None
                if across_hyphens and kept is not None and kept[i + n - 1] - kept[i] >= n:
                    # The text has a hyphen (or a wrap) there: a term spelt as the text is first.
                    payload = terms.get(tuple(written[kept[i] : kept[i + n - 1] + 1]))
                if payload is None and cased:
                    payload = cased.get(tuple(words[i : i + n]))
                if payload is None:
                    payload = terms.get(key[:n])
                if payload is None and across_hyphens:
                    payload = joined_cased.get(tuple(words[i : i + n])) if joined_cased else None
                    if payload is None:
                        payload = joined_terms.get(key[:n])
                if payload is not None:
                    yield (i, i + n, payload) if kept is None else (kept[i], kept[i + n - 1] + 1, payload)
                    free = i + n
                    break

    def to_records(self) -> list[Payload]:
        """JSON-safe entries (``tokens``, ``case_sensitive`` and the payload)."""
        rows = [dict(p, tokens=list(k), case_sensitive=False) for k, p in self._terms.items()]
        rows += [dict(p, tokens=list(k), case_sensitive=True) for k, p in self._cased.items()]
        return rows

    @classmethod
    def from_records(cls, rows: Iterable[Payload]) -> "TermIndex":
        """Inverse of :meth:`to_records`."""
        index = cls()
        for row in rows:
            row = dict(row)
            tokens = row.pop("tokens")
            cased = row.pop("case_sensitive", False)
            index.add(tokens, row, case_sensitive=cased)
        return index


def tokenize_terms(nlp: Language, texts: Iterable[str]) -> list[list[str]]:
    """Token texts of each term, by ``nlp``'s tokenizer (used when building lexicons)."""
    return [[t.text for t in nlp.tokenizer(text) if not t.is_space] for text in texts]


def read_jsonl(path: Any) -> list[Payload]:
    """Rows of a JSONL file, gzip-compressed when its name ends in ``.gz``."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Any, rows: Iterable[Payload]) -> None:
    """Write rows as JSONL (gzip when the name ends in ``.gz``, with a fixed mtime so builds
    are byte-reproducible)."""
    data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode("utf-8")
    if str(path).endswith(".gz"):
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(data)
    else:
        with open(path, "wb") as raw:
            raw.write(data)


def package_data(name: str) -> list[Payload]:
    """Rows of a JSONL data file shipped in ``trialspacy/data``."""
    ref = resources.files("trialspacy").joinpath("data", name)
    with resources.as_file(ref) as path:
        return read_jsonl(path)
