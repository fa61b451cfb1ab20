"""Tokenizer rules for trial text, on top of spaCy's English defaults.

Doses, time frames and comparisons are written without spaces (``800-1200cGy``, ``50Gy/25fx``,
``3months``, ``life>3``, ``≥18``); splitting them lets every span start and end on a token
boundary. Investigational codes (``JS001``, ``MK-3475``) and names (``IL-2``, ``PD-1``) stay whole; a
tracer's isotope label glued to the name it labels (``[18F]AH111585``) and a footnote asterisk before an
item separator (``cisplatin*~``) are split off.
A capital letter that ends a name and a sentence is not an initial: ``amphotericin B.`` ends in
``B`` ``.``, while ``E. coli`` and ``John F. Kennedy`` keep theirs (see :func:`split_final_initials`).

Text as registries hold it (``registry_text``, on by default): CJK and full-width punctuation
(``pemetrexed、carboplatin``, ``CTLA-4（CD152）、TIGIT``) and invisible characters pasted beside a word
(``docetaxel\u200b``) are tokens of their own, and ``+`` between words is one
(``docetaxel+ramucirumab``, ``AK104+anlotinib``) but not in a marker (``CD8+``, ``ER+/PR+``,
``CD4+CD25+``). The documents it makes read as registry text (see
:func:`trialspacy.lexicon.read_as_registry_text`): matchers see ``ＰＦＳ`` as ``PFS``, while the text
and its offsets stay as written.

The tokenizer is the registered function ``trialspacy.Tokenizer.v1`` named in the pipeline's config
(``[nlp.tokenizer]``), so a pipeline made from its config alone tokenizes as the saved one does: a
saved pipeline's affix rules are those of its config, not restored from its files (so that
``config={"nlp": {"tokenizer": {"registry_text": False}}}`` turns the rules above off on loading).

spaCy strips a word's prefixes and suffixes one at a time, searching the rest of the word each time,
so a word made of many of them (``"(" * 20000``) takes time quadratic in its length (143 s for 40 KB).
Such words are tokenized by a linear fallback instead (see :meth:`TrialTokenizer.__call__`).
"""

import re
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList, compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from .lexicon import read_as_registry_text
from .text import INVISIBLE_CHARS, folds

