"""TIMEFRAME: durations, windows, time points, frequencies and calendar dates, as ISO 8601.

The grammar is a set of regular expressions over the raw text (:func:`parse_timeframes`), so it
can be tested without a pipeline; the component only writes what it returns as spans. Every
repetition in the expressions is bounded, so matching stays linear in the length of the text.

Decisions the contract leaves open:
- A list of numbers sharing one unit gives one span per number (``at 2, 3, and 5 years`` gives
  ``2``, ``3`` and ``5 years``, each with the unit's value); a unit-less member is its number only.
  A comma without a space separates members too (``72,96,120 and 192 hours``), up to 24 of them.
- ``N unit M unit`` with falling units is one compound duration (``2 years and 6 months``,
  ``2 years, 6 months`` → ``P2Y6M``; weeks in a compound become days); rising units give two spans,
  and so does a part as long as the unit before it (``one year, 12 months``, ``4 weeks, 50 days``:
  a list of time points).
- ``between 12 and 14 months`` is one range span including ``between``; ``9 months to 12 months``
  is one range span; ``or`` and ``through`` between two numbers make a range (``2 or 3 days``).
- Quantifiers kept beyond the contract's list: ``first/next/following/previous/preceding/prior``
  after ``within (the)`` or ``in the`` (``in the first 12 hours``, ``within the previous 6 months``;
  without them the words stay out, as a plain preposition would: ``during the first 12 days`` gives
  ``12 days``), ``within the``, ``about``,
  ``around``, ``at most``, ``no later than``, ``greater than or equal to``, ``(a) mean of``; a
  tolerance (``±7 days``, ``+/- 10 days``) and ``~`` stay out, and so does a quantifier before
  ``(once) every`` (``at least every 3 months`` gives ``every 3 months``, gold dev4). Adjectives between number and unit stay in the span (``7 calendar days``,
  ``3 consecutive days``, ``5 previous years``); ``six (6) months`` is one number.
- Frequencies: ``every N unit`` → ``R/PnU``; ``once daily``, ``once a week``, ``1 time per
  month`` → ``R/P1D``, ``R/P1W``, ``R/P1M``; ``1F/W`` and ``1 fraction per week`` → ``R/P1W``;
  ``q3w``, ``Q3W``, ``q12h`` → ``R/P3W``, ``R/PT12H`` (the number is written); ``3-weekly`` →
  ``R/P3W``; ``every other week``, ``every 2nd day`` → ``R/P2W``, ``R/P2D``. More than once per
  period (``twice daily``, ``once or twice daily``, ``3 times a week``, ``5 fractions per week``, ``5 days a week``,
  ``150 minutes per week``): kind frequency, value null. No number, no span (``daily``,
  ``weekly``, ``QD``, ``every day``).
- Dates: ``January 2020`` → ``2020-01``; ``August 1, 2022``, ``30th April 2009``, ``2020-01-31``
  → full dates; ``31.01.2020`` is read day first; ``03/04/2020`` is a date with value null unless
  one part is over 12; a two-digit year is read in the US order (``06/04/02`` → ``2002-06-04``, as the
  gold reads the NIH records' amendment dates); ``October of 1995`` → ``1995-10``, also with the
  year wrapped onto the next line of a hard-wrapped record ("released in October\n      1992"). A bare year is a
  date (GUIDELINES: ``in 1991`` → ``1991``; ``in 1978-1981`` → ``1978`` to ``1981``) when a preposition
  or ``(fiscal) year(s)`` comes before it, or it follows such a year in a list ("fiscal years 1992,
  1993, and 1995"), and no count noun or unit after it makes it a number ("in 2000 patients",
  "to 2000/mm(3)"); so a year in a name or a citation (``WHO 2016``, ``AJCC 2002``, ``Br J Anaesth,
  2000``) is none. ``between January 2009 and March 2010`` is one
  date range with ``value_max``; ``from June 2017 to May 2018`` is two dates (gold precedents).
- Decimals are kept (``1.5 years`` → ``P1.5Y``, valid ISO 8601); ``6-month`` → ``P6M``. Seconds
  are not a time unit here (in trial text they are lab values: ``PT > ULN + 4 seconds``).
- Not spans: ages (after ``age``/``aged``/``older than``, after a person noun, before ``old``/
  ``of age``/``or older``/``gestation``, or years from 12 to 120 written bare at the start of a
  criterion or after ``be``/``is``/``if``; and an expression joined to an age by ``and``/``to``),
  calendar positions (a number after ``Day``/``Week``/``Cycle``/``Grade``...; a unit followed by
  a number, ``Cycle 1 Day 15``), tests named by their length (``6-minute walk``,
  ``24-hour urine``), rates (``30 h-1``), the time of an amount measured per time (``<500mg of
  protein in 24 hours``), numbers without a time unit.
"""

import math
import re
import string
from collections.abc import Iterator, Sequence
from datetime import date
from typing import NamedTuple

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..lexicon import folded_text
from ..spans import SPAN_KEY, TIMEFRAME, set_label_spans
from ..text import NUMBER_WORDS, number_word_pattern, word_number


class TimeMatch(NamedTuple):
    """One time expression: character offsets into the text and the contract's attributes."""

    start: int
    end: int
    kind: str
    value: str | None
    value_max: str | None


_FLAGS = re.IGNORECASE | re.ASCII

# ---------------------------------------------------------------------------------------------
# Numbers and units. Horizontal white space only, except that a number may wrap onto an
# indented continuation line before its unit or after its quantifier (XML-era registry text).
_SP = r"[ \t\u00a0\u2009\u202f]"
_S0 = _SP + "{0,3}"
_S1 = _SP + "{1,3}"
_WRAP = r"(?:[ \t]{0,3}\r?\n[ \t]{1,40})"
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014]"
_END = r"(?![a-z])"

