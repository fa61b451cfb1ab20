"""Tokenizer rules for trial text, on top of spaCy's English defaults.

Doses, time frames and comparisons are written without spaces (``800-1200cGy``, ``50Gy/25fx``,
``3months``, ``life>3``, ``≥18``); splitting them lets every span start and end on a token
boundary. Investigational codes (``JS001``, ``MK-3475``) and names (``IL-2``, ``PD-1``) stay whole.
The rules are stored with the tokenizer, so a pipeline saved with ``to_disk`` keeps them.
"""

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

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


def customize_tokenizer(nlp: Language) -> None:
    """Add trialspacy's prefix, suffix and infix rules to ``nlp.tokenizer`` in place."""
    defaults = nlp.Defaults
    nlp.tokenizer.prefix_search = compile_prefix_regex(list(PREFIXES) + list(defaults.prefixes)).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(defaults.infixes) + list(INFIXES)).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(SUFFIXES) + list(defaults.suffixes)).search
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in DROPPED_SPECIAL_CASES}
