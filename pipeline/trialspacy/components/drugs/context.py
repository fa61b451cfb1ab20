"""The words around a substance that say it is measured rather than given (``insulin
resistance``, ``serum creatinine``) or, for a cytokine, that it is given (``IL-2 therapy``, ``treated
with interferon``).
Listed with a reason each in ``data/drug_context_words.jsonl``."""

from spacy.tokens import Doc

from ...lexicon import DocTokens, doc_tokens
from .vocabulary import vocabulary

_WORDS = vocabulary("drug_context_words.jsonl")
# A substance followed by one of these is measured, a biomarker or a device, not given: "estrogen
# receptor", "insulin resistance", "vitamin D deficiency", "heparin levels", "insulin pump".
MEASURED_AFTER = frozenset(_WORDS["measured_after"])
MEASURED_BEFORE = frozenset(_WORDS["measured_before"])
# Words after or before a cytokine that say it is given as therapy ("IL-2 therapy", "treated with
# interferon", "high-dose IL-2").
THERAPY_AFTER = frozenset(_WORDS["therapy_after"])
THERAPY_BEFORE = frozenset(_WORDS["therapy_before"])
# A name followed by one of these is an organism, however drug-like its name: "EV71 infection",
# "Pseudomonas aeruginosa infection" (a vaccine or an investigational code may share it).
PATHOGEN_AFTER = frozenset(_WORDS["pathogen_after"])


def next_word(doc: Doc, end: int) -> str:
    """Lower-case word after token ``end`` (skipping one hyphen), or ''."""
    return _next_word(doc_tokens(doc), end)


def is_measured(doc: Doc, start: int, end: int) -> bool:
    """True when the words around ``doc[start:end]`` say the substance is measured."""
    view = doc_tokens(doc)
    after = _next_word(view, end)
    return after in MEASURED_AFTER or _word_before(view, start) in MEASURED_BEFORE or after in PATHOGEN_AFTER


def names_pathogen(doc: Doc, end: int) -> bool:
    """True when the word after token ``end`` says the name before it is an organism."""
    return next_word(doc, end) in PATHOGEN_AFTER


def given_as_therapy(doc: Doc, start: int, end: int) -> bool:
    """True when the word after or before the cytokine ``doc[start:end]`` says it is given (``IL-2
    therapy``, ``treated with interferon``)."""
    view = doc_tokens(doc)
    return _next_word(view, end) in THERAPY_AFTER or _word_before(view, start) in THERAPY_BEFORE


# The words are read from the document's token view (see doc_tokens), not from Token objects, which
# cost more than the tests (a few per lexicon match): a token's lower-case form is spaCy's ``lower_``.
def _next_word(view: DocTokens, end: int) -> str:
    starts, words = view.starts, view.words
    glued = end < len(words) and starts[end] == starts[end - 1] + len(words[end - 1])
    if glued and view.token_text(end) in "-–":
        end += 1
    return view.token_text(end).lower() if end < len(words) else ""


def _word_before(view: DocTokens, start: int) -> str:
    return view.token_text(start - 1).lower() if start > 0 else ""