_ORDINALS = {"other": 2, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_WORD_NUM = rf"{number_word_pattern(f'(?:{_DASH}|{_SP})', zero=True)}{_END}"
# A comma without a space after a number lists the next one ("at 3,6,12 and 24 months",
# "72,96,120,144,168 and 192 hours post-dose"), so a number right after one is never a
# thousands group; no decimal comma was seen in registry time frames.
_DIGITS = r"(?:(?<![0-9],)[0-9]{1,3}(?:,[0-9]{3}){1,2}(?![0-9,])|[0-9]{1,6}(?:\.[0-9]{1,4})?(?![0-9]))"
# A number does not continue a word or a code (C1D1, v5.0).
_NUM = (
    rf"(?<![a-z0-9.])(?:{_DIGITS}|{_WORD_NUM}(?:{_S0}\({_S0}[0-9]{{1,3}}{_S0}\))?)"
    rf"(?:{_S1}and{_S1}(?:a{_S1}|one{_S0}{_DASH}?{_S0})half{_END})?"
)

# Time units with their ISO 8601 designators; single letters in lower case only (3D-CRT, 2H).
_UNIT_FORMS: tuple[tuple[str, str], ...] = (
    ("Y", r"years?|yrs?"),
    # "q 3 mon for 2 years" (1999-2007 records' time frames; lower case only: "Mon, Wed, Fri")
    ("M", r"months?|mouths?|monthes|mths?|mos?|(?-i:mon)"),
    ("W", r"weeks?|wks?"),
    ("D", r"days?|(?-i:d)"),
    ("H", r"hours?|hrs?|(?-i:h)"),
    ("MIN", r"minutes?|mins?"),
)
_UNIT_SECONDS = {"Y": 31557600.0, "M": 2629800.0, "W": 604800.0, "D": 86400.0, "H": 3600.0, "MIN": 60.0}
# A unit followed by ``-1`` is a rate (``30 h-1``).
_UNIT = rf"(?<![a-z])(?:{'|'.join(form for _, form in _UNIT_FORMS)}){_END}(?!{_DASH}1(?![0-9]))"
_PERIODS = {
    "day": "D",
    "d": "D",
    "daily": "D",
    "night": "D",
    "nightly": "D",
    "week": "W",
    "wk": "W",
    "w": "W",
    "weekly": "W",
    "month": "M",
    "m": "M",
    "monthly": "M",
    "year": "Y",
    "yearly": "Y",
    "annually": "Y",
    "hour": "H",
    "hourly": "H",
}
_PERIOD_NOUN = r"(?:day|week|month|year|hour|night|wk|d)"
_PERIOD_ADJ = r"(?:daily|weekly|monthly|yearly|annually|nightly|hourly)"

# Between number and unit: a hyphen (6-month), spaces, an adjective (7 calendar days), a lower
# bound (12 or more months).
_GLUE = (
    rf"(?:{_S0}{_DASH}{_S0}|{_WRAP}|{_S0})"
    rf"(?:(?:or{_S1}more|consecutive|continuous|full|complete|calendar|additional|further|successive|"
    rf"straight|working|business|more|previous|past|last|preceding|prior|study|treatment){_S1}){{0,2}}"
)
_RSEP = rf"(?:{_S0}(?:{_DASH}|~){_S0}|{_S1}(?:to|or|through|thru){_S1})"
_NUM_UNIT = rf"{_NUM}{_GLUE}{_UNIT}"

# Duration elements: a range, a compound, a number (or range) with its unit, a bare number.
_BETWEEN = rf"between{_S1}{_NUM}(?:{_GLUE}{_UNIT})?{_S1}and{_S1}{_NUM_UNIT}"
_RANGE2 = rf"{_NUM_UNIT}{_RSEP}{_NUM_UNIT}"
_COMPOUND = rf"{_NUM_UNIT}(?:{_S0},?{_S0}(?:and{_S1})?{_NUM_UNIT}){{1,3}}"
_PLAIN = rf"{_NUM}(?:{_RSEP}{_NUM})?{_GLUE}{_UNIT}"
_BARE = rf"{_NUM}(?:{_RSEP}{_NUM})?"
_LSEP = rf"(?:{_S0},{_S0}(?:(?:and|or|&){_S1})?|{_S1}(?:and|&){_S1})"
_DURATION = rf"(?:{_BETWEEN}|{_RANGE2}|{_COMPOUND}|{_PLAIN})"

# Frequencies.
_PER = rf"(?:{_S0}/{_S0}|{_S1}(?:a|an|per|each|every){_S1}|{_S0}{_DASH}{_S0}|{_S1}|)"
_F_TIMES = (
    rf"(?P<count>(?:once|twice)(?:{_S1}or{_S1}(?:twice|thrice))?|thrice|{_BARE}{_S0}(?:times?|x|\u00d7)){_PER}"
    rf"(?P<period>{_PERIOD_NOUN}|{_PERIOD_ADJ}){_END}"
)
_F_FRACTIONS = rf"(?P<count>{_BARE}){_S0}(?:fractions?|fx|fr|f){_PER}(?P<period>{_PERIOD_NOUN}|{_PERIOD_ADJ}|w){_END}"
_F_UNIT_PER = (
    rf"{_NUM_UNIT}(?:(?:{_S0}/{_S0}|{_S1}(?:a|an|per|each|every){_S1}){_PERIOD_NOUN}"
    rf"|{_S1}{_PERIOD_ADJ}){_END}"
)
_F_Q = (
    rf"(?<![a-z0-9.])q{_S0}(?P<n>[0-9]{{1,3}}){_S0}"
    rf"(?P<period>weeks?|wks?|w|days?|d|hours?|hrs?|h|months?|mos?|(?-i:mon)|m|mins?){_END}"
)
_F_HYPHEN = rf"(?P<n>{_NUM}){_DASH}(?P<period>weekly|monthly|hourly|yearly){_END}"
# A count per period after a slash ("Poorly controlled (>1/week) seizures", "stool frequency >3/day",
# "200 mg x 2/d"): one or two digits alone, not a dose's denominator ("mg/m^2/day") nor a position's
# ("visit 12/day 112"), nor an amount consumed per period, as a dose per time is none ("smokers with
# less than 20/day": cigarettes; see :data:`_CONSUMED_BEFORE`).
_F_SLASH = (
    rf"(?<![a-z0-9.^/])(?P<count>[0-9]{{1,2}}){_S0}/{_S0}(?P<period>day|week|month|year|wk|d){_END}"
    rf"(?!{_S0}[0-9])"
)
_FREQUENCIES = (
    ("times", _F_TIMES),
    ("fractions", _F_FRACTIONS),
    ("unit_per", _F_UNIT_PER),
    ("q", _F_Q),
    ("hyphen", _F_HYPHEN),
    ("slash", _F_SLASH),
)
_EVERY_NTH = (
    rf"(?<![a-z])(?:once{_S1})?every{_S1}(?P<nth>other|second|third|fourth|fifth|sixth|"
    rf"[0-9]{{1,2}}(?:st|nd|rd|th)){_S1}(?P<period>day|week|month|year|night|hour){_END}"
)

# Calendar dates.
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?<![a-z])(?P<month>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"
)
_YEAR = r"(?P<year>1[89][0-9]{2}|2[01][0-9]{2})(?![0-9])"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_DATES = (
    rf"{_MONTH}{_S1}{_DAY}(?:{_S0},{_S0}|{_S1}){_YEAR}",
    rf"(?<![a-z0-9.]){_DAY}(?:{_S1}|{_DASH})(?:of{_S1})?{_MONTH}(?:,?{_S1}|{_DASH}){_YEAR}",
    rf"{_MONTH}(?:,?(?:{_S1}|{_WRAP})|{_DASH}|{_S1}of(?:{_S1}|{_WRAP})){_YEAR}",
    r"(?<![a-z0-9./-])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[-/])(?P<month>[01]?[0-9])(?P=sep)"
    r"(?P<day>[0-3]?[0-9])(?![0-9/-]|\.[0-9])",
    r"(?<![a-z0-9./-])(?P<a>[0-3]?[0-9])(?P<sep>[/.])(?P<b>[0-3]?[0-9])(?P=sep)"
    r"(?P<year>(?:19|20)[0-9]{2})(?![0-9/-]|\.[0-9])",
    # a two-digit year, in the US order of the NIH records' amendments ("AS PER AMENDMENT 06/04/02",
    # "closed to accrual as of 5/19/03"); not numbers listed with a unit ("10/20/30 mg")
    r"(?<![a-z0-9./-])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12][0-9]|3[01])/(?P<year2>[0-9]{2})"
    rf"(?![0-9/-]|\.[0-9]|{_S0}(?:%|(?:mg|g|mcg|ml|l|kg|mm|cm|units?|c?gy|{_UNIT})(?![a-z])))",
)
# A year written alone, or a range of years ("1978-1981"); read as a date only in the context that
# :func:`_bare_year` checks.
_YEAR_NUMBER = r"(?:19|20)[0-9]{2}"
_BARE_YEAR = rf"(?<![a-z0-9./-]){_YEAR_NUMBER}(?:{_S0}{_DASH}{_S0}{_YEAR_NUMBER})?(?![0-9a-z]|[./,:-][0-9])"
# What makes a bare year a time point: a preposition or "(fiscal) year(s)" before it, then maybe
# the years listed before it ("in fiscal years 1992, 1993, and").
_YEAR_SP = r"(?:[ \t\u00a0]{1,3}|[ \t]{0,3}\r?\n[ \t]{0,40})"
_YEAR_CUE = re.compile(
    rf"(?<![a-z])(?:in|since|from|until|till|through|thru|by|during|between|before|after|"
    rf"prior{_S1}to|as{_S1}of|(?:fiscal{_S1})?years?|fy|early|mid|late){_YEAR_SP}"
    rf"(?:{_YEAR_NUMBER}(?:{_S0}{_DASH}{_S0}{_YEAR_NUMBER})?"
    rf"(?:{_S0},(?:{_YEAR_SP}(?:and|or|&))?|{_YEAR_SP}(?:and|or|to|through|&)){_YEAR_SP})*\Z",
    _FLAGS,
)
# What makes it a number: a unit, a rate's slash, a comparator or a count noun after it, maybe after
# one adjective ("in 2000 patients", "from 2000 healthy volunteers", "to 2000/mm(3)").
_COUNTED = (
    r"mg|mcg|ug|\u00b5g|g|gm|grams?|kg|ml|l|dl|mm|cm|iu|u|units?|cells?|copies|c?gy|mmol|meq|kcal|"
    r"steps|patients?|subjects?|participants?|people|persons?|individuals?|wom[ae]n|m[ae]n|children|"
    r"infants|adults|cases|controls|families|volunteers|households|samples|specimens|records|"
    r"respondents|residents|employees|physicians|doctors|nurses|sites|centers|centres|hospitals|"
    r"practices|births|deliveries|pregnancies|deaths|events|visits|doses|tablets|times|dollars"
)
# A capitalised name right after it makes it an edition ("as defined by 2004 World Health
# Organization criteria"), unless a preposition opens the sentence with the year: the sentence's
# subject then follows ("In 1975 NHLBI was supporting little research").
_YEAR_COUNTS = re.compile(rf"{_S0}(?:[/%<>=\u00d7]|x(?![a-z])|(?:[a-z]+{_S1})?(?:{_COUNTED})(?![a-z]))", _FLAGS)
_YEAR_NAME = re.compile(rf"{_S1}(?-i:[A-Z])", _FLAGS)
_FRONTED_YEAR = re.compile(
    rf"(?:^|[.!?:;~\n]{_S0})(?-i:In|Since|By|During|Between|Until|From|Through|Before|After){_S1}$", _FLAGS
)
# "between" before a range of years is the range's quantifier, in the span (GUIDELINES); not when
# it joins two ranges ("between 1957-1960 and 1966-1969").
_BETWEEN_BEFORE = re.compile(rf"(?<![a-z])between{_S1}$", _FLAGS)
_AND_YEAR_AFTER = re.compile(rf"{_S1}and{_S1}{_YEAR_NUMBER}", _FLAGS)
_YEAR_LOOKBACK = 240

