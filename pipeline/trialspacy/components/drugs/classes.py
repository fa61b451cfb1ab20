"""Drug classes by their grammar, for the classes the lexicon does not list: trial text makes new
ones every day (``MEK inhibitors``, ``anti-CD20 antibodies``, ``vasoactive drugs``).

Three shapes, each with the contract's span and a lower-case plural ``normalized``:

- a target or mechanism and a class head: ``BTK inhibitors``, ``CDK4/6 inhibitor``, ``GLP-1 receptor
  agonists``, ``proton pump inhibitors``, ``selective androgen receptor modulators``, ``poly
  (ADP-ribose) polymerase (PARP) inhibitors``, ``inhibitors of P-glycoprotein``, with a participle
  head too (``CTLA-4 blocking antibodies``, ``androgen receptor targeting agent``); a target is a
  gene-like name (``MEK``, ``PD-1``, ``mTOR``), a listed mechanism (``tyrosine kinase``; with its
  member's number or its subunits: ``interleukin 12/23``, ``alpha-4 beta-7 integrin``) or a target
  written with one letter or a symbol, which no gene test can take: a receptor subtype by its Greek
  letter (``alpha 2 receptor agonists``, ``β1-adrenergic blockers``), an ion channel (``Ca++ channel
  blockers``), a receptor by its letter (``M-receptor blockers``), an activated coagulation factor
  (``Xa factor inhibitor``, normalized ``factor xa inhibitors``). A target without a head (``EGFR``, ``EGFR mutation``) is a gene, not a drug; a second head coordinated over
  the same target is a span of its own (``CYP3A4 inhibitors or inducers``, ``inhibitors or inducers
  of CYP3A4``), and so is a target coordinated before the head (``BRAF`` in ``BRAF or MEK inhibitors``);
- ``anti-`` and a target, with an antibody or agent head (``anti-CD20 antibodies``, ``anti-VEGF
  agents``), or alone before ``therapy`` or a coordinated ``anti-`` (``anti-PD-1 or anti-PD-L1
  antibody``); targets of antibodies measured in serology (``anti-HCV antibody``) are not drugs. A
  target written out (``anti-programmed cell death protein 1``, ``cytotoxic T-lymphocyte-associated
  protein 4 checkpoint inhibitors``) names the class of its short form (``pd-1 inhibitors``);
- a pharmacological adjective and ``drugs``/``medications``/``agents``, the head in the span
  (``antiarrhythmic drugs``, ``vasoactive agents``), and so a disease or indication, or ``anti-``
  and one, as lay registry text names classes (``hypertension medications``, ``COPD medication``,
  ``anti-dementia medications``; not before a word that makes it a condition: ``HIV drug
  resistance``). Before ``therapy`` or ``treatment`` such an
  adjective names a modality (``immunosuppressive therapy``, ``lipid-lowering treatment``), not a
  class; generic adjectives (``anticancer``, ``antineoplastic``, ``cytotoxic``) name chemotherapy.
  Such an adjective that is also a noun names the class in its plural alone (``immunomodulators``).
  Adjectives coordinated before one head are spans of their own (``hypoglycemic`` in
  "hypoglycemic, hypolipidemic drugs").

- a target and an antibody head, or the head and what it is ``against`` (``EGFr antibody``,
  ``antibodies against the Epidermal Growth Factor receptor``: ``anti-egfr antibodies``), and a short
  form in brackets after a class that spells its target and more, in any case (``(EGFR-I)``, then
  ``EGFr-I``); contrast media by ``contrast`` and a head (``contrast-medium``, not in
  ``contrast-induced nephropathy``); a class's initials used undefined (``AI``: ``aromatase
  inhibitors``) where the record names the class or gives the initials as a drug.

The words are listed with a reason each in ``data/drug_class_grammar.jsonl``.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc

from ...spans import Candidate
from .boundaries import is_clone
from .context import LIST_SEPARATORS, THERAPY_AFTER, THERAPY_BEFORE, given_as_therapy, is_measured
from .vocabulary import vocabulary

_WORDS = vocabulary("drug_class_grammar.jsonl")
NOT_CLASS = frozenset(_WORDS["not_class"])
NOT_ANTIBODY_TARGETS = frozenset(w.lower() for w in _WORDS["not_antibody_target"])
# A disease after anti- makes an adjective, not an antibody's target: "Anti-TB therapy" is treatment
# for tuberculosis, a modality before therapy (as "anti-angiogenic therapy"); with a drug head it is
# the class of drugs that treat it ("anti-TB drugs", see INDICATION_CLASS_RE).
_INDICATIONS = frozenset(w.lower() for w in _WORDS["indication"])


def _either(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first (so that ``inhibitors`` wins over ``inhibitor``)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_HEAD = _either(_WORDS["head"])
_ANTIBODY_HEAD = _either(_WORDS["antibody_head"])
_AGENT_HEAD = _either(_WORDS["agent_head"])
_THERAPY_HEAD = _either(_WORDS["therapy_head"])
_MECHANISM = _either(_WORDS["mechanism"])
_ADJECTIVE = _either(_WORDS["adjective"])
_INDICATION = _either(_WORDS["indication"])
_ANTI_SUFFIX = _either(_WORDS["anti_suffix"])
_ADJECTIVE_PREFIX = _either(_WORDS["adjective_prefix"])

# Between the words of a class name: a space or a hyphen, not a line break (a list item ends there).
_SP = r"[ \t\u00a0-]"
_GAP = r"[ \t\u00a0]+"
_END = r"(?![\w-])"
# A gene- or protein-like name: letters, digits and inner hyphens or slashes, with a capital
# (``MEK``, ``PD-1``, ``CDK4/6``, ``mTOR``, ``c-MET``, ``TNF-α``); whether it is gene-like enough is
# checked by _gene_like.
_GENE = r"[A-Za-z0-9αβγδκ]*[A-Z][A-Za-z0-9αβγδκ]*(?:[-/][A-Za-z0-9αβγδκ]+)*"
# A second word of a target: a number, a Greek letter or another gene-like name (``CDK 4/6``,
# ``KRAS G12C``, ``PI3K delta``, ``TNF alpha``).
_GENE_TAIL = rf"(?:\d+(?:/\d+)*|alpha|beta|gamma|delta|[αβγδ]|{_GENE})"
_POTENCY_WORD = rf"(?i:{_either(_WORDS['potency'])})"
# What may stand between a target and its head: ``receptor``, ``kinase``, ``pathway`` or ``enzyme``
# (``GLP-1 receptor agonists``, ``CYP3A4 enzyme inducers``), an abbreviation in parentheses
# (``poly (ADP-ribose) polymerase (PARP) inhibitors``), and a potency written after the target
# (``CYP3A4 strong inhibitors``), which the span keeps as it stands inside the class name.
_LINK = (
    rf"(?:{_SP}(?:receptor|tyrosine kinase|kinase|pathway|enzyme|isoenzyme|isozyme)s?)?"
    rf"(?:{_GAP}\((?P<abbr>{_GENE})\))?{_SP}(?P<potency>{_POTENCY_WORD}{_GAP})?"
)
# A cytochrome P450 enzyme written out, with its family and subfamily: ``cytochrome P450 (CYP) 3A4``,
# ``cytochrome P-450 3A`` (``CYP 3A4/5`` is a gene-like target already).
_CYP = r"(?i:cytochrome)[ \t-]+P-?450(?:[ \t]*\((?i:CYP)\))?[ \t-]*(?P<family>\d{1,2}[A-Z]\d{0,2}(?:/\d{1,2})*)"
CYP_CLASS_RE = re.compile(rf"(?<![\w-])(?P<target>{_CYP}){_LINK}(?P<head>(?i:{_HEAD})){_END}")
CYP_HEAD_OF_RE = re.compile(rf"(?<![\w-])(?P<head>(?i:{_HEAD})){_GAP}of{_GAP}(?:the{_GAP})?(?P<target>{_CYP}){_END}")

TARGET_CLASS_RE = re.compile(
    rf"(?<![\w-])(?P<target>(?P<gene>{_GENE})(?:{_GAP}{_GENE_TAIL})?){_LINK}(?P<head>(?i:{_HEAD})){_END}"
)
# Targets written with one letter or a symbol (see the module's docstring): a Greek letter and a
# subtype number, an ion and its charge before "channel", a capital letter before "receptor" (the
# receptor word required: a letter alone is anything), a Roman numeral and "a" of an activated
# coagulation factor, with "factor" before or after it (the name's case kept: "Xa", not "xa").
_GREEK_SUBTYPE = r"(?i:(?:alpha|beta|α|β)[ \t-]?[1-3](?:[ \t-]adrenergic)?)"
_ION_CHANNEL = r"(?:Ca|Na|K|Cl)(?:\+\+|2\+|\+)[ \t-]?(?i:channel)"
_LETTER_RECEPTOR = r"[A-Z](?=[ \t-](?i:receptor))"
_ACTIVATED_FACTOR = r"(?:(?i:factor)[ \t-])?(?P<factor>(?:II|VII|IX|X|XI|XII)a)(?:[ \t-](?i:factor))?"
# A mechanism written in words may carry its member's number (``interleukin 17``, ``interleukin-6``,
# ``interleukin 12/23``), or its subunits' Greek letters before it (``alpha-4 beta-7 integrin``).
_MEMBER_NUMBER = r"(?:[ \t-]?\d{1,2}(?:/\d{1,2})*(?![\w.,/]))?"
_SUBUNITS = r"(?:(?i:alpha|beta|α|β)[ \t-]?\d{1,2}[ \t-]?){0,2}"
# A mechanism's class after "anti-" is what antibodies against the drugs are named by ("Anti-Checkpoint
# Inhibitor Antibodies"): the class is named.
MECHANISM_CLASS_RE = re.compile(
    rf"(?:(?<![\w-])|(?<=[Aa]nti-)|(?<=ANTI-))(?P<target>{_SUBUNITS}(?i:(?:selective{_GAP})?(?:{_MECHANISM})){_MEMBER_NUMBER}"
    rf"|{_GREEK_SUBTYPE}|{_ION_CHANNEL}|{_LETTER_RECEPTOR}|{_ACTIVATED_FACTOR}){_LINK}(?P<head>(?i:{_HEAD})){_END}"
)
# A target written out, listed with its short form (``programmed cell death protein 1 (PD-1)``): its
# words apart by spaces or hyphens alike (``programmed death-1``, ``cytotoxic T lymphocyte antigen-4``).
_SEPARATORS_RE = re.compile(r"[\s-]+")
LONG_TARGETS = {
    _SEPARATORS_RE.sub("", long).lower(): short.removesuffix(")")
    for long, _, short in (row.rpartition(" (") for row in _WORDS["long_target"])
}


def _long_form(long: str) -> str:
    """The pattern of a written-out target: any run of spaces and hyphens between its words, or none
    before a number (``death-1``, ``death 1``, ``death1``)."""
    words = re.split(r"[ -]+", long)
    pattern = re.escape(words[0])
    for word in words[1:]:
        pattern += (r"[ \t\u00a0-]*" if word[:1].isdigit() or word[:1] == "(" else r"[ \t\u00a0-]+") + re.escape(word)
    return pattern


_LONG_TARGET = "|".join(
    _long_form(row.rpartition(" (")[0]) for row in sorted(_WORDS["long_target"], key=len, reverse=True)
)
HEAD_OF_RE = re.compile(
    rf"(?<![\w-])(?P<head>(?i:{_HEAD})){_GAP}of{_GAP}(?:the{_GAP})?"
    rf"(?P<target>(?i:{_MECHANISM})|(?P<long>(?i:{_LONG_TARGET}))|(?P<gene>{_GENE})(?:{_GAP}\d+[A-Za-z]?\d*)?){_END}"
)
# A written-out target with ``anti-`` or a class head, its short form in brackets or not, and
# ``checkpoint`` before the head as in its short form's class name (``anti-cytotoxic T-lymphocyte
# antigen 4 (CTLA-4) antibodies``, ``Anti-cytotoxic T-lymphocyte-associated protein 4 checkpoint
# inhibitors``, ``programmed cell death protein 1 inhibitors``); with ``anti-`` alone before what
# ``anti-<target>`` stands alone before (``Anti-programmed cell death protein 1 or anti-PD-L1 ...``).
_BRACKETED = r"(?:[ \t]*[(\[][^()\[\]\n]{1,15}[)\]])?"
_CHECKPOINT = rf"(?:{_SP}(?i:immune{_SP})?(?i:checkpoint))?"
LONG_CLASS_RE = re.compile(
    rf"(?<![\w-])(?:(?P<anti>(?i:anti)[ -]?)(?P<anti_long>(?i:{_LONG_TARGET})){_BRACKETED}"
    rf"(?:{_CHECKPOINT}(?P<anti_link>{_SP}(?i:tyrosine{_SP}kinase|kinase))?{_SP}(?P<anti_head>(?i:{_HEAD}|{_ANTIBODY_HEAD})){_END}"
    rf"|(?={_GAP}(?i:(?:{_THERAPY_HEAD})(?![\w-]))|,?{_GAP}(?i:or|and|and/or){_GAP}(?i:anti)|,{_GAP}?(?i:anti)))"
    rf"|(?P<long>(?i:{_LONG_TARGET})){_BRACKETED}(?P<link>{_CHECKPOINT}{_LINK})(?P<head>(?i:{_HEAD})){_END})"
)
ANTI_RE = re.compile(
    rf"(?<![\w-])(?P<anti>(?i:anti)-{{0,2}}(?P<gene>{_GENE}))"
    rf"(?:{_SP}(?P<head>(?i:{_ANTIBODY_HEAD})){_END}"
    rf"|(?={_GAP}(?i:(?:{_THERAPY_HEAD})(?![\w-])|or{_GAP}anti|and{_GAP}anti)|/anti|,{_GAP}?anti|-based|-containing"
    rf"|,{_GAP}(?i:or|and|and/or){_GAP}(?i:anti)))"
)
# ``anti-`` and a target alone as a later item of a list of them: "anti-PD-1, anti-PD-L1, anti-PD-L2,
# anti-TIGIT, or any other antibody" (the item before it is an ``anti-`` too), where the rest of the
# sentence says the list is of agents (an antibody, a drug, a therapy) and not of antibodies measured
# or used to stain ("anti-MLH1, anti-MSH2, anti-MSH6 and anti-PMS2) and PCR", "antibody titers").
_AGENT_LIST_AFTER_RE = re.compile(
    r"[^.;~|\n]{0,80}?\b(?:antibod|drug|agent|therap|treatment|inhibitor|blockade|blocker)", re.IGNORECASE
)
_MEASURED_LIST_AFTER_RE = re.compile(
    r"[^.;~|\n]{0,80}?\b(?:titers?|titres?|staining|stained|immunohistochem|IHC|positiv|negativ|panel|assay)",
    re.IGNORECASE,
)
ANTI_ITEM_RE = re.compile(
    rf"(?<![\w-])(?P<anti>(?i:anti)-{{1,2}}(?P<gene>{_GENE}))(?![\w-])(?!{_SP}(?i:{_ANTIBODY_HEAD}){_END})"
)
_ANTI_ITEM_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?i:anti)-{{1,2}}{_GENE}(?:{_SP}(?i:{_ANTIBODY_HEAD}))?(?:,|,?{_GAP}(?i:or|and|and/or)){_GAP}\Z"
)
# Two class heads coordinated over one target, each its own span ("CYP3A4 inhibitors or inducers",
# "inhibitors and/or inducers of CYP3A4", "P-gp inhibitors/inducers"): the head beside the full
# class name, after it or before it, with a potency word of its own ("strong inhibitors or strong
# inducers of CYP3A4") left out as it is before the first.
_COORDINATION = r"(?:[ \t]*/[ \t]*|[ \t]*,?[ \t]+(?:and/or|or|and)[ \t]+)"
_POTENCY = rf"(?:{_POTENCY_WORD}{_GAP})?"
HEAD_AFTER_RE = re.compile(rf"{_COORDINATION}{_POTENCY}(?P<head>(?i:{_HEAD})){_END}")
HEAD_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<head>(?i:{_HEAD})){_COORDINATION}{_POTENCY}\Z")
# Targets coordinated before one head, each its own span as written, as the contract writes "anti-PD-1
# or anti-PD-L1 antibody" (``anti-PD-1``, ``anti-PD-L1 antibody``): in "BRAF or MEK inhibitors" ``BRAF``
# names the BRAF inhibitors. The target just before the class name is joined by a conjunction, those
# before it by commas ("PI3K, mTOR or AKT inhibitor"); a comma alone joins a list of other drugs
# ("ASA, GPIIb/IIIa inhibitors").
_TARGET_ITEM = rf"(?<![\w/-])(?P<target>(?P<gene>{_GENE})(?:{_GAP}{_GENE_TAIL})?)"
# A word in lower case after a hyphen makes a target a status, not a class: "HER2-positive or EGFR
# inhibitor", "BRCA-mutated or PARP inhibitor".
_STATUS_PART_RE = re.compile(r"[-/][a-z]{3,}(?![\w])")
TARGET_BEFORE_RE = re.compile(rf"{_TARGET_ITEM}[ \t]*,?[ \t]+(?:and/or|or|and)[ \t]+\Z")
TARGET_BEFORE_COMMA_RE = re.compile(rf"{_TARGET_ITEM}[ \t]*,[ \t]*\Z")
_ADJECTIVE_WORD = (
    rf"(?P<adjective>(?i:(?:(?:{_ADJECTIVE_PREFIX}){_GAP})?anti[- ]?[a-z]+?(?:{_ANTI_SUFFIX})|{_ADJECTIVE}))"
)
# A word of stimulation between the adjective and its head names the agents that stimulate what the
# adjective names ("hematopoietic stimulus drug": ``hematopoietic stimulating agents``).
_STIMULUS = _either(_WORDS["stimulus"])
ADJECTIVE_CLASS_RE = re.compile(
    rf"(?<![\w-]){_ADJECTIVE_WORD}(?:{_GAP}(?P<stimulus>(?i:{_STIMULUS})))?{_GAP}(?P<agent>(?i:{_AGENT_HEAD})){_END}"
)
# A carrier conjugated to drugs names the class of its drug conjugates ("antibody-conjugated drugs").
CONJUGATE_CLASS_RE = re.compile(
    rf"(?<![\w-])(?P<carrier>(?i:{_either(_WORDS['conjugate_carrier'])}))[ \t-](?i:conjugated){_GAP}"
    rf"(?P<agent>(?i:{_AGENT_HEAD})){_END}"
)
CONJUGATE_KEYS = ("conjugated",)
INDICATION_CLASS_RE = re.compile(
    rf"(?<![\w-])(?P<indication>(?i:(?:anti[- ]?)?(?:{_INDICATION}))){_GAP}(?P<agent>(?i:{_AGENT_HEAD})){_END}"
    r"(?![ \t]+(?i:abuse|resistance|resistant|use|users|holiday)(?![\w-]))"
)
# Adjectives coordinated before one head, each its own span as the contract writes coordinated
# names ("hypoglycemic, hypolipidemic drugs": ``hypoglycemic``, ``hypolipidemic drugs``): the
# adjective just before the class joined by a comma or a conjunction, those before it by commas.
ADJECTIVE_BEFORE_RE = re.compile(
    rf"(?<![\w-]){_ADJECTIVE_WORD}(?:[ \t]*,[ \t]*(?:(?:and/or|or|and)[ \t]+)?|[ \t]+(?:and/or|or|and)[ \t]+)\Z"
)
ADJECTIVE_BEFORE_COMMA_RE = re.compile(rf"(?<![\w-]){_ADJECTIVE_WORD}[ \t]*,[ \t]*\Z")

# A pharmacological adjective that is also a noun for its drugs (an -ic, -ive, -ant, -or, -oid or
# -ian word: ``immunomodulator``, ``uterotonic``, ``biologic``) names the class in its plural alone:
# ``immunomodulators``, ``uterotonics``, ``biologics``; the singular stays an adjective ("sedative
# effect"). The plurals the lexicon lists (``diuretics``, ``sedatives``) are found there first.
NOUN_ADJECTIVES = tuple(
    word for word in _WORDS["adjective"] if " " not in word and re.search(r"(?:ic|ive|ant|or|oid|ian)\Z", word)
)
ADJECTIVE_NOUN_RE = re.compile(rf"(?<![\w-])(?P<noun>(?i:(?:{_either(NOUN_ADJECTIVES)})s)){_END}")

# No pattern above matches a line break, and each match holds a word of a known list (a head, an
# agent head, ``anti``): each pattern is tried only on the lines that hold one of its words, found
# by ``str.find`` in the lower-cased text. Tried over the whole text, at every position, the
# patterns took most of the component's time; there are few such lines. The target and adjective
# patterns match no clause punctuation either, unless one of their words has it: they are tried on
# the clauses that hold a head.
Line = tuple[int, int]
# The characters that ``re.IGNORECASE`` matches to an ASCII letter and ``str.lower`` does not turn
# into it (İ is lower-cased to two characters).
_CASE_FIXES = str.maketrans("İıſ", "iis")


def _key_words(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` lower-case, without those that hold another one (``inhibitors`` holds ``inhibitor``)."""
    lowered = {w.lower() for w in words}
    return tuple(sorted(w for w in lowered if not any(k != w and k in w for k in lowered)))


