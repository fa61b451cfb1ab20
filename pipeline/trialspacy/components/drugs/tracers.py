"""Tracers named without their isotope label: ``FDG PET/CT``, ``FLT uptake``, ``FES PET``.

Radiopharmaceuticals are DRUG (the guidelines: contrast agents and radiopharmaceuticals are named
agents). The lexicon holds a tracer with its label (``18F-FDG``, ``fes f-18``, ``Fluorothymidine F
18``), but trial text mostly drops the label where the imaging word says it is a tracer: "FDG
PET/CT", "maximum FDG uptake", "FDG (fluorodeoxyglucose) PET/CT scans". The name left when a
lexicon agent's label is taken off (``FDG``, ``FLT``, ``FES``, ``FCH``, ``fluorodeoxyglucose``,
``fluorothymidine``) is that tracer, where the lexicon does not know the name already (``choline``,
``methionine``, ``dopa`` are other things). Many such names are also abbreviations of other things
(rule 5 of the lexicon drops capitals-only abbreviations), so a name is a tracer only:

- before an imaging word (``PET``, ``PET/CT``, ``SPECT``, ``scan``, ``uptake``, ``imaging``, ``avid``),
  a long form in brackets between them allowed ("FDG (fluorodeoxyglucose) PET/CT"), or after an
  isotope label glued to it (``18F-FLT``, ``[18F]FLT``);
- and then at every occurrence in the record, as a short form defined once holds throughout
  ("a 50% reduction in FDG uptake ... Low dose FDG PET/CT").

A name the labelled rows give two agents (``psma-617``: lutetium and actinium) names none; an
element (``yttrium``, ``fluorine``) and a name that keeps a word of the label (``labeled psma-11``)
are not taken.
"""

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ...spans import Candidate
from .radiolabels import RADIONUCLIDES

Attrs = dict[str, Any]

# An isotope label as a lexicon row's tokens write it: "18 - f", "18f", "f-18", "f 18", "99m tc".
_LABELS = "|".join(
    f"{mass} ?-? ?{symbol}|{symbol} ?-? ?{mass}" for symbol, masses in RADIONUCLIDES.values() for mass in masses
)
_ROW_LABEL = rf"\[?(?:{_LABELS})\]?"
_LABEL_FIRST_RE = re.compile(rf"(?:{_ROW_LABEL})(?: ?- ?| )(?P<name>.+)", re.IGNORECASE)
_LABEL_LAST_RE = re.compile(rf"(?P<name>.+?)(?: ?- ?| )(?:{_ROW_LABEL})", re.IGNORECASE)
# Words that are not a tracer's name: an element (the label's own), or a name keeping the label's word.
_NOT_NAME_RE = re.compile(
    rf"\b(?:{'|'.join(RADIONUCLIDES)}|fluorine|fluoride|labell?ed)(?![a-z])|\d+ ?-? ?[a-z]{{1,2}}\b", re.IGNORECASE
)
_NAME_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def tracer_names(rows: Iterable[Mapping[str, Any]]) -> dict[str, Attrs]:
    """The tracers' names without their label, lower-case, with the agent's attributes: from the
    lexicon's agents written with an isotope label whose name without it is no lexicon term."""
    known: set[str] = set()
    labelled: dict[str, set[str]] = {}
    for row in rows:
        tokens = row["tokens"]
        surface = " ".join(tokens).lower()
        known.add(surface.replace(" - ", "-"))
        if row.get("deny") or row.get("kind") != "agent" or len(tokens) < 2:
            continue
        match = _LABEL_FIRST_RE.fullmatch(surface) or _LABEL_LAST_RE.fullmatch(surface)
        if match is None:
            continue
        name = match.group("name").replace(" - ", "-")
        if _NAME_RE.fullmatch(name) and len(name) >= 3 and not _NOT_NAME_RE.search(name):
            labelled.setdefault(name, set()).add(str(row["normalized"]))
    return {
        name: {"normalized": next(iter(agents)), "kind": "agent", "drugbank_id": None}
        for name, agents in labelled.items()
        if len(agents) == 1 and name not in known
    }