# Units that may be glued to a preceding number.
_UNITS = (
    r"c?Gy|CGY|GY|cgy|gy|fx|Fx|FX|fr|Fr|f|F|"
    r"months?|mouths?|weeks?|wks?|wk|days?|years?|yrs?|yr|hours?|hrs?|hr|h|d|mo|mos|min|mins|minutes?"
)
# The end of an isotope label in brackets, as lookbehinds of one width each (`(?<=...)` takes no
# other): mass number then element symbol (`[18F]`, `[99mTc]`, `[177Lu]`) or symbol, hyphen and
# mass number (`[I-123]`, `[Tc-99m]`). The opening bracket is not looked for: the infixes are
# searched in what is left of a word once its prefixes (that bracket) are split off.
_MASS_NUMBERS = ("[0-9]", "[0-9]{2}", "[0-9]{3}", "[0-9]{2}m", "[0-9]{3}m")
_SYMBOLS = ("[A-Z]", "[A-Z][a-z]")
_AFTER_ISOTOPE_LABEL = "|".join(
    [rf"(?<={m}{s}\])" for m in _MASS_NUMBERS for s in _SYMBOLS]
    + [rf"(?<={s}-{m}\])" for s in _SYMBOLS for m in _MASS_NUMBERS]
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
    # a life expectancy whose comparator the registry lost: `survival time3 months`, `expectancy12weeks`
    r"(?=[0-9])(?:(?<=[Ee]xpectancy)|(?<=[Ss]urvival)|(?<=[Ll]ife)(?<![A-Za-z][Ll]ife)|(?<=[Tt]ime)(?<![A-Za-z][Tt]ime))",
    # comparators glued to numbers: life>3, ≤1
    r"(?<=[A-Za-z0-9)])(?:>=|<=|[<>≤≥=])(?=[0-9])",
    r"[≤≥]",
    # ...and to a CTCAE grade after an endpoint: AEs>=grade 3
    r"[<>](?<=[A-Za-z][<>])=?(?=[Gg]rade)",
    # 6-8 weeks, 100-300cGy: a dash between numbers
    r"[-–](?<=[0-9][-–])(?=[0-9])",
    # a comma listing numbers without a space: `2,6 weeks`, `4,6,12,18,24 months`; not a thousands
    # group (`1,500/mcL`: three digits follow)
    r",(?<=[0-9],)(?=[0-9])(?![0-9]{3}(?![0-9]))",
    # ...and its later numbers of three digits, once a group of one or two digits has shown that it
    # is a list (`72,96,120,144 hours`: no thousands group follows a shorter one)
    r",(?<=[0-9],)(?=[0-9])(?:(?<=,[0-9],)|(?<=,[0-9]{2},)|(?<=,[0-9]{1},[0-9]{3},)|(?<=,[0-9]{2},[0-9]{3},)"
    r"|(?<=,[0-9]{2},[0-9]{3},[0-9]{3},))",
    # a comma between a word and a number without a space: `24 weeks,52 weeks`, `Baseline,4 hours`
    r",(?<=[A-Za-z],)(?=[0-9])",
    # a slash between a capital and a code that starts with a digit joins agents' short names:
    # `ZDV/3TC/NVP`, `CDDP/5-FU`; not a rate's denominator (`mL/24 hours`, `IV/24 hours`)
    r"/(?<=[A-Z]/)(?=[0-9]+-?[A-Za-z])",
    # ...and after a name in lower case when the code has its hyphen: `trastuzumab/5-fluorouracil`,
    # `paclitaxel/5-FU` (not `mg/5-day`: three letters before the slash)
    r"/(?<=[a-z]{3}/)(?=[0-9]+-[A-Za-z])",
    # item separators and brackets glued to words: `months|Overall`, `survival(PFS)`, `（DOR）`
    r"\|",
    # ...and the punctuation or footnote asterisk that ends an item before it: `for 2 years.|To
    # evaluate`, `etoposide.~In`, `weekly cisplatin*~Patients` (spaCy splits a word's final `*`, but
    # an infix's pieces are not searched for suffixes again)
    r"(?:[.,;:]|\*+)(?=[|~])",
    # ...and a closing bracket there: `(max 36 months)|Overall Survival (OS)|`, `(OS).|`
    r"\)(?=[.,;:]?[|~])",
    r"[（）]",
    # a bracket between a time unit and a number: `every 41-56 days(2 cycles)`
    r"\((?<=[a-z]{2}\()(?=[0-9])",
    r"[(\[](?<=[A-Za-z0-9)\]）][(\[])(?=[A-Za-z])",
    r"\)(?<=[A-Za-z0-9]\))(?=[(\[A-Za-z/]|-[A-Za-z])",
    # ...and the slash or hyphen after that bracket, which would stay on the next word: `5-fluorouracil
    # (FU)/epirubicin`, `Bu (busulfan)/VP-16`, `biaxin (clarithromycin)-based`
    r"[/-](?<=[A-Za-z0-9]\)[/-])(?=[A-Za-z0-9])",
    # the AACT line separator glued to words: `Gy).~Chemoradiation`
    r"~",
    # ...and a bullet's dash glued to the item after it: `A2:~--Prior treatment` (see PREFIXES)
    r"-(?<=~-)-{0,2}(?=[A-Z]?[a-z]{2})",
    # an item number's full stop glued to the item's first word: `~3.Testosterone levels`,
    # `carcinoma. 2.Eastern Cooperative` (a capital and a small letter: not `RECIST1.1`, `v2.0`)
    r"\.(?<=[0-9]\.)(?=[A-Z][a-z])",
    # an isotope label in brackets glued to the agent it labels: `[18F]AH111585`, `[11C]choline`,
    # `[I-123]IBZM`; not the brackets of a chemical name (`benzo[1,3]dioxol`, `[(2-...)]adenine`)
    rf"\](?=[A-Za-z0-9])(?:{_AFTER_ISOTOPE_LABEL})",
)
# A bullet's dash glued to the item's first word (`-Patients`, `--Prior treatment`, `~--Electrolytes`),
# so that the item can start after it; not a sign or a code's dash (`-1`, `-FU`, `-PD-1`).
PREFIXES = (r"[<>≤≥=~]", r"-{1,3}(?=[A-Z]?[a-z]{2})")
# Function words glued to the number that ends a code, in text registered from China without the
# space: `SHR-A1921or SHR-A2009`, `SHR-A1811versus Pyrotinib` (a suffix, split off at the word's end;
# not `in`, the symbol of indium in `111In`).
GLUED_WORDS = "or|and|plus|with|vs|versus|to|of"
# A sentence's full stop after a fraction unit: `100-300cGy × 5f.`, `1Gy/F.`; a suspended hyphen or
# a slash before a space after a word: `taxane- and platinum-based`, `rocuronium/ sugammadex`; the
# AACT separator `~` after punctuation (`4 weeks.~`), so that the punctuation becomes its own token;
# the mojibake `Â` of a registered sign (`EVOMELAÂ®`); a `+` after a dose's unit (`42 Gy+`: "42 Gy or
# more", the sign no part of the dose); a function word glued to a code (GLUED_WORDS); a sentence's
# full stop after a name that ends in a capital after a small letter (`AZT or ddI.`, `ddC.`,
# `100 mg/dL.`), which spaCy's English rules leave on it as on an initial's stop
# (Lookbehinds follow their character, as in INFIXES.)
SUFFIXES = (
    r"\.(?<=[0-9/][fF]\.)",
    r"\.(?<=[a-z][A-Z]\.)",
    r"[-/](?<=[A-Za-z0-9]{2}[-/])",
    r"~",
    r"Â(?<=[A-Za-z]Â)",
    r"\+(?<=[Gg][Yy]\+)",
    rf"(?<=[0-9])(?:{GLUED_WORDS})",
)
# English abbreviations that swallow that full stop again (`5f.` would end in the token `f.`)
DROPPED_SPECIAL_CASES = ("f.",)