# Two-digit years up to this one are of the 2000s, later ones of the 1900s.
_CENTURY_PIVOT = 50

# Quantifiers and comparators kept in the span, directly before the number.
_QUANT_WORDS = (
    rf"once{_S1}every",
    r"every",
    # ("w/in", as older records abbreviate "within": "w/in past 12 mo")
    rf"(?:within|w/in){_S1}(?:the{_S1})?(?:last|past|previous|preceding|prior|next|following|first|initial)",
    # "in the past 5 years", and "in past five years" as older records write it
    rf"in{_S1}the{_S1}(?:last|past|previous|preceding|prior|next|following|first|initial)",
    rf"in{_S1}(?:last|past|previous|preceding|prior)",
    rf"(?:within|w/in)(?:{_S1}the)?",
    rf"up{_S1}to",
    rf"at{_S1}(?:least|most)",
    rf"(?:an?{_S1})?(?:minimum|maximum){_S1}of",
    r"minimum|maximum",
    # (registry misspellings of "than": "no earlier that 2 weeks", "less then 6 weeks")
    rf"not?{_S1}(?:sooner|later|earlier|more|less|fewer|longer|shorter){_S1}th(?:an|en|at)",
    rf"(?:greater|more|less|longer|shorter|fewer){_S1}th[ae]n(?:{_S1}or{_S1}equal{_S1}to)?",
    rf"equal{_S1}to{_S1}or{_S1}(?:greater|more|less){_S1}than",
    r"approximately|approx\.?|about|around|circa|roughly|nearly",
    rf"(?:an?{_S1})?(?:average|mean|median){_S1}of|on{_S1}average|median|mean",
)
# Comparators only: a tolerance (``±``, ``+/-``) is not a quantifier of the contract, and ``~`` is the
# AACT line separator far more often than "about".
# Older records spell "≥" as "= or >" ("Life expectancy = or > 20 weeks").
_QUANT_SYMBOLS = rf"(?:&[lg]t;=?|[<>=]{_S0}or{_S0}[<>=]|>=|<=|=>|=<|[<>\u2264\u2265\u2266\u2267\u2a7d\u2a7e])"
_QUANT = (
    rf"(?:(?<![a-z0-9])(?:{'|'.join(_QUANT_WORDS)})(?:{_WRAP}|{_S1})"
    rf"|{_QUANT_SYMBOLS}(?:{_WRAP}|{_S0})){{1,3}}"
)


