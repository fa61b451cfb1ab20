"""The words around a substance that say it is measured rather than given (``insulin
resistance``, ``serum creatinine``) or, for a cytokine, that it is given (``IL-2 therapy``, ``treated
with interferon``).
Listed with a reason each in ``data/drug_context_words.jsonl``."""

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from spacy.tokens import Doc, Token

from ...lexicon import DocTokens, doc_tokens
from .vocabulary import vocabulary

_WORDS = vocabulary("drug_context_words.jsonl")
# A substance followed by one of these is measured, a biomarker or a device, not given: "estrogen
# receptor", "insulin resistance", "vitamin D deficiency", "heparin levels", "insulin pump".
MEASURED_AFTER = frozenset(_WORDS["measured_after"])
# A substance followed by one of these names a condition, not the substance given: "opioid abuse",
# "opioid use disorder" (an entry may be two words). Such a head is shared by a coordinated pair,
# "opioid or alcohol abuse"; a head of MEASURED_AFTER may be a class's own word ("aspirin or P2Y12
# receptor antagonist", "tyrosine kinase inhibitor or monoclonal antibody"), so it is not.
CONDITION_AFTER = frozenset(_WORDS["condition_after"])
_COORDINATORS = frozenset({"or", "and", "/"})
MEASURED_BEFORE = frozenset(_WORDS["measured_before"])
# Words after or before a cytokine that say it is given as therapy ("IL-2 therapy", "treated with
# interferon", "high-dose IL-2").
THERAPY_AFTER = frozenset(_WORDS["therapy_after"])
THERAPY_BEFORE = frozenset(_WORDS["therapy_before"])
# Nouns that say so two words before it, with "of" between: "administration of IL-2", "use of
# interferon", "stable dose of thyroxine" (not "levels of IL-6", "production of IL-2").
THERAPY_OF = frozenset(_WORDS["therapy_of"])
# Words that say so two words before it, with "to" between: a reaction to what is given ("allergy
# to NAC", "hypersensitivity to LDV/SOF"), where "sensitivity to" or "resistance to" may be measured.
THERAPY_TO = frozenset(_WORDS["therapy_to"])
# The same reaction written after the name ("Inulin allergy", "NAC hypersensitivity"). Not a word of
# THERAPY_AFTER: a consumed substance before it is still consumed ("alcohol intolerance").
REACTION_AFTER = frozenset(_WORDS["reaction_after"])
# A name followed by one of these is an organism, however drug-like its name: "EV71 infection",
# "Pseudomonas aeruginosa infection" (a vaccine or an investigational code may share it).
PATHOGEN_AFTER = frozenset(_WORDS["pathogen_after"])
# The words between the items of a list ("rituximab or IL-2", "IL-2, interferon"), at most this many.
LIST_SEPARATORS = frozenset(_WORDS["list_separator"])
MAX_SEPARATORS = 2
# A class named by one adjective, before one of these, is a property of its drugs:
# "any drug with potential anti-emetic effect", "antiviral activity", "sedative effects".
PROPERTY_AFTER = frozenset(_WORDS["property_after"])
# Adjectives with no use as a noun for their drugs: before therapy they name a modality, as the
# grammar's adjectives do ("anti-angiogenic therapy"); a class noun stays ("anticoagulant therapy").
MODALITY_ADJECTIVES = frozenset(_WORDS["modality_adjective"])
THERAPY_HEADS = frozenset(vocabulary("drug_class_grammar.jsonl")["therapy_head"])
# The endings of such an adjective (``antiviral``, ``anti-emetic``, ``sedative``, ``antiplatelet``,
# ``bronchodilator``); a noun before a property noun names the drugs whose property it is
# ("glucocorticoid effects", "antifolate efficacy", "statin efficacy", "antiarrhythmic-drug efficacy").
_ADJECTIVE_END_RE = re.compile(r"(?:ic|al|ive|ory|ary|ant|ent|ar|or|et)\Z")
# The words that introduce examples of what comes before them ("immune modulators (including but not
# limited to interferon", "immunomodulators such as IL-2"), each as its tokens' lower-case forms; the
# punctuation that may stand around them.
EXAMPLE_CUES = tuple(sorted((tuple(cue.split()) for cue in _WORDS["example_cue"]), key=len, reverse=True))
_EXAMPLE_PUNCTUATION = frozenset({"(", "[", ",", ":"})
# A substance followed by a number in a unit of concentration in a body fluid is a laboratory value:
# "Testosterone < 50 ng/dL", "Type B natriuretic peptide (BNP) >150 pg/ml", "progesterone > 3 ng/ml".
# Its abbreviation in parentheses and a comparator may come between; a range counts as a number.
_NUMBER = r"\d+(?:[.,]\d+)?"
LAB_VALUE_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,15}\)[ \t]*)?\)?[ \t]*"
    r"(?:[<>≤≥=~]=?|(?:less|greater|more|lower|higher)[ \t]+than|below|above|under|over|of)?[ \t]*"
    r"(?:or[ \t]+equal[ \t]+to[ \t]*)?"
    rf"{_NUMBER}(?:[ \t]*[-–][ \t]*{_NUMBER})?[ \t]*"
    rf"(?:{'|'.join(re.escape(unit) for unit in sorted(_WORDS['lab_unit'], key=len, reverse=True))})(?![\w/])",
    re.IGNORECASE,
)