# spaCy's English exceptions keep a capital with its full stop as one token, for an initial (`John F.
# Kennedy`, `E. coli`). At the end of a sentence that token hides the last word of a name
# (`amphotericin B.`, `vitamin D. We`, `peptide T.`), on which no span can then end; so it is split
# when a word comes before it (maybe on the line before: `amphotericin\n   B.`, not a list's `A.`)
# and its full stop ends the text or a line, or space and a capital or digit follow and the word
# just before it starts in lower case and is no stop word (an initial follows a capitalized name,
# `John F. Kennedy`, or a function word, `by R. Gray`, `to E. Coli derived`; a list's `B. Age` may
# follow the last word of an item without a stop on the line before).
# (Group 1 holds the end of a line or of the text.)
_FINAL_INITIAL = re.compile(r"[A-Z](?<=\s[A-Z])\.(?=([^\S\r\n]*(?:[\r\n]|$))|\s+[A-Z0-9])")

# Registry text (see the module's docstring). spaCy's English rules strip CJK punctuation from a
# word's ends but, counting it among the letters, never split a word at it; invisible characters
# are not white space to spaCy, so they glue themselves to the word beside them.
REGISTRY_PUNCT = "、，；：。！？【】〔〕「」『』《》〈〉＜＞～〜／"
# (the soft hyphen belongs inside a word, where the matchers ignore it: only stripped from its ends)
_JOINERS = INVISIBLE_CHARS.replace("\u00ad", "")
REGISTRY_INFIXES = (
    # a bracket or quote between a word and that punctuation: `(each cycle is 21 days)、Cycle 16`
    # (the pieces an infix leaves are not searched for affixes again)
    f'[)\\]”’"(\\[“‘](?:(?=[{REGISTRY_PUNCT}])|(?<=[{REGISTRY_PUNCT}].))',
    # a `+` joining words: after a word of 3 letters or before one (`Len+Pem`, `AK104+anlotinib`);
    # a marker's `+` has at most 2 letters on the other side (`CD8+`, `ER+ve`, `CD4+CD25+`)
    r"\+(?:(?<=[A-Za-z]{3}\+)(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]\+)(?=[A-Za-z]{3}))",
)


def affix_rules(registry_text: bool) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """trialspacy's prefix, suffix and infix rules, with or without those for registry text.

    The registry text's punctuation and invisible characters join a one-character rule's class
    (``[<>≤≥=~]``, ``~``, ``[（）]``) rather than adding rules: every rule is an alternative the
    regular expression tries at each position of each word, and one more costs more than a wider class.
    """
    if not registry_text:
        return PREFIXES, SUFFIXES, INFIXES

    def widen(rules: tuple[str, ...], rule: str, chars: str) -> tuple[str, ...]:
        return tuple(f"[{rule.strip('[]')}{chars}]" if r == rule else r for r in rules)

    affixes = REGISTRY_PUNCT + INVISIBLE_CHARS
    return (
        widen(PREFIXES, "[<>≤≥=~]", affixes),
        widen(SUFFIXES, "~", affixes),
        widen(INFIXES, "[（）]", REGISTRY_PUNCT + _JOINERS) + REGISTRY_INFIXES,
    )


# A whitespace-free word of at least AFFIX_WINDOW characters is checked for affixes in its first and
# last AFFIX_WINDOW characters; more than MAX_AFFIXES prefixes or suffixes there, or a length above
# MAX_WORD, send it to the fallback. In 6,786 ClinicalTrials.gov records the longest word has 129
# characters and no word has more than 6 affixes; with these bounds the worst word costs spaCy about
# 15 microseconds per character (measured by scripts/benchmark_stalls.py).
AFFIX_WINDOW = 64
MAX_AFFIXES = 16
MAX_WORD = 1000
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{AFFIX_WINDOW},}}")
# The fallback's tokens: a run of word characters, or any other character alone.
_FALLBACK_TOKEN = re.compile(r"\w+|\S")