def _anonymous(pattern: str) -> str:
    """The pattern with its named groups made plain, to join it into a larger alternation."""
    return re.sub(r"\(\?P<\w+>", "(?:", re.sub(r"\(\?P=\w+\)", r"[-/.]", pattern))


# One pass over the text finds every expression; its parts are then read by the patterns below.
# An expression starts a word or with a comparator, so other positions are skipped at once.
_MASTER_PATTERN = (
    rf"(?:(?<![a-z0-9])(?=[a-z0-9])|(?={_QUANT_SYMBOLS}))"
    rf"(?:(?P<nth>{_anonymous(_EVERY_NTH)})"
    rf"|(?P<quant>{_QUANT})?(?:(?P<date>{'|'.join(_anonymous(p) for p in _DATES)})"
    rf"|(?P<freq>{'|'.join(_anonymous(p) for _, p in _FREQUENCIES)})|(?P<dur>{_DURATION})"
    rf"|(?P<year>{_BARE_YEAR})))"
)
_MASTER = re.compile(_MASTER_PATTERN, _FLAGS)
# Bare numbers listed before a duration (``2, 3, and`` in ``2, 3, and 5 years``), read backwards
# from the duration over a bounded window.
_LIST_HEAD = re.compile(rf"(?P<quant>{_QUANT})?(?P<head>(?:{_BARE}{_LSEP}){{1,24}})$", _FLAGS)
# How a list head ends (the last word of :data:`_LSEP`): a search is tried only after one.
_LSEP_ENDS = (",", "and", "or", "&")
_RE_EVERY_NTH = re.compile(_EVERY_NTH, _FLAGS)
_RE_DATES = tuple(re.compile(p, _FLAGS) for p in _DATES)
_RE_FREQUENCIES = tuple((name, re.compile(p, _FLAGS)) for name, p in _FREQUENCIES)
_RE_ELEMENTS = (
    ("range", re.compile(_BETWEEN, _FLAGS)),
    ("range", re.compile(_RANGE2, _FLAGS)),
    ("compound", re.compile(_COMPOUND, _FLAGS)),
    ("single", re.compile(_PLAIN, _FLAGS)),
    ("single", re.compile(_BARE, _FLAGS)),
)
_RE_LSEP = re.compile(_LSEP, _FLAGS)
_CONJUNCTION = re.compile(r"and|or|&", _FLAGS)
_RE_TOKEN = re.compile(rf"(?P<num>{_NUM})|(?P<unit>{_UNIT})", _FLAGS)
_RE_UNIT_FORMS = tuple((code, re.compile(form, _FLAGS)) for code, form in _UNIT_FORMS)
_RE_ONCE_EVERY = re.compile(rf"(?<![a-z])(?:once{_S1})?every(?![a-z])", _FLAGS)
# Where an expression can start: a digit, a word that begins one of the alternatives after the
# quantifier (``between``, ``q``, month names, number words; ``once`` and friends may be glued to
# their period, "onceweekly"), ``every`` (every other week), or a quantifier followed by the
# start of such an alternative (``the`` alone starts nothing, ``the first 12 hours`` does).
# Trying the master pattern only at these positions finds exactly what a full scan finds, at a
# fraction of the cost; a new alternative in the grammar must add its first word here
# (tests/integration/test_hot_paths.py checks).
_FIRST_WORDS = [
    "every",
    "between",
    "q",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    *NUMBER_WORDS,
]
# The first words of the quantifiers (a cheap test before the whole quantifier pattern).
_QUANT_FIRST_WORDS = [
    "once",
    "every",
    "within",
    "w",
    "in",
    "the",
    "last",
    "past",
    "previous",
    "preceding",
    "prior",
    "next",
    "following",
    "first",
    "initial",
    "up",
    "at",
    "a",
    "an",
    "minimum",
    "maximum",
    "no",
    "not",
    "greater",
    "more",
    "less",
    "longer",
    "shorter",
    "fewer",
    "equal",
    "approximately",
    "approx",
    "about",
    "around",
    "circa",
    "roughly",
    "nearly",
    "average",
    "mean",
    "median",
    "on",
]


_Trie = dict[str, "_Trie"]


def _trie(words: Sequence[str]) -> str:
    """A regular expression matching exactly ``words``, their common prefixes factored out
    (``j(?:an(?:uary)?|u(?:ly?|ne?))``): the engine rejects a word on its first letters
    instead of trying every alternative."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return pattern(tree)


# Where a number can start an expression: a unit follows it (or a range's second number and a
# unit), or ``times``/``x`` or a fraction and a period, or ``-weekly``; or it opens a date (a
# separator, a month). Most numbers in trial text (doses, lab values, counts) have none of these,
# and the master pattern tried at one fails only after each of its alternatives.
_DIGIT_HEAD = (
    rf"(?=[0-9])(?:{_NUM}(?:{_RSEP}{_NUM})?(?:{_GLUE}{_UNIT}"
    rf"|{_S0}(?:times?|x|\u00d7|fractions?|fx|fr|f){_PER}(?:{_PERIOD_NOUN}|{_PERIOD_ADJ}|w)"
    rf"|{_DASH}(?:weekly|monthly|hourly|yearly)|{_S0}/{_S0}(?:day|week|month|year|wk|d){_END})"
    rf"|(?<![a-z0-9.])(?:(?:19|20)[0-9]{{2}}(?![0-9])|[0-3]?[0-9][/.][0-3]?[0-9][-/.][12]|[01]?[0-9]/[0-3]?[0-9]/[0-9]{{2}}"
    rf"|[0-3]?[0-9](?:st|nd|rd|th)?(?:{_S1}|{_DASH})(?:of{_S1})?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
)
_AFTER_QUANT = rf"(?:(?={_DIGIT_HEAD})|{_trie(['once', 'twice', 'thrice', *_FIRST_WORDS])})"
_START_WORD = (
    rf"(?:(?={_DIGIT_HEAD})|once|twice|thrice|{_trie(_FIRST_WORDS)}(?![a-z])"
    rf"|(?={_trie(_QUANT_FIRST_WORDS)}(?![a-z])){_QUANT}(?={_AFTER_QUANT}))"
)
# The candidates are looked for in the text with its ASCII letters in lower case (see
# :func:`_ascii_lower`) and matched case-sensitively: the regex engine then rejects most
# alternatives on their first letter. A candidate is the position itself (:data:`_START_AT`),
# or found after a character that is not a letter or digit (:data:`_START_AFTER`): a
# comparator there, or a word right after it; the search then skips the letters in C. (So the
# quantifier and first-word patterns are written in lower case; the master pattern itself runs
# on the text as it is, case-insensitively.)
_START_AT = re.compile(rf"(?:(?<![a-z0-9])(?=[a-z0-9])|(?={_QUANT_SYMBOLS})){_START_WORD}", re.ASCII)
_START_AFTER = re.compile(
    rf"[^a-z0-9](?:(?<=(?={_QUANT_SYMBOLS}).)(?<=(?={_QUANT}(?={_AFTER_QUANT})).)(?P<here>)"
    rf"|(?={_START_WORD}))",
    re.ASCII,
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z as a-z and every other character kept, so offsets do not move
    (``str.lower`` also folds U+0130 into two characters and the Kelvin sign into ``k``)."""
    if "\u0130" in text or "\u212a" in text:
        return text.translate(_ASCII_LOWER)
    return text.lower()