def next_word(doc: Doc, end: int) -> str:
    """Lower-case word after token ``end`` (skipping one hyphen), or ''."""
    return _next_word(doc_tokens(doc), end)


def is_measured(doc: Doc, start: int, end: int) -> bool:
    """True when the words around ``doc[start:end]`` say the substance is measured or names a
    condition: a head after it, also after the parenthesis it is written in (a condition's also after a
    coordinated substance, "opioid or alcohol abuse"), a body fluid before it, a laboratory value after
    it, or a drug screen's list it is in."""
    view = doc_tokens(doc)
    following = _next_index(view, end)
    after = _word_at(view, following)
    return (
        after in MEASURED_AFTER
        or _word_at(view, _past_parenthesis(view, following)) in MEASURED_AFTER
        or _condition_head_at(view, following)
        or (after in _COORDINATORS and _condition_head_at(view, following + 2))
        or (after in _RECEPTOR_COORDINATORS and _shared_receptor(view, following))
        or _word_before(view, start) in MEASURED_BEFORE
        or after in PATHOGEN_AFTER
        or has_lab_value(view, end)
        or in_drug_screen(view, start)
    )


def _past_parenthesis(view: DocTokens, i: int) -> int:
    """The token after the parenthesis that closes at token ``i``, for a short form written in it
    ("chorionic gonadotrophin (hCG) test"); else ``i``. The long form before the parenthesis is not so
    read: the short form it defines there is then the drug's everywhere else ("C1 inhibitor (C1INH)
    serum levels ... allergic reaction to C1INH")."""
    return i + 1 if _word_at(view, i) == ")" else i


_RECEPTORS = frozenset({"receptor", "receptors"})
_RECEPTOR_COORDINATORS = _COORDINATORS | {"and/or"}
_DETERMINERS = frozenset({"a", "an", "the", "any"})
_CLASS_HEADS = frozenset(vocabulary("drug_class_grammar.jsonl")["head"])


def _shared_receptor(view: DocTokens, i: int) -> bool:
    """True when the coordinator at token ``i`` (also ``and/or``) joins a substance before it to one or
    two words and ``receptor(s)``, a head both share: "no expression of estrogen and progesterone
    receptors", "estrogen and/or progesterone receptor negative". A class head or a participle after
    the receptor word is the second item's alone ("aspirin or P2Y12 receptor antagonist", "an
    ACE-inhibitor and an angiotensin receptor blocking agent"), as is a second item with its own
    determiner."""
    while _word_at(view, i) in _RECEPTOR_COORDINATORS:
        i += 1
    if _word_at(view, i) in _DETERMINERS:
        return False  # a noun phrase of its own: "an ACE-inhibitor and an angiotensin receptor blocking agent"
    for width in (1, 2):
        if _word_at(view, i + width) in _RECEPTORS:
            following = _word_at(view, _next_index(view, i + width + 1))
            return following not in _CLASS_HEADS and not following.endswith("ing")
    return False


def _condition_head_at(view: DocTokens, i: int) -> bool:
    """True when the word at token ``i``, or it and the next, is a head of :data:`CONDITION_AFTER`."""
    word = _word_at(view, i)
    return word in CONDITION_AFTER or (bool(word) and f"{word} {_word_at(view, i + 1)}" in CONDITION_AFTER)