# What says a name is a tracer: an imaging word after it (a long form in brackets between them
# allowed: "FDG (fluorodeoxyglucose) PET/CT"), or after the closing bracket of a long form written
# after its short form ("FDG (fluorodeoxyglucose) PET/CT": ``fluorodeoxyglucose``).
_IMAGING = r"PET|SPECT|(?i:scans?|scanning|scintigraphy|uptake|imaging|avid|avidity|positron)"
_IMAGING_AFTER_RE = re.compile(rf"(?:[ \t]*\([^()\n]{{1,40}}\))?\)?[ \t]*-?[ \t]*(?:{_IMAGING})(?![A-Za-z])")
_ISOTOPES = "|".join(f"{mass}{symbol}|{symbol}-?{mass}" for symbol, masses in RADIONUCLIDES.values() for mass in masses)
_LABEL_BEFORE_RE = re.compile(rf"(?:\[(?:{_ISOTOPES})\] ?|(?<![\w-])(?:{_ISOTOPES})-)\Z")


_WORD_RE = re.compile(r"[a-z0-9]+")
_RUNS: dict[int, tuple[Mapping[str, Attrs], list[tuple[str, set[str]]]]] = {}


def _name_runs(names: Mapping[str, Attrs]) -> list[tuple[str, set[str]]]:
    """Each name with its runs of letters and digits, once per mapping."""
    cached = _RUNS.get(id(names))
    if cached is None or cached[0] is not names:
        cached = _RUNS[id(names)] = (names, [(name, set(_WORD_RE.findall(name))) for name in names])
    return cached[1]


def tracer_spans(text: str, names: Mapping[str, Attrs], found: Sequence[Candidate]) -> Iterator[Candidate]:
    """The tracers of ``names`` (see :func:`tracer_names`) in ``text`` where the words around one
    say it is a tracer, then at each of its occurrences, outside the spans already ``found``."""
    if not names:
        return
    # A name matches (below) only as whole words (not after a word character or a hyphen, not before
    # a word character), so each of its runs of letters and digits is one of the text's: one pass
    # over the text's words instead of a substring search per name.
    words = set(_WORD_RE.findall(text.lower()))
    present = [name for name, runs in _name_runs(names) if runs <= words]
    if not present:
        return
    taken = {i for start, end, _ in found for i in range(start, end)}
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(n) for n in sorted(present, key=len, reverse=True))
        + r")(?!\w)(?!-(?!(?:PET|SPECT|avid|uptake|scan)\b)\w)",
        re.IGNORECASE,
    )
    matches = [m for m in pattern.finditer(text) if m.start() not in taken and m.end() - 1 not in taken]
    used = {
        m.group().lower()
        for m in matches
        if _IMAGING_AFTER_RE.match(text, m.end()) or _LABEL_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
    }
    for match in matches:
        name = match.group().lower()
        if name in used:
            label = _LABEL_BEFORE_RE.search(text, max(0, match.start() - 8), match.start())
            start = label.start() if label is not None and not label.group().startswith("[") else match.start()
            yield start, match.end(), dict(names[name])