# ---------------------------------------------------------------------------------------------
# Context that makes a number with a unit an age, a calendar position or a test name.
# A clause may wrap onto an indented line, but a new bullet starts a new criterion.
_SAME_CLAUSE = r"(?:[^a-z;!?.\n]|\n(?![ \t]*(?:[-*~\u2022]|[0-9]{1,2}[.)])))"
_AGE_WORDS = (
    r"of|is|was|at|the|between|from|range|ranging|ranged|greater|less|more|older|younger|than|"
    r"equal|equals|to|or|and|above|below|over|under|least|most|minimum|maximum|limit|up|in|years?|"
    r"yrs?|months?|weeks?|days?|old|birth|if|legal|majority|entry|into|study|time|signing|"
    r"informed|consent|screening|enrol?lment|inclusion|randomi[sz]ation|visit|onset|appropriate"
)
_AGE_BEFORE = re.compile(
    rf"(?<![a-z])(?:age[sd]?|older|younger)(?![a-z]){_SAME_CLAUSE}*"
    rf"(?:(?:{_AGE_WORDS})(?![a-z]){_SAME_CLAUSE}*)*$",
    _FLAGS,
)
_PERSONS = (
    r"patients?|subjects?|participants?|adults?|m[ae]n|wom[ae]n|males?|females?|persons?|people|"
    r"individuals?|volunteers?|elderly|adolescents?|students?|veterans?|pts"
)
_CHILDREN = r"child|children|infants?|babies|baby|boys?|girls?|toddlers?|neonates?|newborns?"
_PERSON_WORDS = (
    r"aged?|of|between|from|over|under|above|below|at|least|older|younger|more|less|greater|than|"
    r"or|equal|to|must|should|be|are|is|who"
)
# (``\Z``, not ``$``: a person noun ending the line before is not an age's context, as in a
# registry's outcome line after the line of interventions.)
_PERSON_BEFORE = re.compile(
    rf"(?<![a-z])(?:(?P<adult>{_PERSONS})|(?P<child>{_CHILDREN}))(?![a-z])"
    rf"(?P<gap>(?:[^a-z\n]|(?:{_PERSON_WORDS})(?![a-z])){{0,16}})\Z",
    _FLAGS,
)
# A clause ends between an adult noun and the number: in an outcome item the time frame follows
# the description ("... to the total subjects, 2 years"), so only an adult's age in years stays an
# age there ("Women, 18-65 years").
_CLAUSE_END = re.compile(r"[,.;]")
# What follows a duration counted from an event ("patients 5 years after treatment").
_EVENT_AFTER = re.compile(rf"{_S0}(?:after|since|from|post|following)(?![a-z])", _FLAGS)
_AGE_AFTER = re.compile(
    rf"(?:{_S0}|[ \t]*\n[ \t]*)(?:{_DASH}{_S0})?(?:olds?{_END}|(?:of|in){_S1}age(?![a-z-])|"
    rf"(?:or|and){_S1}(?:older|younger){_END}|"
    rf"'?{_S0}(?:of{_S1})?gestation|gestational|postmenstrual|corrected{_S1}age)",
    _FLAGS,
)
# "18 years and over" is an age, but "over 24 hours and over 1 week", "fever persisting for 14 days
# or greater" are durations: only years and months make an age so.
_OR_OVER_AFTER = re.compile(rf"{_S0}(?:or|and){_S1}(?:over|above|greater){_END}", _FLAGS)
# An adult's age in years written bare: after a criterion's bullet or after ``be``/``is``/``if``
# (``- > 18 yrs``, ``Participants must be 18 years``), unless a duration's anchor follows.
_BARE_AGE_BEFORE = re.compile(
    r"(?:(?:\n|~)[ \t]*(?:[-*\u2022]|[0-9]{1,2}[.)]|\(?[a-z][.)])|(?<![a-z])(?:be|is|are|was|if))[ \t]*\\?$",
    _FLAGS,
)
_ADULT_YEARS = (12.0, 120.0)
_ANCHOR_AFTER = re.compile(rf"[ \t,]*(?:in{_S1}retrospect|since|after|before|prior|from|ago|of(?!{_S1}age))", _FLAGS)
# What may join an age to the next one (``>= 18 years and =<75 years``).
_AGE_GAP = re.compile(
    r"[ \t]*(?:old|of[ \t]+age)?[ \t,;(]*(?:(?:and|or|to|but|&|including|inclusive(?:[ \t]+of)?)[ \t(]*)?"
    r"(?:(?:below|above|under|over|up|to|or|equal|less|more|than|younger|older)[ \t]+){0,5}",
    _FLAGS,
)
# ("Time point 3" is a position, but the durations listed after "timepoints:" are not.)
_POSITION_BEFORE = re.compile(
    rf"(?<![a-z])(?:(?:days?|weeks?|wks?|months?|mos?|years?|hours?|cycles?|courses?|visits?|sessions?|"
    rf"doses?|fractions?|phases?|grades?|stages?|parts?|arms?|cohorts?|levels?|steps?|versions?|"
    rf"class|type|group|no\.?|number|[cdwmyv]|"
    # the version of a criteria set: "per RECIST 1.1, 3 years", "CTCAE 5.0, 2 years"
    rf"(?:i|m|mi)?recist|ctcae|ctc|rano){_S0}[#:.]?|(?:time{_S0}points?|timepoints?){_S0}#?){_S0}\Z",
    _FLAGS,
)
_TEST_AFTER = re.compile(rf"{_S0}(?:urine|urinary|walk|holter)", _FLAGS)
# An amount measured per time is a lab value, as "10 mg/day" is a dose ("<500mg of protein in 24
# hours", "1 g protein per 24 hours"); an infusion's length after "over" stays ("120 mg/m(2) over 120
# hours").
_AMOUNT_PER_BEFORE = re.compile(
    rf"[0-9]{_S0}(?:mg|g|gm|grams?|mcg|ug|\u00b5g|ml|l|mmol|meq|cc)(?![a-z])"
    rf"(?:{_S1}of)?(?:{_S1}[a-z]+){{0,2}}?(?:{_S1}(?:in|per)|{_S0}/){_S0}\Z",
    _FLAGS,
)
_DIGIT_AFTER = re.compile(rf"{_S0}[0-9]", _FLAGS)
# An infusion's length ("IV over 5 minutes daily"): the frequency word after it is a schedule of
# its own, not "5 minutes per day" (gold dev4: ``5 minutes``, as ``15-30 minutes`` in "over 15-30
# minutes daily").
_INFUSION_BEFORE = re.compile(rf"(?<![a-z])over{_S1}\Z", _FLAGS)
# What is consumed, counted per period after a slash ("Excessive smokers (>5 /day)").
_CONSUMED_BEFORE = re.compile(
    r"(?<![a-z])(?:smok[a-z]*|cigarettes?|cigars?|packs?|drinks?|alcohol|beverages?|cups?|units?)(?![a-z])[^.;\n]{0,30}\Z",
    _FLAGS,
)
_RE_NUM_UNIT = re.compile(_NUM_UNIT, _FLAGS)
_WINDOW = 80