# A drug screen and the list of what it tests for (read in lower case): "urine drug screen positive for cocaine, opiates or
# amphetamines", "urine toxicology screen (except for methadone)", "drug screen (eg, amphetamines,
# barbiturates ...)". The substances are measured. The list runs to the end of the clause, after a word
# that introduces it; a word of giving or of time between says the substance is given ("negative drug
# screen before the first dose of naltrexone", "drug screen, and not taking methadone").
DRUG_SCREEN_RE = re.compile(
    r"\b(?:drugs?|toxicology|tox|urine)[ \t]+(?:(?:of[ \t]+)?abuse[ \t]+)?(?:screen|screening|test|testing|panel)s?\b"
    r"(?P<list>(?:[^.;\n]|\be\.?g\.|\bi\.?e\.)*)\Z"
)
_LIST_OPENER_RE = re.compile(r"\bfor\b|\bof\b|\bincluding\b|\bsuch as\b|\be\.?g\b|[(:]", re.IGNORECASE)
_GIVEN_RE = re.compile(
    r"\b(?:prior|before|after|during|within|until|unless|while|dose[sd]?|history|allowed|permitted|"
    r"us(?:e|es|ed|ing)|tak(?:e|es|en|ing)|receiv\w*|treat\w*|start\w*|initiat\w*|administ\w*)\b",
    re.IGNORECASE,
)
# How far back a drug screen's cue may be: a list of a dozen substances.
DRUG_SCREEN_REACH = 200


def in_drug_screen(view: DocTokens, start: int) -> bool:
    """True when token ``start`` is in the list of what a drug screen tests for (see :data:`DRUG_SCREEN_RE`)."""
    begin = view.starts[start]
    window = view.folded[max(0, begin - DRUG_SCREEN_REACH) : begin].lower()
    if "screen" not in window and "test" not in window and "panel" not in window:
        return False  # most substances: no drug screen before them
    match = DRUG_SCREEN_RE.search(window)
    if match is None:
        return False
    between = match.group("list")
    return _LIST_OPENER_RE.search(between) is not None and _GIVEN_RE.search(between) is None


# A laboratory value is a few tokens long: "(BNP) > 150 pg / mL" is eight.
LAB_VALUE_TOKENS = 12


def has_lab_value(view: DocTokens, end: int) -> bool:
    """True when token ``end`` starts a laboratory value of the substance before it (``< 50 ng/dL``):
    read in the text from the substance's end to the end of the next few tokens."""
    words, starts = view.words, view.starts
    if end >= len(words):
        return False
    last = min(end + LAB_VALUE_TOKENS, len(words)) - 1
    after = view.text[starts[end - 1] + len(words[end - 1]) : starts[last] + len(words[last])]
    return LAB_VALUE_RE.match(after) is not None


def names_property(doc: Doc, start: int, end: int) -> bool:
    """True when the class named by the adjective ``doc[start:end]`` names a property of its drugs or a
    modality instead (``anti-emetic effect``, ``anti-angiogenic therapy``): one adjective (hyphens
    aside) before a property noun, or an adjective of no drugs before therapy."""
    view = doc_tokens(doc)
    starts, words = view.starts, view.words
    if any(starts[i + 1] != starts[i] + len(words[i]) for i in range(start, end - 1)):
        return False  # several words: "PD-1 inhibitor efficacy" is the efficacy of a named class
    word = "".join(view.lowers[start:end])
    after = _next_word(view, end)
    return (after in PROPERTY_AFTER and _ADJECTIVE_END_RE.search(word) is not None) or (
        word in MODALITY_ADJECTIVES and after in THERAPY_HEADS
    )


# Words after a drug class that say the disease or the organism resists its drugs.
_RESISTANCE = frozenset({"resistance", "resistant"})


def names_resistance(doc: Doc, end: int) -> bool:
    """True when the word after token ``end`` (past a hyphen) is resistance to what comes before it
    ("antiretroviral resistance", "platinum-resistant")."""
    return next_word(doc, end) in _RESISTANCE


def names_pathogen(doc: Doc, end: int) -> bool:
    """True when the word after token ``end`` says the name before it is an organism."""
    return next_word(doc, end) in PATHOGEN_AFTER


# A comparator after a substance makes it a laboratory value, whatever comes before it ("Women With
# Estradiol > 25 pg/mL").
_COMPARATORS = frozenset({">", "<", "≥", "≤", ">=", "<=", "=", "=<", "=>"})


def compared(doc: Doc, end: int) -> bool:
    """True when a comparator follows token ``end - 1``: what comes before it is a value or a score
    ("Estradiol > 25 pg/mL", "ASA> 3")."""
    return next_word(doc, end) in _COMPARATORS