def _breaks(*roles: str) -> str:
    """The line break and the clause punctuation that no word of ``roles`` holds."""
    return "".join(c for c in "\n.,;:" if not any(c in word for role in roles for word in _WORDS[role]))


HEAD_KEYS = _key_words(_WORDS["head"])
NOUN_KEYS = _key_words(f"{word}s" for word in NOUN_ADJECTIVES)
AGENT_HEAD_KEYS = _key_words(_WORDS["agent_head"])
ANTI_KEYS = ("anti",)
# A written-out target's first word: "programmed", "cytotoxic", "epidermal", ...
LONG_KEYS = tuple(sorted({row.split()[0].split("-")[0].lower() for row in _WORDS["long_target"]}))
TARGET_BREAKS = _breaks("head", "mechanism")
# How far before a class name a coordinated head may start: the longest head, a coordination and a potency.
_REACH = 40
ADJECTIVE_BREAKS = _breaks("adjective", "adjective_prefix", "anti_suffix", "agent_head")


def caseless(text: str) -> str:
    """``text`` lower-cased offset for offset, where a case-insensitive pattern's ASCII words are
    found as they are written in the lists."""
    lowered = text.lower()
    if len(lowered) != len(text) or "ı" in text or "ſ" in text:
        lowered = text.translate(_CASE_FIXES).lower()
    return lowered