# ---------------------------------------------------------------------------------------------
# Values.
def unit_code(unit: str) -> str | None:
    """The ISO 8601 designator of a time unit as written (``wks`` → ``W``, ``mouths`` → ``M``,
    ``min`` → ``MIN``), or None for anything else."""
    for code, form in _RE_UNIT_FORMS:
        if form.fullmatch(unit.strip()):
            return code
    return None


def _format_number(number: float) -> str | None:
    if not math.isfinite(number) or number < 0:
        return None
    if number == int(number):
        return str(int(number))
    return f"{number:.6f}".rstrip("0").rstrip(".")


def _iso_duration(parts: Sequence[tuple[float, str]]) -> str | None:
    """ISO 8601 duration of ``(number, unit code)`` parts, largest unit first; in a compound,
    weeks become days (ISO 8601 writes weeks alone)."""
    if len(parts) > 1:
        merged: dict[str, float] = {}
        for n, code in parts:
            n, code = (n * 7, "D") if code == "W" else (n, code)
            merged[code] = merged.get(code, 0.0) + n
        parts = sorted(((n, code) for code, n in merged.items()), key=lambda p: -_UNIT_SECONDS[p[1]])
    date_part, time_part = "", ""
    for n, code in parts:
        text = _format_number(n)
        if text is None:
            return None
        if code in ("H", "MIN"):
            time_part += text + code[0]
        else:
            date_part += text + code
    return "P" + date_part + ("T" + time_part if time_part else "")


def to_iso_duration(number: float, unit: str) -> str | None:
    """ISO 8601 duration of ``number`` ``unit``: ``(6, "months")`` → ``P6M``, ``(48, "h")`` →
    ``PT48H``, ``(1.5, "years")`` → ``P1.5Y``; None for a unit that is not a time unit or a
    negative or non-finite number."""
    code = unit_code(unit) if isinstance(unit, str) else None
    if code is None or not isinstance(number, (int, float)):
        return None
    return _iso_duration([(float(number), code)])


def _repeat(value: str | None) -> str | None:
    """A frequency of once per ``value``: ``P3W`` → ``R/P3W``."""
    return "R/" + value if value else None


def _number(text: str) -> float | None:
    """The value of a number as written: ``1,000``, ``7.5``, ``twenty-four``, ``six (6)``,
    ``one and a half``, ``one and one-half``."""
    text = re.sub(r"\(.*\)", "", text.lower())
    half = re.search(rf"\sand\s+(?:a\s+|one\s*{_DASH}?\s*)half$", text)
    if half:
        text = text[: half.start()]
    text = text.strip()
    if text[:1].isdigit():
        value = float(text.replace(",", ""))
    else:
        whole = word_number(text)
        if whole is None:
            return None
        value = float(whole)
    return value + 0.5 if half else value


# ---------------------------------------------------------------------------------------------
# Parsing.
def parse_timeframes(text: str) -> list[TimeMatch]:
    """Every time expression in ``text``, in order of offsets; never raises."""
    if _LOST_COMPARATOR.search(text):
        text = _LOST_COMPARATOR.sub(lambda glued: glued.group()[:-1] + " ", text)
    return _date_ranges(text, _scan(text, 0, len(text)))


# A life expectancy whose comparator the registry lost, the number glued to the word before it
# ("Expected survival time3 months" for "time≥3 months", "Life expectancy12weeks"): the word's
# last letter is read as the space it replaces (offsets stay).
_LOST_COMPARATOR = re.compile(r"(?<![a-z])(?:expectancy|survival|life|time)(?=[0-9])", _FLAGS)


# "between January 1st, 2009 and March 31st, 2009": one date range, as "between 12 and 14 months" is one
# duration range (gold precedent "between 1963 and 1968"). "from January 1, 2019 to December 31, 2021"
# stays two dates (gold DEV): only "between" makes the two one range.
_RANGE_LEAD = re.compile(r"between[ \t]{1,3}$", _FLAGS)
_RANGE_JOIN = re.compile(r"[ \t]{1,3}(?:and|to)[ \t]{1,3}|[ \t]{0,2}[-–][ \t]{0,2}", _FLAGS)


def _date_ranges(text: str, found: list[TimeMatch]) -> list[TimeMatch]:
    """``found`` with each date range written as one (``between DATE and DATE``) made one span."""
    out: list[TimeMatch] = []
    for match in found:
        first = out[-1] if out else None
        lead = None
        if (
            first is not None
            and first.kind == match.kind == "date"
            and first.value_max is None
            and _RANGE_JOIN.fullmatch(text, first.end, match.start)
        ):
            lead = _RANGE_LEAD.search(text, max(0, first.start - 12), first.start)
        if first is not None and lead is not None:
            out[-1] = TimeMatch(lead.start(), match.end, "date", first.value, match.value)
        else:
            out.append(match)
    return out


def _scan(text: str, start: int, end: int) -> list[TimeMatch]:
    found: list[TimeMatch] = []
    previous_end, age_end = start, -1
    for match in _master_matches(text, start, end):
        if match.group("nth"):
            found.extend(_every_nth(match))
        elif match.group("date"):
            found.extend(_date(match))
        elif match.group("freq"):
            found.extend(_frequency(match))
        elif match.group("year"):
            found.extend(_bare_year(text, match))
        else:
            durations = _durations(text, match, previous_end, age_end)
            if durations is None:
                age_end = match.end()
            else:
                found.extend(durations)
        previous_end = match.end()
    return found


def _master_matches(text: str, start: int, end: int) -> Iterator["re.Match[str]"]:
    """The matches of ``_MASTER.finditer(text, start, end)``, trying it only at the candidates
    of :data:`_START_AT` and :data:`_START_AFTER`."""
    lower = _ascii_lower(text)
    pos = start
    while pos < end:
        if _START_AT.match(lower, pos, end) is None:
            found = _START_AFTER.search(lower, pos, end)
            if found is None:
                return
            pos = found.start() if found.group("here") is not None else found.end()
        match = _MASTER.match(text, pos, end)
        if match is None:
            pos += 1
        else:
            yield match
            pos = match.end()  # (no expression is empty)