# A tracer or radiolabelled antibody named by its isotope label written first and the code or short
# name it labels: "99mTc-H7ND", "131I-cG250", "177Lu-CC49", "90Y-hMN-14", "18F-FDOPA", glued by a
# hyphen or in brackets ("[11C]palmitate"), or after a space when the name is code-shaped ("131I
# 81C6"). The labelled compound is a product of its own, named with its label (``99mtc-h7nd``).
# The name after a hyphen or a space has a digit or is in capitals (``HAT``, ``FDOPA``), so that a
# word after the label is no name: "131I-labeled", "90Y-Humanized", "99mTc-sulphur colloid",
# "131I uptake", "131I whole body scan"; a bracketed label is glued to any name.
_MASS_FIRST = "|".join(f"{mass}{symbol}" for symbol, masses in RADIONUCLIDES.values() for mass in masses)
# A part after a hyphen is not a word in lower case ("-labeled").
_PART = r"(?:[A-Za-z]*\d[A-Za-z0-9]*|[A-Z][A-Za-z0-9]*)"
_CODE_NAME = rf"(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-{_PART})*|[A-Z]{{2,8}}(?:-[A-Z]{{2,8}})*"
# The label may also be written with a space between mass number and a two-letter symbol ("153
# Sm-EDTMP", "177 Lu-PSMA-617") or as the element's name and mass number ("Samarium 153-EDTMP",
# "Lutetium 177-DOTATATE"), glued to the name by a hyphen.
_SPACED_MASS_FIRST = "|".join(
    f"{mass} {symbol}" for symbol, masses in RADIONUCLIDES.values() if len(symbol) == 2 for mass in masses
)
_ELEMENT_MASS = "|".join(f"(?i:{element}) {mass}" for element, (_, masses) in RADIONUCLIDES.items() for mass in masses)
_LABEL_CODE_RE = re.compile(
    rf"(?<![\w\[\]/-])(?:(?:{_MASS_FIRST})(?:-| (?=[A-Za-z0-9-]*\d))(?:{_CODE_NAME})"
    rf"|\[(?:{_MASS_FIRST})\](?:{_CODE_NAME}|[a-z]{{3,}}(?:-[a-z0-9]+)*))"
    # Ends where the name does: not before a word glued to it by a hyphen ("131I-BC8-labeled") or a
    # further word character.
    r"(?![\w/]|-[A-Za-z])"
)
# The spaced and element-name labels, searched apart: their many alternatives tried at every
# position cost ten times the rest, so only a text with a number between a word and a hyphen, or
# between a number-less word and a symbol, is searched ("153 Sm-EDTMP", "Samarium 153-EDTMP").
_SPACED_LABEL_CODE_RE = re.compile(
    rf"(?<![\w\[\]/-])(?:{_SPACED_MASS_FIRST}|{_ELEMENT_MASS})-(?:{_CODE_NAME})(?![\w/]|-[A-Za-z])"
)
# Where a spaced label can be: a mass number after a word and a space, before a hyphen (its word an
# element's name), or a two-letter symbol after a mass number and a space, before a hyphen. Searched
# from the space and the digits (a look-behind or a word first would be tried at every position).
_MASS_AFTER_SPACE_RE = re.compile(r" \d{1,3}m?-")
_WORD_END_RE = re.compile(r"[A-Za-z]+\Z")
_SYMBOL_AFTER_MASS_RE = re.compile(r"\dm? (?P<symbol>[A-Z][a-z]?)-")
_ELEMENTS = frozenset(RADIONUCLIDES)
_TWO_LETTER_SYMBOLS = frozenset(symbol for symbol, _ in RADIONUCLIDES.values() if len(symbol) == 2)


def _may_hold_spaced_label(text: str) -> bool:
    """True when ``text`` writes a number between an element's name and a hyphen, or between a
    number and a two-letter symbol and a hyphen: where :data:`_SPACED_LABEL_CODE_RE` can match."""
    for match in _MASS_AFTER_SPACE_RE.finditer(text):
        word = _WORD_END_RE.search(text, max(0, match.start() - 16), match.start())
        if word is not None and word.group().lower() in _ELEMENTS:
            return True
    return any(m.group("symbol") in _TWO_LETTER_SYMBOLS for m in _SYMBOL_AFTER_MASS_RE.finditer(text))


# An isotope label written mass first: every match of _LABEL_CODE_RE holds one. Most texts hold none,
# and the search for one skips the other characters, where _LABEL_CODE_RE's look-behind is tried at
# every position of the text.
_MASS_FIRST_RE = re.compile(_MASS_FIRST)


def labelled_code_spans(text: str) -> list[Candidate]:
    """Tracers and radiolabelled agents written as an isotope label then the code or short name it
    labels (``99mTc-H7ND``, ``[11C]palmitate``): each an agent named by its whole text, lower-case."""
    matches = list(_LABEL_CODE_RE.finditer(text)) if _MASS_FIRST_RE.search(text) else []
    if _may_hold_spaced_label(text):
        matches += _SPACED_LABEL_CODE_RE.finditer(text)
        matches.sort(key=lambda m: m.start())
    return [
        (m.start(), m.end(), {"normalized": " ".join(m.group().lower().split()), "kind": "agent", "drugbank_id": None})
        for m in matches
    ]


_SYMBOLS = {element: symbol for element, (symbol, _) in RADIONUCLIDES.items()}
_WRITTEN_LABEL_RE = re.compile(
    rf"(?i:(?P<element>{'|'.join(RADIONUCLIDES)}) (?P<mass>\d+m?)|(?P<spaced>\d+m?) (?=[A-Z]))"
)


def compact_label(written: str) -> str:
    """A labelled name with its label written as the lexicon writes it, mass number then symbol
    glued (``153Sm-EDTMP`` for "Samarium 153-EDTMP" and "153 Sm-EDTMP"), to look the product up."""

    def glued(match: re.Match[str]) -> str:
        if match.group("spaced"):
            return match.group("spaced")
        return match.group("mass") + _SYMBOLS[match.group("element").lower()]

    return _WRITTEN_LABEL_RE.sub(glued, written, count=1)