def lines_with(text: str, lowered: str, keys: Iterable[str], breaks: str = "\n") -> list[Line]:
    """The lines of ``text``, or its stretches between any two of ``breaks`` (start, end before the
    break), where ``lowered`` (:func:`caseless`) holds one of ``keys``, in order."""
    lines: dict[int, int] = {}
    for key in keys:
        at = lowered.find(key)
        while at >= 0:
            end = min((end for c in breaks if (end := text.find(c, at)) >= 0), default=len(text))
            lines[max(text.rfind(c, 0, at) for c in breaks) + 1] = end
            at = lowered.find(key, end)
    return sorted(lines.items())


def _matches(regex: re.Pattern[str], text: str, lines: Iterable[Line]) -> Iterator[re.Match[str]]:
    """Every match of ``regex`` in ``text`` on ``lines``, overlapping ones too: a match rejected by
    a caller must not hide one that starts inside it (``strong CYP3A4 inhibitors``: ``strong`` is
    no target). A line's end is the end of the string searched: the break there is not matched,
    and is no word character (the patterns' look-aheads), so the matches are the same."""
    for start, end in lines:
        pos = start
        while (match := regex.search(text, pos, end)) is not None:
            yield match
            pos = match.start() + 1


_ROMAN_RE = re.compile(r"[IVX]+")
_CAPITALISED_RE = re.compile(r"[A-Z][a-z]+")
_PARTS_RE = re.compile(r"[-/]")