def _every_nth(match: "re.Match[str]") -> list[TimeMatch]:
    parts = _RE_EVERY_NTH.fullmatch(match.group())
    if parts is None:
        return []
    nth = parts.group("nth").lower()
    n = _ORDINALS[nth] if nth in _ORDINALS else int(nth[:-2])
    value = _iso_duration([(float(n), _PERIODS[parts.group("period").lower()])])
    return [TimeMatch(match.start(), match.end(), "frequency", _repeat(value), None)]


def _date(match: "re.Match[str]") -> list[TimeMatch]:
    """A calendar date; None as value when day and month cannot be told apart (03/04/2020)."""
    for form in _RE_DATES:
        parts = form.fullmatch(match.group("date"))
        if parts is not None:
            break
    else:
        return []
    groups = parts.groupdict()
    if groups.get("year2") is not None:
        short = int(groups["year2"])
        year = short + (2000 if short <= _CENTURY_PIVOT else 1900)
    else:
        year = int(groups["year"])
    if "a" in groups:
        a, b = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "/" and a <= 12 and b <= 12 and a != b:
            return [TimeMatch(match.start(), match.end(), "date", None, None)]
        day, month = (b, a) if groups["sep"] == "/" and b > 12 else (a, b)
    else:
        month_text = groups["month"].lower()
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3]]
        day = int(groups["day"]) if groups.get("day") else 0
    try:
        value = date(year, month, day or 1).isoformat()
    except ValueError:
        return []
    return [TimeMatch(match.start(), match.end(), "date", value if day else value[:7], None)]


def _bare_year(text: str, match: "re.Match[str]") -> list[TimeMatch]:
    """A year written alone (or a range of years) as a date, when its context makes it a time point
    (see :data:`_YEAR_CUE`); no comparator before it and no count after it."""
    if match.group("quant") or _YEAR_COUNTS.match(text, match.end()):
        return []
    start = match.start("year")
    if _YEAR_CUE.search(text, max(0, start - _YEAR_LOOKBACK), start) is None:
        return []
    before = text[max(0, start - 16) : start]
    if _YEAR_NAME.match(text, match.end()) and not _FRONTED_YEAR.search(("\n" if start <= 16 else "") + before):
        return []
    years = re.findall(_YEAR_NUMBER, match.group("year"))
    if len(years) == 2 and years[1] <= years[0]:
        return []
    if len(years) == 2:
        between = _BETWEEN_BEFORE.search(before)
        if between is not None and not _AND_YEAR_AFTER.match(text, match.end()):
            start -= len(before) - between.start()
    return [TimeMatch(start, match.end(), "date", years[0], years[1] if len(years) == 2 else None)]


def _frequency(match: "re.Match[str]") -> list[TimeMatch]:
    """A schedule; R/P1D-style value only for once per period (or every N-th period)."""
    text = match.group("freq")
    for name, form in _RE_FREQUENCIES:  # noqa: B007 (the match names the frequency after the loop)
        parts = form.fullmatch(text)
        if parts is not None:
            break
    else:
        return []
    if name == "slash" and _CONSUMED_BEFORE.search(match.string, max(0, match.start() - 48), match.start()):
        return []
    if (
        name == "unit_per"
        and not match.group("quant")
        and _INFUSION_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    ):
        # "IV over 5 minutes daily": the infusion's length, then how often it is given
        length = _infusion_length(match.string, match.start("freq"))
        if length is not None:
            return [length]
    value: str | None = None
    if name in ("times", "fractions", "slash"):
        count = parts.group("count").lower()
        numbers = [_number(t.group()) for t in _RE_TOKEN.finditer(count) if t.group("num")]
        if count == "once" or numbers == [1.0]:
            value = _repeat(_iso_duration([(1.0, _PERIODS[parts.group("period").lower()])]))
    elif name in ("q", "hyphen"):
        n = _number(parts.group("n"))
        period = parts.group("period").lower()
        code = unit_code(period) or _PERIODS.get(re.sub(r"s$|ly$", "", period))
        if n is not None and code is not None:
            value = _repeat(_iso_duration([(n, code)]))
    return [TimeMatch(match.start(), match.end(), "frequency", value, None)]


Numbers = tuple[tuple[float, str | None], ...]  # (number, unit code or None)


def _infusion_length(text: str, start: int) -> TimeMatch | None:
    """The number and unit at ``start`` as a duration (``5 minutes`` of "over 5 minutes daily")."""
    length = _RE_NUM_UNIT.match(text, start)
    if length is None:
        return None
    numbers = _numbers_of(list(_RE_TOKEN.finditer(text, length.start(), length.end())))
    if not numbers:
        return None
    number, code = numbers[0]
    value = _iso_duration([(number, code)]) if code else None
    return None if value is None else TimeMatch(length.start(), length.end(), "duration", value, None)


class _Element(NamedTuple):
    """A member of a list of durations."""

    start: int
    end: int
    numbers: Numbers
    shape: str  # "single", "range" or "compound"
    bare: bool  # written without a unit of its own


def _durations(text: str, match: "re.Match[str]", lower: int, age_end: int) -> list[TimeMatch] | None:
    """Spans of one duration and the bare numbers listed before it (``6, 12, 24 and 36
    months``), after the context checks; None when they are ages. ``lower`` is where the list
    may begin at the earliest, ``age_end`` the end of the last age found (or -1)."""
    quant = match.group("quant") or ""
    start = match.start()
    window = max(lower, start - _WINDOW)
    listed = not quant and text[window:start].rstrip(" \t\u00a0\u2009\u202f\n").lower().endswith(_LSEP_ENDS)
    head = _LIST_HEAD.search(text, window, start) if listed else None
    if head is not None:
        quant, start = head.group("quant") or "", head.start()
    elements = _elements(text, start + len(quant), match.end())
    if not elements:
        return []
    if elements[0].start != start + len(quant):
        # The list's first members have no unit ("months six, nine and 12, and one month"): the
        # durations are a list of their own.
        quant, start = "", elements[0].start
    before = ("\n" if start <= _WINDOW else "") + text[max(0, start - _WINDOW) : start]
    after = text[elements[-1].end : elements[-1].end + _WINDOW]
    after_age = age_end >= 0 and _AGE_GAP.fullmatch(text, age_end, start) is not None
    if after_age or _is_age(before, quant, after, [n for e in elements for n in e.numbers]):
        return None
    if _TEST_AFTER.match(after) or (not quant and _AMOUNT_PER_BEFORE.search(before)):
        return []
    if not quant and _POSITION_BEFORE.search(before):
        # The first number is a calendar position (Day 1 to 18 month, Grade 3, 4 weeks): read
        # on from the number after it; a bare one leaves the rest of its list ("Day 1, 24 and 36
        # hours post-dose"; "arms 1 and 2 and 21-day cycles" lists no unit with the position).
        if not elements[0].bare:
            first = _RE_TOKEN.search(text, start, match.end())
            return _scan(text, first.end(), match.end()) if first else []
        elements.pop(0)
        if not elements:
            return []
        start = elements[0].start
    if _DIGIT_AFTER.match(text, elements[-1].end):
        # A unit followed by a number is a calendar position too (Cycle 1 Day 15).
        elements.pop()
    every = _RE_ONCE_EVERY.search(quant)
    if every is not None:
        # "at least every 3 months": the frequency's own quantifier is its span's start (gold dev4)
        start += every.start()
    found = []
    for i, element in enumerate(elements):
        value, value_max = _element_values(element)
        if value is None:
            continue
        if i == 0 and every is not None:
            found.append(TimeMatch(start, element.end, "frequency", _repeat(value), _repeat(value_max)))
        else:
            found.append(TimeMatch(start if i == 0 else element.start, element.end, "duration", value, value_max))
    return found