# DrugBank's block of biologic extracts (see scripts/build_drug_lexicon.py): a name from it that the
# lexicon takes only where given is an allergenic extract named by its food, plant or animal.
_EXTRACT_BLOCK = ("DB10000", "DB11000")


def allergenic_extract(payload: Mapping[str, Any]) -> bool:
    """True for a lexicon entry of an allergenic extract named by a plain word (``shrimp``)."""
    ident = payload.get("drugbank_id") or ""
    return _EXTRACT_BLOCK[0] <= ident < _EXTRACT_BLOCK[1]


# After "non-" and a name, a noun that names no treatment: the words describe something that is not
# the drug ("any potential non-opioid cause of bowel dysfunction"), unlike "non-platinum chemotherapy".
NOT_DRUG_AFTER_NON = frozenset(_WORDS["not_drug_after_non"])
_NON_BEFORE_RE = re.compile(r"(?<![\w-])(?i:non)-?\Z")
_WORD_AFTER_RE = re.compile(r"[ \t]+(?P<word>[A-Za-z]+)")


def names_other_after_non(text: str, start: int, end: int) -> bool:
    """True when the name ``text[start:end]`` follows ``non-`` and comes before a noun of
    :data:`NOT_DRUG_AFTER_NON` ("non-opioid cause"): no drug is named."""
    if _NON_BEFORE_RE.search(text, max(0, start - 4), start) is None:
        return False
    after = _WORD_AFTER_RE.match(text, end)
    return after is not None and after.group("word").lower() in NOT_DRUG_AFTER_NON


def given_as_therapy(doc: Doc, start: int, end: int, reaction: bool = True) -> bool:
    """True when the word after or before the cytokine ``doc[start:end]`` says it is given (``IL-2
    therapy``, ``treated with interferon``, ``administration of IL-2``), or, with ``reaction``, a
    reaction to it (``allergy to NAC``, ``Inulin allergy``); unless a comparator follows it (a
    laboratory value). A food named by an allergenic extract's word takes no reaction: "shrimp
    allergy" is the food's."""
    view = doc_tokens(doc)
    after = _next_word(view, end)
    before = _word_before(view, start)
    return after not in _COMPARATORS and (
        after in THERAPY_AFTER
        or before in THERAPY_BEFORE
        or (before == "of" and _word_before(view, start - 1) in THERAPY_OF)
        or (reaction and (after in REACTION_AFTER or (before == "to" and _word_before(view, start - 1) in THERAPY_TO)))
    )


# Substances people drink (GUIDELINES: alcohol is no DRUG): a drug only where the words around one
# say it is given as a product ("absolute ethanol", "percutaneous ethanol injection", "Ethanol 96%
# Gel"), not consumed ("At least 48 hours since prior or concurrent ethanol", "ethanol abuse").
CONSUMED = frozenset(_WORDS["consumed_substance"])
CONSUMED_GIVEN_BEFORE = frozenset(_WORDS["consumed_given_before"])
CONSUMED_GIVEN_AFTER = frozenset(_WORDS["consumed_given_after"]) | THERAPY_AFTER
# Nouns of giving before "of" ("injection of absolute ethanol"); not "intake" or "use", its consumption.
_GIVING_OF = frozenset({"injection", "injections", "infusion", "infusions", "administration"})


def given_as_product(doc: Doc, start: int, end: int) -> bool:
    """True when the words around the consumed substance ``doc[start:end]`` (see :data:`CONSUMED`)
    say it is given as a product: its grade or route before it, a word of giving after it or before
    ``of`` before it, or a percentage beside it ("Ethanol 98% Solution", "96% ethanol")."""
    view = doc_tokens(doc)
    after = _next_word(view, end)
    before = _word_before(view, start)
    return (
        after in CONSUMED_GIVEN_AFTER
        or before in CONSUMED_GIVEN_BEFORE
        or before == "%"
        or (before == "of" and _word_before(view, start - 1) in _GIVING_OF)
        or (after.replace(".", "").isdigit() and _word_at(view, _next_index(view, end) + 1) == "%")
    )


# A cytokine or growth factor by its name: listed with cytokines, a cytokine is as likely measured
# ("cytokines such as INF-gamma, interleukin-2, interleukin-4"; "tumor necrosis factor-alpha, basic
# fibroblast growth factor"), so such a name is no evidence that the cytokines listed with it are given.
# A product named after one (``Peginterferon``) is a drug and is evidence.
CYTOKINE_NAME_RE = re.compile(r"\binterleukin|\bIL-?\d|\bfactor\b|\binterferon|\bIFN", re.IGNORECASE)