def _gene_like(name: str) -> bool:
    """True for a name that reads as a gene or protein symbol: two capitals, or a capital and a
    digit (``MEK``, ``mTOR``, ``PD-1``, ``IL6``, ``5-HT3``); not a common word in capitals (``AND``),
    capitalised words (``First-Line``, ``Anti-Checkpoint``), a Roman numeral (``class IV``) or a
    subfamily number without its family (``3A4`` of ``CYP 3A4``)."""
    if _ROMAN_RE.fullmatch(name) or (name[:1].isdigit() and sum(c.isalpha() for c in name) < 2):
        return False
    if all(_CAPITALISED_RE.fullmatch(part) for part in _PARTS_RE.split(name)):
        return False
    capitals = sum(c.isupper() for c in name)
    digits = any(c.isdigit() for c in name)
    if capitals < 2 and not (capitals and digits):
        return False
    return not (name.isupper() and name.isalpha() and len(name) > 5)


def plural(phrase: str) -> str:
    """``phrase`` lower-case with its last word in the plural (``mek inhibitor`` -> ``mek inhibitors``)."""
    head, _, last = phrase.lower().rpartition(" ")
    if last.endswith("s"):
        plural_last = last
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural_last = last[:-1] + "ies"
    else:
        plural_last = last + "s"
    return f"{head} {plural_last}".strip()