def _elements(text: str, start: int, end: int) -> list[_Element]:
    """The members of a list, each unit-less member taking the unit of the next member of its
    list: a list ends at the member after its conjunction ("arms 1 and 2 and 21-day cycles" lists
    ``1`` and ``2``, then ``21-day``)."""
    elements: list[_Element] = []
    final: list[bool] = []  # whether a member follows its list's conjunction
    conjunction = False
    pos = start
    while pos < end:
        for shape, form in _RE_ELEMENTS:  # noqa: B007 (used after the loop)
            found = form.match(text, pos, end)
            if found:
                break
        else:
            break
        tokens = list(_RE_TOKEN.finditer(text, found.start(), found.end()))
        numbers = _numbers_of(tokens)
        if numbers is None:
            break
        added = len(elements)
        if shape == "compound":
            elements.extend(_compound(tokens, numbers))
        else:
            shape = "range" if len(numbers) == 2 else "single"
            elements.append(_Element(found.start(), found.end(), numbers, shape, numbers[-1][1] is None))
        final.extend([conjunction] * (len(elements) - added))
        separator = _RE_LSEP.match(text, found.end(), end)
        if separator is None:
            break
        conjunction = _CONJUNCTION.search(separator.group()) is not None
        pos = separator.end()
    unit: str | None = None
    for i in range(len(elements) - 1, -1, -1):
        if final[i]:
            unit = None
        numbers = elements[i].numbers
        if numbers[-1][1]:
            unit = numbers[0][1] or numbers[-1][1]
        elif unit:
            elements[i] = elements[i]._replace(numbers=tuple((n, c or unit) for n, c in numbers))
    return [e for e in elements if all(c for _, c in e.numbers)]


def _numbers_of(tokens: Sequence["re.Match[str]"]) -> Numbers | None:
    """Each number token with the unit token right after it; in a range written with one unit
    (``6-8 weeks``) the first number takes the second's unit."""
    numbers: list[tuple[float, str | None]] = []
    for token in tokens:
        if token.group("num"):
            value = _number(token.group())
            if value is None:
                return None
            numbers.append((value, None))
        elif numbers and numbers[-1][1] is None:
            numbers[-1] = (numbers[-1][0], unit_code(token.group()))
    if not numbers:
        return None
    if len(numbers) == 2 and numbers[0][1] is None:
        numbers[0] = (numbers[0][0], numbers[1][1])
    return tuple(numbers)


def _compound(tokens: Sequence["re.Match[str]"], numbers: Numbers) -> list[_Element]:
    """``2 years and 6 months`` as one duration when the units fall and each part is less than one
    of the unit before it, else one element per part (``one year, 12 months`` lists a time point
    twice, as a registry's time frame field does)."""
    sizes = [_UNIT_SECONDS[code] for _, code in numbers if code]
    parts = [n * size for (n, _), size in zip(numbers, sizes)]
    falling = len(sizes) == len(numbers) and all(a > b and part < a for a, b, part in zip(sizes, sizes[1:], parts[1:]))
    whole = all(n == int(n) for n, _ in numbers[:-1])  # ISO 8601: a fraction only in the last part
    starts = [t.start() for t in tokens if t.group("num")]
    ends = [t.end() for t in tokens if t.group("unit")]
    if falling and whole:
        return [_Element(starts[0], ends[-1], numbers, "compound", False)]
    return [_Element(s, e, (pair,), "single", False) for s, e, pair in zip(starts, ends, numbers)]


def _element_values(element: _Element) -> tuple[str | None, str | None]:
    """``value`` and ``value_max`` of an element; a range written high to low is put in order."""
    numbers = [(n, code) for n, code in element.numbers if code]
    if element.shape == "compound":
        return _iso_duration(numbers), None
    if element.shape == "range":
        low, high = sorted(numbers, key=lambda p: p[0] * _UNIT_SECONDS[p[1]])
        return _iso_duration([low]), _iso_duration([high])
    return _iso_duration(numbers[:1]), None


def _is_age(before: str, quant: str, after: str, numbers: Sequence[tuple[float, str | None]]) -> bool:
    """Whether numbers with units are ages, from the words around them."""
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before + quant):
        return True
    if _OR_OVER_AFTER.match(after) and all(code in ("Y", "M") for _, code in numbers):
        return True
    years = all(code == "Y" for _, code in numbers)
    adult = years and all(_ADULT_YEARS[0] <= n <= _ADULT_YEARS[1] for n, _ in numbers)
    person = _PERSON_BEFORE.search(before + quant)
    if person is not None and not _EVENT_AFTER.match(after):
        if person.group("child"):
            return True
        if years:
            return adult or not _CLAUSE_END.search(person.group("gap"))
    return bool(adult and _BARE_AGE_BEFORE.search(before) and not _ANCHOR_AFTER.match(after))


# ---------------------------------------------------------------------------------------------
class TimeframeTagger(Pipe):
    """Writes TIMEFRAME spans (kind, value, value_max) found by :func:`parse_timeframes`."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPAN_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found = parse_timeframes(folded_text(doc))
        set_label_spans(
            doc,
            TIMEFRAME,
            [(m.start, m.end, {"kind": m.kind, "value": m.value, "value_max": m.value_max}) for m in found],
            self.spans_key,
        )
        return doc


@Language.factory(
    "trialspacy_timeframes",
    assigns=["doc.spans", "span._.trialspacy_kind", "span._.trialspacy_value", "span._.trialspacy_value_max"],
    default_config={"spans_key": SPAN_KEY},
)
def make_timeframes(nlp: Language, name: str, spans_key: str) -> TimeframeTagger:
    """Factory of the TIMEFRAME component."""
    return TimeframeTagger(nlp, name, spans_key=spans_key)
