"""Formulations that are their own product, and salt forms that are not (contract v1.2).

A formulation word written with an agent makes one product with its own name: ``liposomal
doxorubicin``, ``pegylated interferon alfa-2b``, ``nab-paclitaxel``, ``paclitaxel protein-bound
particles``. The span grows over the word and ``normalized`` names the product
(``liposomal doxorubicin``, ``peginterferon alfa-2b``, ``nab-paclitaxel``). A salt word
(``imatinib mesylate``, ``leucovorin calcium``) is covered by the span too, but the product is the
parent agent: ``normalized`` drops it, also when the lexicon's name carries it (``megestrol
acetate`` -> ``megestrol``), unless the two make a compound of their own (an ion's salt, an ester).
How a protein was made, written before it (``recombinant tissue plasminogen activator``), is covered
the same way: a prefix whose template is the parent's name alone.

The words, the name each formulation gives its product, and the ions whose salts are products of
their own (``calcium carbonate``) are listed with a reason each in ``data/drug_formulations.jsonl``.
"""

import re
from collections.abc import Iterable

from ...lexicon import package_data
from ...spans import Candidate

_ROWS = package_data("drug_formulations.jsonl")
# Formulation words before and after an agent, with the template of the product's name.
PREFIXES = {row["text"]: row["normalized"] for row in _ROWS if row["role"] == "prefix"}
SUFFIXES = {row["text"]: row["normalized"] for row in _ROWS if row["role"] == "suffix"}
SALTS = frozenset(row["text"] for row in _ROWS if row["role"] == "salt")
IONS = frozenset(row["text"] for row in _ROWS if row["role"] == "ion")


def _either(words: Iterable[str]) -> str:
    # Longest first, so that ``pegylated liposomal`` is preferred to ``pegylated``.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# A prefix joined to the agent by spaces or a hyphen (``nab-paclitaxel``), ending where the agent starts.
_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{_either(PREFIXES)})(?:\s+|-)\Z", re.IGNORECASE)
# Salt and formulation words right after the agent (``doxorubicin hydrochloride liposome``).
_AFTER_RE = re.compile(rf"(?:\s+(?:{_either(SALTS | SUFFIXES.keys())}))+(?![\w-])", re.IGNORECASE)
# The same words at the edges of a name, to take them off it.
_LEADING_RE = re.compile(rf"^(?:{_either(PREFIXES)})(?:\s+|-)", re.IGNORECASE)
_TRAILING_RE = re.compile(rf"\s+(?:{_either(SALTS | SUFFIXES.keys())})$", re.IGNORECASE)
# How far before an agent a prefix may start (the longest prefix and its joining space).
_REACH = max(map(len, PREFIXES)) + 2


def _key(words: str) -> str:
    return " ".join(words.lower().split())


def _keeps_salt(parent: str) -> bool:
    """True when the words before a salt word make a compound with it that is its own product: an
    ion's salt (``calcium carbonate``), or an ester, whose parent ends in an alkyl or aryl group
    (``dimethyl fumarate``, ``sodium tetradecyl sulfate``; not ``dimethyl``)."""
    key = _key(parent)
    return key in IONS or key.endswith("yl")


def product_name(surface: str, normalized: str) -> str | None:
    """The normalized name of the product written ``surface`` whose agent the lexicon calls
    ``normalized``, or None when ``surface`` has no formulation or salt word (or only the salt of
    an ion, ``calcium carbonate``)."""
    template = None
    leading = _LEADING_RE.match(surface)
    rest = surface[leading.end() :] if leading else surface
    if leading:
        template = PREFIXES[_key(leading.group().rstrip("- \t\n"))]
    stripped = False
    while (trailing := _TRAILING_RE.search(rest)) is not None and rest[: trailing.start()].strip():
        word = _key(trailing.group())
        if word in SALTS and _keeps_salt(rest[: trailing.start()]):
            break
        template = template or SUFFIXES.get(word)
        rest, stripped = rest[: trailing.start()], True
    if template is None and not stripped:
        return None
    parent = normalized.lower()
    while (trailing := _TRAILING_RE.search(parent)) is not None and parent[: trailing.start()].strip():
        if _keeps_salt(parent[: trailing.start()]):
            break
        parent = parent[: trailing.start()]
    affix = (template or "{}").replace("{}", "").strip(" -")
    if not affix or affix in parent:
        # A salt only, or the lexicon's name is already the product's (``peginterferon alfa-2b``).
        return parent
    return (template or "{}").format(_LEADING_RE.sub("", parent))


def extend_formulations(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """``found`` with each agent's span grown over the formulation and salt words written with it,
    and its ``normalized`` set to the product's name (see :func:`product_name`)."""
    extended: list[Candidate] = []
    for start, end, attrs in found:
        if attrs["kind"] == "agent":
            before = _BEFORE_RE.search(text, max(0, start - _REACH), start)
            after = _AFTER_RE.match(text, end)
            grown = (before.start() if before else start, after.end() if after else end)
            name = product_name(text[grown[0] : grown[1]], attrs["normalized"])
            if name is not None:
                start, end = grown
                attrs = {**attrs, "normalized": name}
        extended.append((start, end, attrs))
    return extended