def _class(start: int, end: int, normalized: str) -> Candidate:
    return start, end, {"normalized": " ".join(normalized.split()), "kind": "class", "drugbank_id": None}


# A target and a participle of what the drugs do to it before a drug head (PDQ criteria: "CYP450
# inducing drugs", "CYP3A4-inhibiting agents"): the class the head noun names (``cyp450 inducers``).
_PARTICIPLE_HEADS = {"inducing": "inducers", "inhibiting": "inhibitors", "blocking": "blockers"}
PARTICIPLE_CLASS_RE = re.compile(
    rf"(?<![\w-])(?P<gene>{_GENE})[ \t-](?P<participle>(?i:{'|'.join(_PARTICIPLE_HEADS)})){_GAP}"
    rf"(?P<agent>(?i:{_AGENT_HEAD})){_END}"
)


def _participle_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``CYP450 inducing drugs`` (``cyp450 inducers``), ``CYP3A4-inhibiting agents``."""
    for match in _matches(PARTICIPLE_CLASS_RE, text, lines_with(text, lowered, ("inducing", "inhibiting", "blocking"))):
        gene = match.group("gene")
        if _gene_like(gene) and gene.lower() not in NOT_ANTIBODY_TARGETS | _INDICATIONS:
            head = _PARTICIPLE_HEADS[match.group("participle").lower()]
            yield _class(match.start(), match.end(), f"{gene.lower()} {head}")


# Class nouns that are as often the body's own ("sex hormones"): a class only after a word saying they
# are given ("No concurrent hormones for disease related conditions", "prior hormones").
GIVEN_CLASS_RE = re.compile(
    rf"(?<![\w-])(?P<word>[A-Za-z.]+)[ \t]+(?P<noun>(?i:{_either(_WORDS['given_class'])})){_END}"
)


# The nouns alone: most records hold none, and the pattern above tries every word.
_GIVEN_NOUN_RE = re.compile(rf"(?i:{_either(_WORDS['given_class'])}){_END}")


def _given_class_nouns(text: str) -> Iterator[Candidate]:
    """``hormones`` after ``concurrent``, ``prior``, ``receiving`` (see :data:`GIVEN_CLASS_RE`)."""
    if _GIVEN_NOUN_RE.search(text) is None:
        return
    for match in GIVEN_CLASS_RE.finditer(text):
        if match.group("word").lower() in THERAPY_BEFORE:
            yield _class(match.start("noun"), match.end("noun"), match.group("noun").lower())


def _target_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """Target or mechanism plus head: ``MEK inhibitors``, ``proton pump inhibitors``."""
    lines = lines_with(text, lowered, HEAD_KEYS, TARGET_BREAKS)
    for regex in (TARGET_CLASS_RE, MECHANISM_CLASS_RE):
        for match in _matches(regex, text, lines):
            gene = match.groupdict().get("gene")
            if gene is not None and not _gene_like(gene):
                continue
            if match.group("head").isupper() and len(match.group("head")) > 4:
                continue  # a title in capitals: its words are not names
            if match.group("potency") and gene is not None and not re.search(r"[\d-]", gene):
                continue  # "rifampin OR strong inhibitors of CYP3A4": a word in capitals, not a target
            name_end = match.start("potency") if match.group("potency") else match.start("head")
            target = match.group("abbr") or text[match.start("target") : name_end].strip(" -(")
            if (factor := match.groupdict().get("factor")) is not None and not match.group("abbr"):
                link = text[match.end("target") : name_end].strip(" -")
                target = f"factor {factor} {link}"
            yield _class(match.start(), match.end(), plural(f"{target} {match.group('head')}"))
            yield from _coordinated_targets(text, match.start(), match.group("head"))
            if (after := HEAD_AFTER_RE.match(text, match.end())) is not None:
                yield _class(after.start("head"), after.end("head"), plural(f"{target} {after.group('head')}"))
    for regex in (CYP_CLASS_RE, CYP_HEAD_OF_RE):
        for match in _matches(regex, text, lines):
            target = f"cyp{match.group('family').lower()}"
            yield _class(match.start(), match.end(), plural(f"{target} {match.group('head')}"))
            if regex is CYP_HEAD_OF_RE:
                yield from _head_before(text, match.start(), target)
    for match in _matches(HEAD_OF_RE, text, lines):
        gene = match.group("gene")
        if gene is not None and not _gene_like(gene):
            continue
        target = _short_form(match.group("long")) if match.group("long") else match.group("target")
        yield _class(match.start(), match.end(), plural(f"{target} {match.group('head')}"))
        yield from _head_before(text, match.start(), target)


_BRACKETS_RE = re.compile(r"\([^()]*\)")
_CHECKPOINT_RE = re.compile(r"(?i)(?:immune[ -])?checkpoint")


def _short_form(long: str) -> str:
    """The short form listed for the written-out target ``long`` (``PD-1`` for ``programmed death-1``)."""
    return LONG_TARGETS[_SEPARATORS_RE.sub("", long).lower()]


def _head_before(text: str, start: int, target: str) -> Iterator[Candidate]:
    """The class head coordinated before the class name ``head of target`` at ``start``."""
    if (before := HEAD_BEFORE_RE.search(text, max(0, start - _REACH), start)) is not None:
        yield _class(before.start("head"), before.end("head"), plural(f"{target} {before.group('head')}"))


def _coordinated_targets(text: str, start: int, head: str) -> Iterator[Candidate]:
    """The targets coordinated before the class name at ``start`` whose ``head`` they share."""
    regex = TARGET_BEFORE_RE
    while (match := regex.search(text, max(0, start - _REACH), start)) is not None:
        target = match.group("target")
        if not _gene_like(match.group("gene")) or _STATUS_PART_RE.search(target):
            return
        yield _class(match.start(), match.end("target"), plural(f"{target} {head}"))
        start, regex = match.start(), TARGET_BEFORE_COMMA_RE


# Where a written-out target may start before its first word: after "anti-", "anti" or at the word.
_LONG_OFFSETS = (5, 4, 0)


def _long_matches(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """The matches of LONG_CLASS_RE, tried only where a written-out target's first word is: searched
    for over the lines that hold one, the pattern's many long alternatives took as long as all the
    other class patterns together."""
    for key in LONG_KEYS:
        at = lowered.find(key)
        while at >= 0:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            for offset in _LONG_OFFSETS:
                if at >= offset and (match := LONG_CLASS_RE.match(text, at - offset, end)) is not None:
                    yield match
                    break
            at = lowered.find(key, at + len(key))


def _long_target_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """A target written out with ``anti-`` or a head, as the class of its short form: ``anti-programmed
    cell death protein 1``, ``epidermal growth factor receptor (EGFR) tyrosine kinase inhibitors``."""
    for match in _long_matches(text, lowered):
        if match.group("anti_long") is not None:
            end = match.end() if match.group("anti_head") else match.end("anti_long")
            # "anti-epidermal growth factor receptor (EGFR) tyrosine kinase inhibitor": the kinase's class.
            link = " tyrosine kinase" if match.group("anti_link") else ""
            yield _class(match.start(), end, plural(f"{_short_form(match.group('anti_long'))}{link} inhibitors"))
            continue
        name_end = match.start("potency") if match.group("potency") else match.start("head")
        link = _BRACKETS_RE.sub(" ", text[match.start("link") : name_end])
        target = f"{_short_form(match.group('long'))} {_CHECKPOINT_RE.sub(' ', link)}"
        yield _class(match.start(), match.end(), plural(f"{target} {match.group('head')}"))


def _anti_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``anti-CD20 antibodies``, ``anti-VEGF agents``; ``anti-PD-1`` before therapy or another anti-."""
    starts = set()
    for match in _matches(ANTI_RE, text, lines_with(text, lowered, ANTI_KEYS)):
        gene = match.group("gene")
        if not _gene_like(gene) or gene.lower() in NOT_ANTIBODY_TARGETS or gene.lower() in _INDICATIONS:
            continue
        head = match.group("head")
        if head is None and _MEASURED_LIST_AFTER_RE.match(text, match.end()):
            continue
        starts.add(match.start())
        end = match.end() if head else match.end("anti")
        noun = "antibodies" if head is None or "antib" in head.lower() or "mab" in head.lower() else plural(head)
        yield _class(match.start(), end, f"anti-{gene.lower()} {noun}")
    for match in _matches(ANTI_ITEM_RE, text, lines_with(text, lowered, ANTI_KEYS)):
        gene = match.group("gene")
        if not _gene_like(gene) or gene.lower() in NOT_ANTIBODY_TARGETS or gene.lower() in _INDICATIONS:
            continue
        if (
            match.start() not in starts
            and _ANTI_ITEM_BEFORE_RE.search(text[max(0, match.start() - 60) : match.start()])
            and _AGENT_LIST_AFTER_RE.match(text, match.end())
            and not _MEASURED_LIST_AFTER_RE.match(text, match.end())
        ):
            yield _class(match.start(), match.end(), f"anti-{gene.lower()} antibodies")


