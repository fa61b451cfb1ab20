"""Misspellings of the drug names a record mentions (``acitinib`` for ``Axitinib``): a bounded
edit distance with transpositions and a symmetric-delete index."""

import functools
from collections.abc import Iterable
from collections.abc import Set as AbstractSet


def within_edit_distance(a: str, b: str, limit: int) -> bool:
    """True when ``a`` and ``b`` are at most ``limit`` edits apart (insertions, deletions,
    substitutions, and transpositions of neighbours: ``doectaxel`` is one edit from
    ``docetaxel``)."""
    if abs(len(a) - len(b)) > limit:
        return False
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit and (not before or min(previous) > limit):
            return False
        before, previous = previous, current
    return previous[-1] <= limit


@functools.lru_cache(maxsize=4096)
def _deletions(word: str, depth: int) -> frozenset[str]:
    """``word`` and every string made from it by deleting up to ``depth`` characters; cached, since
    the words of trial text that a record's names make worth looking up recur from record to record."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return frozenset(found)


def spelling_limit(name: str) -> int:
    """Edit distance accepted for a misspelling of drug name ``name``: 1, or 2 from ten
    characters on."""
    return 2 if len(name) >= 10 else 1


@functools.lru_cache(maxsize=4096)
def _name_entries(name: str, most: int = 2) -> tuple[frozenset[tuple[int, str]], frozenset[str]]:
    """The (length, first two / last three letters) keys and the deletion variants a
    :class:`SpellingIndex` files ``name`` under, for at most ``most`` edits; cached, since an
    index is made per document from the names it mentions, and the same names recur from
    document to document."""
    limit = min(spelling_limit(name), most)
    keys = set()
    for length in range(len(name) - limit, len(name) + limit + 1):
        keys.update({(length, name[:2]), (length, name[-3:])})
    return frozenset(keys), _deletions(name, limit)


# An index of this many names or more (the dictionary's generic names) files every name's deletion
# variants once, so that a word's variants are looked up in that table. A record names few drugs:
# there a word's variants are compared with each name's set, in C, which costs less than filing
# every name's variants for each record.
_FILED_FROM = 64


class SpellingIndex:
    """Finds the drug name of a record that a word misspells (symmetric-delete look-up).

    A word is looked up only if it shares, with a name within reach of its length, the first two
    letters or the last three: one edit cannot change both, two rarely do. ``most`` caps the edits
    (:func:`spelling_limit` otherwise)."""

    def __init__(self, names: Iterable[str], most: int = 2) -> None:
        self._most = most
        self._variants: dict[str, frozenset[str]] = {}
        self._keys: set[tuple[int, str]] = set()
        for name in names:
            keys, variants = _name_entries(name, most)
            self._keys.update(keys)
            self._variants[name] = variants
        self._by_deletion: dict[str, set[str]] | None = None
        if len(self._variants) >= _FILED_FROM:
            self._by_deletion = {}
            for name, variants in self._variants.items():
                for variant in variants:
                    self._by_deletion.setdefault(variant, set()).add(name)

    def __bool__(self) -> bool:
        return bool(self._variants)

    @property
    def keys(self) -> AbstractSet[tuple[int, str]]:
        """The (length, first two letters) and (length, last three letters) of the words within reach
        of a name: :meth:`match` looks up no other word."""
        return self._keys

    def match(self, word: str) -> str | None:
        """The one name ``word`` misspells, or None (an exact name is not a misspelling)."""
        if (len(word), word[:2]) not in self._keys and (len(word), word[-3:]) not in self._keys:
            return None
        variants = _deletions(word, min(2 if len(word) >= 8 else 1, self._most))
        if self._by_deletion is None:
            candidates = {n for n, own in self._variants.items() if not own.isdisjoint(variants)}
        else:
            filed = self._by_deletion
            candidates = {n for variant in variants for n in filed.get(variant, ())}
        close = sorted(
            n for n in candidates if n != word and within_edit_distance(word, n, min(spelling_limit(n), self._most))
        )
        return close[0] if len(close) == 1 else None
