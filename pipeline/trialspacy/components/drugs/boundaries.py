"""Where a DRUG span starts and ends when the words around the name belong to it.

The contract's rule is "the name alone" (``Toripalimab injection (JS001)`` gives ``Toripalimab``):
routes, dose forms, doses, salts, registered marks and ``DRUG:`` labels stay out. The name of a
class or of a named biological product is, however, often longer than the words a lexicon or a
grammar finds, and the annotation guidelines keep these words in the span:

- **a generic head after a class**: ``anticoagulant medication``, ``sulfonylurea agent``,
  ``topoisomerase I inhibitor drug``, ``third-generation EGFR inhibitor drugs``: the head is part of
  the class's name, as in ``antifungal drugs``; ``normalized`` stays the class's plural name;
- **supplements after a class**: ``anti-oxidant supplements``, ``vitamin supplements``: the class taken
  as supplements, one span, normalized ``antioxidant supplements``;
- **a generation before a class**: ``third-generation EGFR-TKI``, ``1st generation EGFR TKIs``:
  the generation names a narrower class (``third-generation egfr tyrosine kinase inhibitors``), and
  ordinals coordinated before it name the classes together (``1st/2nd generation EGFR TKIs`` ->
  ``first- and second-generation egfr tyrosine kinase inhibitors``);
  a treatment line (``first-line``) does not name the drug and stays out;
- **a duration of action, a selectivity or a chemical family before a class**: ``short-acting beta2
  agonists``, ``long-acting anticholinergics``, ``non-selective beta blockers``, ``azole
  antifungals``, ``amide local anesthetics``: the qualifier names a narrower class, as the lexicon's
  ``long-acting beta-agonists`` (LABA) does; a route before it stays out (``inhaled short-acting
  beta2 agonists`` gives ``short-acting beta2 agonists``);
- **a Vaughan Williams class before an antiarrhythmic class**: ``Class III antiarrhythmic drugs``,
  ``class 1 anti-arrhythmic medications`` (normalized ``class iii antiarrhythmics``, ``class i
  antiarrhythmics``): the number names the narrower class; an elided one in a coordination ("Class I
  or III ...") is not completed;
- **a named antibody or immunotoxin**: a class head (``monoclonal antibody``, ``MOAB``,
  ``immunotoxin``) with a clone or product code after it (``monoclonal antibody 81C6``,
  ``MOAB BC8``, ``immunotoxin LMB-1``) or before it (``LL2 monoclonal antibody``, ``interleukin-13
  PE38QQR immunotoxin``) names one agent, as the NCI thesaurus names these products: one span, an
  ``anti-`` target before the head included (``anti-tenascin monoclonal antibody 81C6``); its
  ``normalized`` is the agent the code names when the lexicon knows it (``monoclonal antibody
  ABX-EGF`` -> ``panitumumab``), else the product's name lower-cased without the target
  (``monoclonal antibody 81c6``); a radionuclide before it joins it later (see :mod:`.radiolabels`).
  A gene or antigen after the head (``monoclonal antibody CD52``, ``MOAB HER2``) is its target, not
  its name, and adjectives (``chimeric``, ``humanized``) stay out;
- **an interferon's subtype**: ``IFN alfa-2b``, ``pegylated IFN alfa-2a``, ``IFN-B``, ``interferon-b``: the
  subtype names the agent (``interferon alfa-2b``, ``interferon beta``; a formulation word before it
  joins later, see :mod:`.formulations`), where ``IFN`` alone is the class ``interferons``;
- **a participle after ``non-``** makes a class of its own with the class after it
  (``non-sedating antihistamines``, ``non-depolarizing muscle relaxants``): ``non-`` is in the span.
  So does a modifier after ``non-`` that begins a class of several words (``non-dihydropyridine
  calcium channel blockers``, ``non-live vaccines``, ``non-potassium sparing diuretics``): ``non-``
  negates the modifier, not the class, and without it the span names the opposite class.
  Another name after ``non-`` stays a DRUG of its own, a class in a compound modifier that the
  prefix negates (``platinum`` in "non-platinum chemotherapy", ``SSRI`` in "non-SSRI antidepressant");
- **a class before a class**: a class written in the singular as a modifier of the class after it
  names the mechanism or chemistry of a narrower class (``MAO inhibitor antidepressants``,
  ``β-lactam antibacterial agent``, ``barbiturate sedative``, ``narcotic pain medication``): one
  span, normalized as the modifier written and the second class's name (``narcotic analgesics``).
  A list without commas has a plural or a capital on either side ("ACE inhibitors NSAIDs", "LABA
  ICS") and stays two spans, as does a modifier after ``non-``.

The words are listed with a reason each in ``data/drug_boundaries.jsonl``.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ...lexicon import package_data
from ...spans import Candidate
from .codes import is_code_lookalike
from .vocabulary import vocabulary

_WORDS = vocabulary("drug_boundaries.jsonl")
_NAMED = {(row["role"], row["text"]): row.get("normalized") for row in package_data("drug_boundaries.jsonl")}
# An ordinal as written before "generation", with the word it is normalized to (``3rd`` -> ``third``).
_ORDINALS = {text: str(name) for (role, text), name in _NAMED.items() if role == "ordinal"}
# Interferon as abbreviated (``IFN``, ``PEG-IFN``), and its subtypes by their INN word (``alpha`` -> ``alfa``).
_INTERFERONS = {text.lower(): str(name) for (role, text), name in _NAMED.items() if role == "interferon"}
_INTERFERON_TYPES = {text.lower(): str(name) for (role, text), name in _NAMED.items() if role == "interferon_type"}
# A duration of action, a selectivity or a chemical family before a class, with the word it is normalized to.
_QUALIFIERS = {text.lower(): str(name) for (role, text), name in _NAMED.items() if role == "qualifier"}
# A word of a class's span that takes a Vaughan Williams class before it, with the class's plural name.
_NUMBERED = {text.lower(): str(name) for (role, text), name in _NAMED.items() if role == "numbered_class"}
_NOT_CLONES = frozenset(w.lower() for w in _WORDS["not_clone"])


def _either(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first, spaces matching any run of blanks."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(set(words), key=len, reverse=True))


_CLASS_HEAD_RE = re.compile(rf"[ \t]+(?:{_either(_WORDS['class_head'])})(?![\w-])", re.IGNORECASE)
_SUPPLEMENT_HEAD_RE = re.compile(rf"[ \t]+(?:{_either(_WORDS['supplement_head'])})(?![\w-])", re.IGNORECASE)
# Ordinals coordinated before one "generation" ("1st/2nd generation", "first- or second-generation",
# "first, second and third generation") name the classes together, one span.
_ORDINAL = rf"(?:{_either(_ORDINALS)})"
_ORDINAL_RE = re.compile(_ORDINAL, re.IGNORECASE)
_GENERATION_RE = re.compile(
    rf"(?<![\w/-])(?P<ordinal>{_ORDINAL}(?:-?[ \t]*(?:/|,|,?[ \t]+(?:and/or|or|and)[ \t]+)[ \t]*{_ORDINAL})*)"
    r"[ \t-]+generation[ \t-]+\Z",
    re.IGNORECASE,
)
_GENERATION_REACH = 50
_QUALIFIER_RE = re.compile(rf"(?<![\w/-])(?P<qualifier>{_either(_QUALIFIERS)})[ \t]+\Z", re.IGNORECASE)
# ``class III``, ``Class IC``, ``class 1``: a Roman or Arabic number with a subclass letter.
_NUMBER_RE = re.compile(
    r"(?<![\w/-])class[ \t-]+(?P<number>IV|III|II|I|[1-4])(?P<subclass>[a-c])?[ \t]+\Z", re.IGNORECASE
)
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}
# A subtype after an interferon: a word or letter, after a hyphen or a space (a single letter after a
# hyphen only: ``IFN-A``, ``interferon-b``), with its number (``alfa-2b``, ``alpha 2a``). Not a letter
# before a full stop: the tokenizer keeps ``A.`` whole (an initial), and the span would take the stop.
_LETTERS = [t for t in _INTERFERON_TYPES if len(t) == 1 and t.isascii()]
_SUBTYPE_RE = re.compile(
    rf"(?:[ \t]*-[ \t]*|[ \t]+)(?P<type>{_either(set(_INTERFERON_TYPES) - set(_LETTERS))})"
    rf"(?:[ \t]*-?[ \t]*(?P<number>\d[a-z]?))?(?![\w-])"
    rf"|-(?P<letter>{_either(_LETTERS)})(?:-(?P<letter_number>\d[a-z]?))?(?![\w.-])",
    re.IGNORECASE,
)
_PRODUCT_HEAD = _either(_WORDS["product_head"])
# The heads in lower case: a text without any has no named product, and the patterns are not tried.
_PRODUCT_KEYS = tuple(sorted({w.lower() for w in _WORDS["product_head"]}))
# A clone or product code: letters, digits and inner hyphens or dots, with a letter and a digit
# (``81C6``, ``BC8``, ``Lym-1``, ``HuM195``, ``MN-14``, ``anti-B1``, ``B43.13``, ``PE38QQR``).
_CLONE = r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*"
# A protein the code of an immunotoxin is fused to, written before it (``interleukin-13``, ``IL13``).
_CARRIER = r"[A-Za-z]+-?\d+"
_CODE_AFTER_RE = re.compile(
    rf"(?<![\w-])(?:(?P<target>anti-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)[ \t]+)?"
    rf"(?P<head>(?i:{_PRODUCT_HEAD}))[ \t]+(?P<code>{_CLONE})(?![\w(-]|\.\w)"
)
_CODE_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<carrier>{_CARRIER})[ \t]+)?(?P<code>{_CLONE})[ \t]+"
    rf"(?P<head>(?i:{_PRODUCT_HEAD}))(?![\w-])"
)
# A number with a unit or a suffix in lower case: a dose, a time or an ordinal, not a code (``2mg``, ``3rd``).
_DOSE_RE = re.compile(r"\d+(?:\.\d+)?[a-z]+")
# A radionuclide written as its symbol and mass number (``Y90``, ``I-131``, ``Tc99m``): the label of
# the product, not its name (see :mod:`.radiolabels`).
_NUCLIDE_RE = re.compile(r"(?:Ac|At|Bi|Cu|F|Ga|Ho|I|In|Lu|P|Pb|Ra|Re|Sm|Sr|Tc|Th|Tl|Y|Zr)-?\d{1,3}m?")
# A word in lower case within a code: the code is joined to an English word (``OKT3-activated``).
_WORD_RE = re.compile(r"[a-z]{4,}")
_PARTS_RE = re.compile(r"[-.]")
_NOT_RE = re.compile(r"(?<![\w-])non-\Z", re.IGNORECASE)
# A participle after ``non-`` makes a class name of its own with the class after it (``non-sedating
# antihistamines``, ``non-depolarizing muscle relaxants``), and so does a modifier in lower case that
# begins a class of several words (``non-dihydropyridine calcium channel blockers``).
_MODIFIER_RE = re.compile(r"(?:[A-Za-z]+ing|[a-z]+(?:-[a-z]+)*)[ \t]")
_MOAB_RE = re.compile(r"\bmoab\b")
# Two classes on one line with only blanks between them, the second in lower case (not an acronym
# that starts a new item of a list).
_BLANKS_RE = re.compile(r"[ \t]+")
_LOWER_START_RE = re.compile(r"[^\W\dA-Z]")


def is_clone(code: str) -> bool:
    """True for a code that names an antibody or a toxin: a letter and a digit, not a number with a
    unit, not a gene, an antigen or another look-alike (``CD52``, ``HER2``)."""
    return (
        len(code) <= 16
        and any(c.isdigit() for c in code)
        and sum(c.isalpha() for c in code) >= 1
        and not is_code_lookalike(code)
        and not is_code_lookalike(code.upper())
        and code.lower() not in _NOT_CLONES
        and _DOSE_RE.fullmatch(code) is None
        and _NUCLIDE_RE.fullmatch(code) is None
        and not any(_WORD_RE.fullmatch(part) and part != "anti" for part in _PARTS_RE.split(code))
    )


def _named_products(text: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """Named antibodies and immunotoxins: ``monoclonal antibody 81C6``, ``LL2 monoclonal antibody``."""
    lowered = text.lower()
    if not any(key in lowered for key in _PRODUCT_KEYS):
        return
    agents = {(s, e): attrs for s, e, attrs in found if attrs["kind"] == "agent"}
    # A code inside a class found by its grammar is the class's target (``PD-1 monoclonal antibody``).
    targets = {i for s, e, attrs in found if attrs["kind"] == "class" for i in range(s, e)}
    for regex in (_CODE_AFTER_RE, _CODE_BEFORE_RE):
        for match in regex.finditer(text):
            code = match.group("code")
            if not is_clone(code) or match.start("code") in targets or match.span() in agents:
                continue
            known = agents.get(match.span("code"))
            if known is not None and known["normalized"] != code.lower():
                # The lexicon's agent (``IDEC-C2B8`` -> rituximab), not a code found by its shape.
                yield match.start(), match.end(), dict(known)
                continue
            words = text[match.start() : match.end()].lower()
            if match.groupdict().get("target"):
                words = words.replace(match.group("target").lower(), " ")
            name = " ".join(_MOAB_RE.sub("monoclonal antibody", words).split())
            yield match.start(), match.end(), {"normalized": name, "kind": "agent", "drugbank_id": None}


def _narrower(text: str, start: int, end: int, attrs: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """Where a class starts and what it is named when a generation, a qualifier or a Vaughan
    Williams class written before it names a narrower class (else ``start`` and ``attrs``)."""
    reach = max(0, start - _GENERATION_REACH)
    generation = _GENERATION_RE.search(text, reach, start)
    if generation is not None:
        ordinals = [_ORDINALS[" ".join(o.lower().split())] for o in _ORDINAL_RE.findall(generation.group("ordinal"))]
        if len(ordinals) > 1:
            listed = ", ".join(f"{o}-" for o in ordinals[:-1]) + f" and {ordinals[-1]}"
        else:
            listed = ordinals[0]
        return generation.start(), {**attrs, "normalized": f"{listed}-generation {attrs['normalized']}"}
    qualifier = _QUALIFIER_RE.search(text, reach, start)
    if qualifier is not None:
        name = _QUALIFIERS[" ".join(qualifier.group("qualifier").lower().split())]
        return qualifier.start(), {**attrs, "normalized": f"{name} {attrs['normalized']}"}
    lowered = text[start:end].lower()
    numbered = next((name for word, name in _NUMBERED.items() if word in lowered), None)
    number = _NUMBER_RE.search(text, reach, start) if numbered is not None else None
    if number is not None:
        roman = _ROMAN.get(number.group("number"), number.group("number").lower())
        subclass = (number.group("subclass") or "").lower()
        return number.start(), {**attrs, "normalized": f"class {roman}{subclass} {numbered}"}
    return start, attrs


def _grown_classes(text: str, found: Iterable[Candidate]) -> Iterator[Candidate]:
    """Each class of ``found`` grown over the generic head after it and over a generation, a
    qualifier or a Vaughan Williams class before it."""
    for start, end, attrs in found:
        if attrs["kind"] != "class":
            yield start, end, attrs
            continue
        head = _CLASS_HEAD_RE.match(text, end)
        grown_start, grown_attrs = _narrower(text, start, end, attrs)
        if head is None and (supplement := _SUPPLEMENT_HEAD_RE.match(text, end)) is not None:
            name = str(grown_attrs["normalized"]).removesuffix("s")
            yield grown_start, supplement.end(), {**grown_attrs, "normalized": f"{name} supplements"}
            continue
        yield grown_start, head.end() if head else end, grown_attrs


def _non_participle_classes(text: str, found: Iterable[Candidate]) -> Iterator[Candidate]:
    """``found`` with each class that starts with a participle or a modifier after ``non-`` grown over it."""
    for start, end, attrs in found:
        if (
            attrs["kind"] == "class"
            and _NOT_RE.search(text, max(0, start - 4), start)
            and _MODIFIER_RE.match(text, start, end)
        ):
            yield start - 4, end, {**attrs, "normalized": f"non-{text[start:end].lower()}"}
        else:
            yield start, end, attrs


def _interferon_subtypes(text: str, found: Iterable[Candidate]) -> Iterator[Candidate]:
    """Each interferon of ``found`` written as an abbreviation or alone (``IFN``, ``interferon``)
    grown over the subtype after it, as the agent it names (``IFN alfa-2b`` -> ``interferon alfa-2b``,
    ``IFN-A`` -> ``interferon alfa``, ``interferon-b`` -> ``interferon beta``)."""
    for start, end, attrs in found:
        base = _INTERFERONS.get(text[start:end].lower())
        subtype = _SUBTYPE_RE.match(text, end) if base is not None else None
        if subtype is None:
            yield start, end, attrs
            continue
        kind = _INTERFERON_TYPES[(subtype.group("type") or subtype.group("letter")).lower()]
        number = subtype.group("number") or subtype.group("letter_number")
        name = f"{base} {kind}" + (f"-{number.lower()}" if number else "")
        yield start, subtype.end(), {"normalized": name, "kind": "agent", "drugbank_id": None}


def _compound_classes(text: str, found: Iterable[Candidate]) -> Iterator[Candidate]:
    """A class in the singular and the class in lower case right after it, as one class
    (``MAO inhibitor antidepressants``), each longer than the two it holds."""
    classes = sorted((c for c in found if c[2]["kind"] == "class"), key=lambda c: c[0])
    for (start, end, _), (next_start, next_end, next_attrs) in zip(classes, classes[1:]):
        if (
            _BLANKS_RE.fullmatch(text, end, next_start)
            and not text[start:end].endswith("s")
            and _LOWER_START_RE.match(text, next_start)
            and str(next_attrs["normalized"]).endswith("s")
            and not _NOT_RE.search(text, max(0, start - 4), start)
        ):
            name = f"{' '.join(text[start:end].lower().split())} {next_attrs['normalized']}"
            yield start, next_end, {**next_attrs, "normalized": name}


def bounded_spans(text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """``found`` with the span of each class grown over the words of its name, named antibodies and
    immunotoxins added as whole agents (each longer than the spans it holds, so that it replaces
    them), interferons with their subtype, and a class written as the modifier of the class after
    it joined to it."""
    grown = list(_interferon_subtypes(text, _grown_classes(text, _non_participle_classes(text, found))))
    return [*grown, *_compound_classes(text, grown), *_named_products(text, found)]