# A target and an antibody head, the drugs that bind it ("the fully human EGFr antibody zalutumumab",
# "CD38 antibody", "TIGIT monoclonal antibodies"), or the head and what it is "against" ("antibodies
# against the Epidermal Growth Factor receptor", "monoclonal antibodies against CD20"); not a target
# measured in serology (``HCV antibody``), an immunoglobulin's class (``IgG1 antibody cetuximab``) or a
# target with a status or a participle after a hyphen (``HER2-directed antibody``), and not before
# a word that makes it a test ("EGFR antibody test").
_ANTIBODY = r"(?i:(?:monoclonal[ \t]+)?antibod(?:y|ies)|mAbs?)"
TARGET_ANTIBODY_RE = re.compile(
    rf"(?<![\w/-])(?P<gene>{_GENE})[ \t-](?P<head>{_ANTIBODY}){_END}"
    r"(?![ \t-]+(?i:tests?|titers?|titres?|levels?|positiv\w*|negativ\w*|screen\w*|status|responses?|assays?)\b)"
    r"(?![ \t-]+(?i:drug[ \t-]+)?(?i:conjugat))"
)
ANTIBODY_AGAINST_RE = re.compile(
    rf"(?<![\w-])(?P<head>{_ANTIBODY}){_GAP}against{_GAP}(?:(?i:the){_GAP})?"
    rf"(?:(?P<long>(?i:{_LONG_TARGET}))|(?P<gene>{_GENE})){_END}"
)
ANTIBODY_KEYS = ("antibod", "mab")
_IMMUNOGLOBULIN_RE = re.compile(r"(?i)ig[gamde]\d?")


def _antibody_target(gene: str) -> bool:
    """True for a gene-like name that antibody drugs bind: not a serology target, an immunoglobulin or
    a clone's code, which names one antibody (``LL2 monoclonal antibody``, see :mod:`.boundaries`)."""
    return (
        _gene_like(gene)
        and gene.lower() not in NOT_ANTIBODY_TARGETS
        and gene.lower() not in _INDICATIONS
        and _IMMUNOGLOBULIN_RE.fullmatch(gene) is None
        and _STATUS_PART_RE.search(gene) is None
        and not is_clone(gene)
    )


def _antibody_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``EGFr antibody``, ``antibodies against the Epidermal Growth Factor receptor``: ``anti-egfr antibodies``."""
    lines = lines_with(text, lowered, ANTIBODY_KEYS)
    for match in _matches(TARGET_ANTIBODY_RE, text, lines):
        if _antibody_target(gene := match.group("gene")):
            yield _class(match.start(), match.end(), f"anti-{gene.lower()} antibodies")
    for match in _matches(ANTIBODY_AGAINST_RE, text, lines):
        if match.group("long") is not None:
            yield _class(match.start(), match.end(), f"anti-{_short_form(match.group('long')).lower()} antibodies")
        elif _antibody_target(gene := match.group("gene")):
            yield _class(match.start(), match.end(), f"anti-{gene.lower()} antibodies")


# Contrast media, named agents by the guidelines, by the noun "contrast" and a head ("contrast
# agents", "contrast-medium", "contrast media"); not where the words name a disease or a procedure
# that the medium causes or enables ("contrast-induced nephropathy", "contrast medium-enhanced CT"),
# and not "pre-contrast" (a time, the lookbehind).
_CONTRAST_HEAD = _either(_WORDS["contrast_head"])
CONTRAST_CLASS_RE = re.compile(
    rf"(?<![\w-])(?P<contrast>(?i:contrast)){_SP}(?P<head>(?i:{_CONTRAST_HEAD})){_END}"
    r"(?![ \t-]*(?i:induced|associated|related|enhanced|enhancing|enhancement)\b)"
)
CONTRAST_KEYS = ("contrast",)
_CONTRAST_PLURALS = {"medium": "media", "media": "media"}


def _contrast_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``contrast agents``, ``contrast-medium`` (``contrast media``)."""
    for match in _matches(CONTRAST_CLASS_RE, text, lines_with(text, lowered, CONTRAST_KEYS)):
        head = match.group("head").lower()
        yield _class(match.start(), match.end(), f"contrast {_CONTRAST_PLURALS.get(head) or plural(head)}")