# spaCy keeps a word's tokens in its cache only when their lexemes are in the vocab, which in a
# pipeline without vectors (as this one) few are: every other word is searched for affixes again at
# each occurrence, and the suffix and infix searches (some hundred alternatives tried at each
# position of the word) take most of the tokenizer's time. Their results are remembered by word
# instead: for words of at most AFFIX_WINDOW characters, up to AFFIX_MEMO of them (then all
# forgotten at once), for the rules that found them (see _AffixMemo).
AFFIX_MEMO = 1 << 16

TOKENIZER = "trialspacy.Tokenizer.v1"
# The config section of a pipeline with trialspacy's tokenizer (see :func:`blank`).
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}}


# What a pipeline's config makes, not restored from its saved tokenizer (see TrialTokenizer.from_bytes).
_MADE_BY_CONFIG = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


class TrialTokenizer(Tokenizer):
    """spaCy's tokenizer, made with trialspacy's rules; with ``registry_text``, the documents it
    makes read as registry text (see :func:`trialspacy.lexicon.read_as_registry_text`).

    Loading a saved pipeline makes the tokenizer from the config, then restores the saved state
    but for the affix rules (the config's: see :meth:`from_bytes`); when that state is the one it
    was made with, restoring it would only compile the ~2,700 special cases a second time, so it
    is skipped (unless the vocab brings norm exceptions, which the special cases' lexemes must be
    made with).
    """

    def __init__(self, vocab: Vocab, *args: Any, registry_text: bool = False, **kwargs: Any) -> None:
        # (Before spaCy's constructor, which searches the special cases for affixes.)
        self._suffixes = _AffixMemo(Tokenizer.find_suffix, attrgetter("suffix_search"))
        self._infixes = _AffixMemo(Tokenizer.find_infix, attrgetter("infix_finditer"))
        super().__init__(vocab, *args, **kwargs)
        self.registry_text = registry_text

    def find_suffix(self, string: str) -> int:
        """spaCy's :meth:`~spacy.tokenizer.Tokenizer.find_suffix`, remembered by word (see :data:`AFFIX_MEMO`)."""
        return int(self._suffixes(self, string))

    def find_infix(self, string: str) -> list[re.Match[str]] | int:
        """spaCy's :meth:`~spacy.tokenizer.Tokenizer.find_infix` (0 without infix rules),
        remembered by word (see :data:`AFFIX_MEMO`)."""
        found = self._infixes(self, string)
        return list(found) if isinstance(found, tuple) else found

    def __reduce__(self) -> tuple[Any, ...]:
        # spaCy's pickles the constructor's arguments; the flag is not one of them
        _cls, args, *_ = super().__reduce__()
        return (_unpickle, (args, self.registry_text))

    def __call__(self, text: str) -> Doc:
        """The doc of ``text``; words with too many affixes for spaCy's loop (see
        :func:`too_many_affixes`) are tokenized by :func:`fallback_doc`, the rest by spaCy as usual,
        and the pieces joined, so that ``doc.text == text``."""
        doc = split_final_initials(self._tokenize(text), text)
        return read_as_registry_text(doc) if self.registry_text and folds(text) else doc

    def _tokenize(self, text: str) -> Doc:
        hostile = [m.span() for m in _LONG_WORD.finditer(text) if self.too_many_affixes(m.group())]
        if not hostile:
            return super().__call__(text)
        docs = []
        position = 0
        for start, end in hostile:
            # spaCy gives a word the one space after it, so the fallback's piece takes it too.
            end += text.startswith(" ", end)
            if start > position:
                docs.append(super().__call__(text[position:start]))
            docs.append(fallback_doc(self.vocab, text[start:end]))
            position = end
        if position < len(text):
            docs.append(super().__call__(text[position:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def too_many_affixes(self, word: str) -> bool:
        """Whether spaCy's prefix and suffix loop would be slow on ``word``: it is longer than
        :data:`MAX_WORD`, or has at least :data:`AFFIX_WINDOW` characters and its first or last
        :data:`AFFIX_WINDOW` hold more than :data:`MAX_AFFIXES` prefixes or suffixes (or are
        affixes through and through). Shorter words cost spaCy little whatever they hold."""
        if len(word) < AFFIX_WINDOW or len(word) > MAX_WORD:
            return len(word) > MAX_WORD
        head, tail = word[:AFFIX_WINDOW], word[-AFFIX_WINDOW:]
        for _ in range(MAX_AFFIXES + 1):
            prefix = self.prefix_search(head) if head else None
            suffix = self.suffix_search(tail) if tail else None
            if not (prefix and prefix.end() > prefix.start()) and not (suffix and suffix.end() > suffix.start()):
                return False
            if prefix:
                head = head[prefix.end() :]
            if suffix:
                tail = tail[: suffix.start()]
            if not head or not tail:
                return True
        return True

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "TrialTokenizer":
        """Restore the state of :meth:`to_bytes` but for the affix rules, which are the config's."""
        exclude = [*exclude, *_MADE_BY_CONFIG]
        saved = {k: v for k, v in srsly.msgpack_loads(bytes_data).items() if k not in exclude}
        if "lexeme_norm" not in self.vocab.lookups and saved == srsly.msgpack_loads(self.to_bytes(exclude=exclude)):
            return self
        super().from_bytes(bytes_data, exclude=exclude)
        return self


class _AffixMemo:
    """An affix search's results by word (see :data:`AFFIX_MEMO`), for the rule they were found
    with: ``rule(tokenizer)`` is the tokenizer's current rule; when it changes, all is forgotten."""

    def __init__(self, find: Callable[[Tokenizer, str], Any], rule: Callable[[Tokenizer], Any]) -> None:
        self.find = find
        self.rule = rule
        self.found_with: Any = None
        self.found: dict[str, Any] = {}

    def __call__(self, tokenizer: Tokenizer, string: str) -> Any:
        rule = self.rule(tokenizer)
        if rule is not self.found_with:
            self.found, self.found_with = {}, rule
        found = self.found.get(string)
        if found is None:
            found = self.find(tokenizer, string)
            if len(string) <= AFFIX_WINDOW:
                if len(self.found) >= AFFIX_MEMO:
                    self.found.clear()
                self.found[string] = tuple(found) if isinstance(found, list) else found
        return found


def _unpickle(args: tuple[Any, ...], registry_text: bool) -> TrialTokenizer:
    return TrialTokenizer(*args, registry_text=registry_text)


def split_final_initials(doc: Doc, text: str) -> Doc:
    """``doc`` (of ``text``, given as the tokenizer has it rather than joined again) with each
    initial that ends a sentence after a name split from its full stop (``amphotericin B.`` ->
    ``B`` ``.``: see :data:`_FINAL_INITIAL`)."""
    initials = []
    for match in _FINAL_INITIAL.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        word = next((t for t in reversed(doc[: span.start]) if not t.is_space), None)
        if word is None or not word.text[0].isalpha():
            continue
        if match.group(1) is not None or (word.text[0].islower() and not word.is_stop and word.i == span.start - 1):
            initials.append(span[0])
    if initials:
        with doc.retokenize() as retokenizer:
            for token in initials:
                retokenizer.split(token, [token.text[0], "."], heads=[token, token])
    return doc


def fallback_doc(vocab: Vocab, text: str) -> Doc:
    """``text`` (one word, maybe with a trailing space) as a doc of :data:`_FALLBACK_TOKEN` tokens."""
    words = _FALLBACK_TOKEN.findall(text)
    spaces = [False] * len(words)
    spaces[-1] = text.endswith(" ")
    return Doc(vocab, words=words, spaces=spaces)


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer(registry_text: bool = True) -> Callable[[Language], Tokenizer]:
    """The registered tokenizer: English defaults plus trialspacy's prefix, suffix and infix rules
    (with ``registry_text``, those for text as registries hold it: see the module's docstring),
    without the special cases in :data:`DROPPED_SPECIAL_CASES`, compiled once."""
    prefixes, suffixes, infixes = affix_rules(registry_text)

    def make_tokenizer(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return TrialTokenizer(
            nlp.vocab,
            rules={k: v for k, v in defaults.tokenizer_exceptions.items() if k not in DROPPED_SPECIAL_CASES},
            prefix_search=compile_prefix_regex(list(prefixes) + list(defaults.prefixes or ())).search,
            suffix_search=compile_suffix_regex(list(suffixes) + list(defaults.suffixes or ())).search,
            infix_finditer=compile_infix_regex(list(defaults.infixes or ()) + list(infixes)).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            registry_text=registry_text,
        )

    return make_tokenizer


def blank() -> Language:
    """An English pipeline without components, with trialspacy's tokenizer (named in its config)."""
    return spacy.blank("en", config=TOKENIZER_CONFIG)
