"""Tokenizer rules for trial text, on top of spaCy's English defaults.

Doses, time frames and comparisons are written without spaces (``800-1200cGy``, ``50Gy/25fx``,
``3months``, ``life>3``, ``≥18``); splitting them lets every span start and end on a token
boundary. Investigational codes (``JS001``, ``MK-3475``) and names (``IL-2``, ``PD-1``) stay whole.

The tokenizer is the registered function ``trialspacy.Tokenizer.v1`` named in the pipeline's config
(``[nlp.tokenizer]``), so a pipeline made from its config alone tokenizes as the saved one does.
"""

from collections.abc import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import SimpleFrozenList, compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Units that may be glued to a preceding number.
_UNITS = (
    r"c?Gy|CGY|GY|cgy|gy|fx|Fx|FX|fr|Fr|f|F|"
    r"months?|mouths?|weeks?|wks?|wk|days?|years?|yrs?|yr|hours?|hrs?|hr|h|d|mo|mos|min|mins|minutes?"
)
# A lookbehind about a matched character follows that character (``[-–](?<=[0-9][-–])``, not
# ``(?<=[0-9])[-–]``): these regexes are tried at every position of a token, and a character
# class first fails faster there than an assertion.
INFIXES = (
    # 1200cGy, 3f, 3months: a zero-width split between a number and its unit
    rf"(?<=[0-9])(?=(?:{_UNITS})(?![A-Za-z]))",
    # 5x5, 8×3, 800-1200cGy×3f
    r"[x×X*](?<=[0-9][x×X*])(?=[0-9])",
    r"×",
    # 1Gy-3Gy, 50Gy/25fx, 1Gy/F
    r"[-–/+](?<=[Gg][Yy][-–/+])(?=[0-9A-Za-z])",
    r"/(?<=[fF][xX]/)",
    # comparators glued to numbers: life>3, ≤1
    r"(?<=[A-Za-z0-9)])(?:>=|<=|[<>≤≥=])(?=[0-9])",
    r"[≤≥]",
    # 6-8 weeks, 100-300cGy: a dash between numbers
    r"[-–](?<=[0-9][-–])(?=[0-9])",
    # item separators and brackets glued to words: `months|Overall`, `survival(PFS)`, `（DOR）`
    r"\|",
    # ...and the punctuation that ends an item before it: `for 2 years.|To evaluate`, `etoposide.~In`
    r"[.,;:](?=[|~])",
    r"[（）]",
    r"[(\[](?<=[A-Za-z0-9)\]）][(\[])(?=[A-Za-z])",
    r"\)(?<=[A-Za-z0-9]\))(?=[(\[A-Za-z/])",
    # the AACT line separator glued to words: `Gy).~Chemoradiation`
    r"~",
)
PREFIXES = (r"[<>≤≥=~]",)
# A sentence's full stop after a fraction unit: `100-300cGy × 5f.`, `1Gy/F.`; a suspended hyphen or
# a slash before a space after a word: `taxane- and platinum-based`, `rocuronium/ sugammadex`; the
# AACT separator `~` after punctuation (`4 weeks.~`), so that the punctuation becomes its own token;
# the mojibake `Â` of a registered sign (`EVOMELAÂ®`)
# (Lookbehinds follow their character, as in INFIXES.)
SUFFIXES = (r"\.(?<=[0-9/][fF]\.)", r"[-/](?<=[A-Za-z0-9]{2}[-/])", r"~", r"Â(?<=[A-Za-z]Â)")
# English abbreviations that swallow that full stop again (`5f.` would end in the token `f.`)
DROPPED_SPECIAL_CASES = ("f.",)


TOKENIZER = "trialspacy.Tokenizer.v1"
# The config section of a pipeline with trialspacy's tokenizer (see :func:`blank`).
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}}


class TrialTokenizer(Tokenizer):
    """spaCy's tokenizer, made with trialspacy's rules.

    Loading a saved pipeline makes the tokenizer from the config, then restores the saved state;
    when that state is the one it was made with, restoring it would only compile the ~2,700 special
    cases a second time, so it is skipped (unless the vocab brings norm exceptions, which the
    special cases' lexemes must be made with).
    """

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "TrialTokenizer":
        if "lexeme_norm" not in self.vocab.lookups and bytes_data == self.to_bytes(exclude=exclude):
            return self
        super().from_bytes(bytes_data, exclude=exclude)
        return self


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The registered tokenizer: English defaults plus trialspacy's prefix, suffix and infix rules,
    without the special cases in :data:`DROPPED_SPECIAL_CASES`, compiled once."""

    def make_tokenizer(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return TrialTokenizer(
            nlp.vocab,
            rules={k: v for k, v in defaults.tokenizer_exceptions.items() if k not in DROPPED_SPECIAL_CASES},
            prefix_search=compile_prefix_regex(list(PREFIXES) + list(defaults.prefixes or ())).search,
            suffix_search=compile_suffix_regex(list(SUFFIXES) + list(defaults.suffixes or ())).search,
            infix_finditer=compile_infix_regex(list(defaults.infixes or ()) + list(INFIXES)).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make_tokenizer


def blank() -> Language:
    """An English pipeline without components, with trialspacy's tokenizer (named in its config)."""
    return spacy.blank("en", config=TOKENIZER_CONFIG)