def _not_class(word: str) -> bool:
    """True for an adjective that names chemotherapy or no drug (``anticancer``, ``antinuclear``)."""
    return word in NOT_CLASS or re.sub(r"^anti[- ]?", "anti", word) in NOT_CLASS


_CONJUGATE_AFTER_RE = re.compile(r"[ \t-]+(?i:conjugat)")


def _adjective_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``antiarrhythmic drugs``, ``vasoactive agents``, ``non-steroidal anti-inflammatory medications``."""
    for start, end in lines_with(text, lowered, AGENT_HEAD_KEYS, ADJECTIVE_BREAKS):
        for match in ADJECTIVE_CLASS_RE.finditer(text, start, end):
            word = match.group("adjective").lower()
            if _not_class(word):
                continue
            agent = match.group("agent")
            if _CONJUGATE_AFTER_RE.match(text, match.end()):
                continue  # "antibody drug conjugates": the conjugates' class, the lexicon's
            if match.group("stimulus"):
                yield _class(match.start(), match.end(), f"{word} stimulating agents")
                continue
            yield _class(match.start(), match.end(), plural(f"{word} {agent}"))
            yield from _coordinated_adjectives(text, match.start(), agent)


def _conjugate_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``antibody-conjugated drugs``: the class of the carrier's drug conjugates."""
    for match in _matches(CONJUGATE_CLASS_RE, text, lines_with(text, lowered, CONJUGATE_KEYS)):
        yield _class(match.start(), match.end(), f"{match.group('carrier').lower()}-drug conjugates")


_TITLE_WORD_RE = re.compile(r"[ \t]+[A-Z][a-z]")


def _indication_classes(text: str, lowered: str) -> Iterator[Candidate]:
    """``hypertension medications``, ``COPD medication``, ``anti-dementia medications``."""
    for start, end in lines_with(text, lowered, AGENT_HEAD_KEYS, ADJECTIVE_BREAKS):
        for match in INDICATION_CLASS_RE.finditer(text, start, end):
            if match.group("agent")[0].isupper() and _TITLE_WORD_RE.match(text, match.end()):
                continue  # a title's words ("GLIA Glaucoma Medication Ocular Side Effect Questionnaire")
            yield _class(match.start(), match.end(), plural(match.group()))


def _coordinated_adjectives(text: str, start: int, agent: str) -> Iterator[Candidate]:
    """The adjectives coordinated before the class at ``start`` whose ``agent`` head they share (the
    patterns cross no line break)."""
    regex = ADJECTIVE_BEFORE_RE
    while (match := regex.search(text, max(0, start - _REACH), start)) is not None:
        word = match.group("adjective").lower()
        if _not_class(word):
            return
        yield _class(match.start(), match.end("adjective"), plural(f"{word} {agent}"))
        start, regex = match.start(), ADJECTIVE_BEFORE_COMMA_RE


def _adjective_nouns(text: str, lowered: str) -> Iterator[Candidate]:
    """``immunomodulators``, ``uterotonics``: a pharmacological adjective's plural noun."""
    for match in _matches(ADJECTIVE_NOUN_RE, text, lines_with(text, lowered, NOUN_KEYS)):
        yield _class(match.start(), match.end(), match.group("noun").lower())


_HEAD_AFTER_SHORT_RE = re.compile(rf"\s*[)\]][\s-](?:(?P<link>receptor)s?[\s-])?(?P<head>(?i:{_HEAD})){_END}")


def _expanded_classes(doc: Doc, text: str) -> Iterator[Candidate]:
    """A long form defined with its abbreviation before a class head, as one span: ``programmed
    cell death-1 (PD-1) inhibitors`` (the long form as the abbreviation component found it)."""
    definitions = doc._.trialspacy_abbreviation_defs if doc.has_extension("trialspacy_abbreviation_defs") else None
    for definition in definitions or []:
        long_start, long_end = definition["long"]
        short_start, short_end = definition["short"]
        if short_start < long_end or not _gene_like(definition["short_text"]):
            continue
        match = _HEAD_AFTER_SHORT_RE.match(text, short_end)
        if match is not None:
            link = f" {match.group('link')}" if match.group("link") else ""
            normalized = plural(f"{definition['short_text']}{link} {match.group('head')}")
            yield _class(long_start, match.end(), normalized)


# A target and a slash before a class: "PD1/PD-L1 antibody", "anti-PD-1/PD-L1 inhibitors".
_SLASHED_TARGET_RE = re.compile(rf"(?<![\w/-])(?:(?i:anti)-?)?(?P<gene>{_GENE})/\Z")


_COMBINATION_RE = re.compile(r"(?i)\bcombination")


def _slashed_classes(text: str, classes: Iterable[Candidate], drugs: Sequence[Candidate]) -> Iterator[Candidate]:
    """A class preceded by another target and a slash, as one span: the pair is the class's target.
    A word before the slash that is a drug of its own (one of ``drugs``: ``SSRIs`` of "SSRIs/SNRIs")
    is no target: the two are coordinated classes, each its own span, unless the text calls the pair
    a combination, a co-formulated product that stays one span ("fixed dose combination ICS/LABA")."""
    own = {(s, e) for s, e, _ in drugs}
    for start, end, attrs in classes:
        match = _SLASHED_TARGET_RE.search(text, max(0, start - 20), start)
        if (
            attrs["kind"] == "class"
            and match is not None
            and _gene_like(match.group("gene"))
            and (match.span("gene") not in own or _COMBINATION_RE.search(text, max(0, start - 30), end + 30))
        ):
            yield _class(match.start(), end, f"{match.group('gene').lower()}/{attrs['normalized']}")