def listed_beside(doc: Doc, start: int, end: int, starts: AbstractSet[int], ends: AbstractSet[int]) -> bool:
    """True when ``doc[start:end]`` is an item of a list whose previous item ends at a token of ``ends``
    or whose next item starts at a token of ``starts`` (the drugs found): a cytokine listed beside a
    drug is given like it ("Allergy to rituximab or IL-2", "acyclovir, interferon, foscarnet"), and so
    is the first example of a drug or class ("immune modulators (including but not limited to
    interferon, IL-2"). Not the first part of a longer name (``IFN`` of ``IFN-A2a``)."""
    if end < len(doc) and doc[end].text in "-–" and not doc[end - 1].whitespace_:
        return False
    before = start
    while start - before < MAX_SEPARATORS and before > 0 and doc[before - 1].lower_ in LIST_SEPARATORS:
        before -= 1
    example = _example_of(doc, start)
    after = end
    while after - end < MAX_SEPARATORS and after < len(doc) and doc[after].lower_ in LIST_SEPARATORS:
        after += 1
    return (
        (before < start and before in ends)
        or (example < start and example in ends)
        or (after > end and after in starts)
        or _line_item_beside(doc, start, end, starts, ends)
    )


# What may stand between two items of a list written one a line: the end of a line, a bullet or an
# item's number, and the item's closing punctuation.
_ITEM_PUNCTUATION = frozenset({".", ";", ",", "-", "•", "*", "·", "–"})
_ITEM_GAP = 6


def _is_gap(token: Token) -> bool:
    return token.is_space or token.text in _ITEM_PUNCTUATION or (token.like_num and len(token.text) <= 2)


def _line_item_beside(doc: Doc, start: int, end: int, starts: AbstractSet[int], ends: AbstractSet[int]) -> bool:
    """True when ``doc[start:end]`` is a whole item of a list written one item a line and the item on
    the line before ends with a drug, or the one on the line after starts with one ("Excluded: -
    Steroids. - Interleukins. - Interferons.")."""
    after = end
    while after < len(doc) and after - end < _ITEM_GAP and _is_gap(doc[after]) and "\n" not in doc[after].text:
        after += 1
    own_line = after == len(doc) or "\n" in doc[after].text or "\n" in doc[after - 1].whitespace_
    before = start
    while before > 0 and start - before < _ITEM_GAP and _is_gap(doc[before - 1]):
        before -= 1
    if not own_line or not any("\n" in t.text or "\n" in t.whitespace_ for t in doc[max(before - 1, 0) : start]):
        return False
    if before in ends:
        return True
    following = after
    while following < len(doc) and following - after < _ITEM_GAP and _is_gap(doc[following]):
        following += 1
    return following > after and following in starts


def _example_of(doc: Doc, start: int) -> int:
    """The token after the name that ``doc[start:]`` is given as an example of ("immunomodulators such
    as IL-2", "immune modulators (including but not limited to interferon"), else ``start``."""
    before = start
    if before > 0 and doc[before - 1].text in _EXAMPLE_PUNCTUATION:
        before -= 1
    for cue in EXAMPLE_CUES:
        if before >= len(cue) and tuple(token.lower_ for token in doc[before - len(cue) : before]) == cue:
            before -= len(cue)
            if before > 0 and doc[before - 1].text in _EXAMPLE_PUNCTUATION:
                before -= 1
            return before
    return start


# The words are read from the document's token view (see doc_tokens), not from Token objects, which
# cost more than the tests (a few per lexicon match): a token's lower-case form is spaCy's ``lower_``.
def _next_index(view: DocTokens, end: int) -> int:
    """The token after token ``end - 1``, past one hyphen glued to it."""
    starts, words = view.starts, view.words
    glued = end < len(words) and starts[end] == starts[end - 1] + len(words[end - 1])
    return end + 1 if glued and view.token_text(end) in "-–" else end


def _word_at(view: DocTokens, i: int) -> str:
    return view.token_text(i).lower() if i < len(view.words) else ""


def _next_word(view: DocTokens, end: int) -> str:
    return _word_at(view, _next_index(view, end))


def _word_before(view: DocTokens, start: int) -> str:
    return view.token_text(start - 1).lower() if start > 0 else ""