def grammar_class(name: str) -> dict[str, Any] | None:
    """The attributes of the class that ``name`` names by its grammar as a whole (``PD-1 Inhibitors``,
    ``anti-CD20 antibodies``), else None: an intervention listed by its class is a class."""
    lowered = caseless(name)
    classes = (
        *_target_classes(name, lowered),
        *_anti_classes(name, lowered),
        *_long_target_classes(name, lowered),
        *_adjective_classes(name, lowered),
        *_adjective_nouns(name, lowered),
    )
    return next((attrs for start, end, attrs in classes if start == 0 and end == len(name)), None)


# "antibody" after an agent names antibodies against it, measured ("insulin antibodies"); after a class
# found by its grammar, which ends in its head, it names the drugs themselves ("a programmed death-1
# (PD-1) immune checkpoint inhibitor antibody").
_ANTIBODY_AFTER_RE = re.compile(r"[ \t]+antibod(?:y|ies)\b", re.IGNORECASE)


def _antibody_after(text: str, end: int) -> bool:
    return _ANTIBODY_AFTER_RE.match(text, end) is not None


# A short form in brackets after a class, which scispaCy's definitions cannot read when its letters
# are not all in the long form ("antibodies against the Epidermal Growth Factor receptor (EGFR-I)":
# no "i" there): the class's target and a letter or more of its head.
_SHORT_AFTER_RE = re.compile(r"[ \t]*\((?P<short>[A-Za-z][A-Za-z0-9-]{1,11})\)")
_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def _class_short_forms(text: str, classes: Iterable[Candidate]) -> Iterator[Candidate]:
    """Each occurrence, in any case, of a short form defined in brackets after a class (``EGFR-I``, then
    ``EGFr-I``) that spells the class's target and more: the class. The target alone in brackets is
    the gene (``EGFR``), not a short form of the class."""
    for _, end, attrs in classes:
        if attrs.get("kind") != "class" or (match := _SHORT_AFTER_RE.match(text, end)) is None:
            continue
        short = match.group("short")
        target = _NOT_ALNUM_RE.sub("", attrs["normalized"].removeprefix("anti-").split()[0])
        letters = _NOT_ALNUM_RE.sub("", short.lower())
        if not target or not letters.startswith(target) or letters == target or not short[:1].isupper():
            continue
        for occurrence in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text, re.IGNORECASE):
            if any(c.isupper() for c in occurrence.group()):
                yield occurrence.start(), occurrence.end(), dict(attrs)


# Classes whose initials stand for them undefined in breast cancer records ("at least 24 months of AI
# treatment", "tamoxifen or an AI"), initials with other senses elsewhere (artificial intelligence,
# adrenal insufficiency): the class where the record names it, or where the words around the initials
# say a drug is given (a word of giving, or a list with a drug: "tamoxifen or an AI"), and not where the
# record defines the initials as something else.
_INITIALISMS = {"".join(word[0].upper() for word in name.split()): name for name in _WORDS["class_initialism"]}
INITIALISM_RE = re.compile(rf"(?<![\w-])(?P<short>{_either(_INITIALISMS)})(?P<plural>s)?(?![\w-])")
_LISTED_AFTER_RE = re.compile(rf"(?:{_either(LIST_SEPARATORS)})[ \t]+(?:(?i:an?|the|any|prior|previous){_GAP})?\Z")


_WITH_BEFORE_RE = re.compile(r"(?i)\bwith[ \t]+(?:an?[ \t]+)?\Z")
_TREATED_WITH_RE = re.compile(r"(?i)\b(?:treat\w*|therap\w*|combin\w*|receiv\w*)[ \t]+with[ \t]+(?:an?[ \t]+)?\Z")


def _initialism_classes(doc: Doc, text: str, lowered: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """``AI`` (``aromatase inhibitors``) where the record names the class or gives the initials as a drug."""
    if INITIALISM_RE.search(text) is None:
        return
    definitions = doc._.trialspacy_abbreviation_defs if doc.has_extension("trialspacy_abbreviation_defs") else None
    ends = {end for _, end, _ in found}
    for match in INITIALISM_RE.finditer(text):
        name = _INITIALISMS[match.group("short")]
        defined = [d["long_text"].lower() for d in definitions or [] if d["short_text"] == match.group()]
        if any(name.split()[0] not in long for long in defined):
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        before = _LISTED_AFTER_RE.search(text, max(0, match.start() - 20), match.start())
        listed = before is not None and any(
            end <= before.start() and not text[end : before.start()].strip() for end in ends
        )
        # "with" alone is a patient's condition ("Patients with AI"); after a word of treating, a drug.
        window = text[max(0, match.start() - 40) : match.start()]
        given = given_as_therapy(doc, span.start, span.end) and (
            _WITH_BEFORE_RE.search(window) is None
            or _TREATED_WITH_RE.search(window) is not None
            or (span.end < len(doc) and doc[span.end].lower_ in THERAPY_AFTER)
        )
        if name in lowered or given or listed:
            yield _class(match.start(), match.end(), plural(name))


def class_spans(doc: Doc, text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """Drug classes by grammar that no other rule has found: each kept unless it cuts across a span
    already found (one it contains is replaced, as longer spans win) or the words around it say it is
    measured or names a condition, as for a lexicon's class ("drug screen positive for opioids",
    "opioid use disorder")."""
    found_bounds = [(s, e) for s, e, _ in found]
    kept: list[Candidate] = []
    lowered = caseless(text)
    candidates: list[Candidate] = [
        *_target_classes(text, lowered),
        *_participle_classes(text, lowered),
        *_given_class_nouns(text),
        *_anti_classes(text, lowered),
        *_antibody_classes(text, lowered),
        *_long_target_classes(text, lowered),
        *_adjective_classes(text, lowered),
        *_conjugate_classes(text, lowered),
        *_contrast_classes(text, lowered),
        *_initialism_classes(doc, text, lowered, found),
        *_indication_classes(text, lowered),
        *_adjective_nouns(text, lowered),
        *_expanded_classes(doc, text),
    ]
    candidates.extend(_slashed_classes(text, [*found, *candidates], found))
    candidates.extend(_class_short_forms(text, [*found, *candidates]))
    for start, end, attrs in candidates:
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in found_bounds):
            continue
        if any(start == s and end == e for s, e in found_bounds):
            continue
        span = doc.char_span(start, end)
        if span is not None and is_measured(doc, span.start, span.end) and not _antibody_after(text, end):
            continue
        kept.append((start, end, attrs))
    return kept
