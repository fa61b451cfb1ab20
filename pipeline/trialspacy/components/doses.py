"""RADIATION_DOSE: amounts of ionizing-radiation dose in gray, with their fractionation.

:func:`parse_doses` is the grammar (text in, :class:`DoseMatch` list out), usable without a
pipeline; :class:`Doses` is the component that writes its matches as spans. The grammar is one
regular expression whose repetitions are all bounded and whose start is anchored by a
look-behind, so it runs in linear time on any input.

Decisions the contract leaves open (each has a test in tests/test_doses.py):
- ``45 Gy in 25 fractions of 1.8 Gy`` is one span (one prescription): kind ``total``,
  ``dose_gy`` the head number, fractions as written. ``59.4 Gy in 1.8 Gy fractions`` and
  ``66 Gy at 2 Gy per fraction`` are one span too; their fraction count is computed
  (total / per-fraction dose) when it is a whole number, else null.
- Comparators and range lead-ins (``≥``, ``> or =``, ``at least``, ``up to``, ``between``) stay
  out of the span; the number written is the dose (``≥ 60 Gy`` → ``60 Gy``, ``[60, 60]``).
- Qualifiers written after the dose are in the span and set the kind: ``per fraction``, ``/fx``,
  ``per day``, ``daily``, ``twice a day``, ``once daily``, ``BID``, ``2 Gy fractions`` (per fraction); ``total``, ``in N fractions``,
  ``/N fx``, ``(in N fractions)``, ``/2Gy/30f`` (total); ``× N``, ``× N days``, ``for N fractions``
  (per fraction). A dose rate (``25 cGy/minute``) is not a dose.
- BED and EQD2 values (``BED10 ≥ 100 Gy``, ``100 Gy BED``, ``Gy10``) and stated equivalents
  (``biologically equivalent to 50 Gy in 2 Gy fractions``, ``roughly equivalent to a dose of 46 Gy``)
  are model quantities, not delivered doses: never a span. Nor are dose-volume indices (``V20``,
  ``V20 Gy``); the dose in a constraint (``mean lung dose ≤ 20 Gy``, ``Dmax ≤ 50 Gy``) is a span
  of kind ``unspecified``. A dose-volume index written out (``volume receiving 20 Gy, 30 Gy and
  50 Gy``, ``% of heart receiving >= 5 Gy``) is not a span either, nor the bare doses listed after it.
- A target between a dose and its fraction count is in the span (``3 Gy to the tumor bed only X 2
  fractions``); a dose equal to a product (``x 3 wks=40.50 Gy``) is a total.
- Units: Gy, cGy, gray(s), centigray, Gy(RBE), GyE, CGE (cobalt gray equivalent), in any case,
  alone or two for one dose (``CGE/Gy``).
  Not mGy (imaging doses) and not rad.
"""

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..errors import Errors
from ..lexicon import folded_text
from ..spans import RADIATION_DOSE, SPAN_KEY, set_label_spans
from ..text import number_word_pattern, word_number

PER_FRACTION = "per_fraction"
TOTAL = "total"
UNSPECIFIED = "unspecified"

Range = list[float]

# Every gap is bounded (at most one line break), which keeps matching linear.
_SP = r"(?:[ \t]{1,30}|[ \t]{0,30}\r?\n[ \t]{0,30})"  # a required gap between words
_GAP = r"(?:[ \t]{0,30}\r?\n)?[ \t]{0,30}"  # an optional gap between words
_T = r"[ \t]{0,2}"  # a tight gap around symbols
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,5}(?:[.·]\d{1,4}|,\d{1,2}(?!\d))?|[.·]\d{1,4})(?!\d)"
_ONE_UNIT = (
    r"(?:(?i:cobalt[ \t]+gray[ \t]+equivalents?|(?:centi)?grays?)(?![A-Za-z'’])(?![ \t-]*(?i:scale|matter)\b)"
    r"|(?i:c?gy)(?:E|[ \t]?\((?i:rbe)\)|RBE)?(?![A-Za-z])|CGE(?![A-Za-z]))"
    r"(?:[ \t]?\((?i:c?gy|cge|gye|rbe)\))?"  # a unit restated: 50.4 Gray (Gy)
)
# Proton trials name both units of one dose: 1.8 CGE/Gy, 50.4 Cobalt Gray Equivalent (CGE)/Gray (Gy).
_UNIT = rf"(?:{_ONE_UNIT}(?:{_T}/{_T}{_ONE_UNIT})?)"
_JOIN = rf"{_T}-?{_T}"  # number to unit: 60 Gy, 60Gy, a 16-Gy boost
_SEP = rf"(?:{_T}(?:[-–—~]|\\~){_T}|-?{_SP}to{_SP})"  # range: 800-1200, 45\~50, 54 to 59.4
# One dose: a range, a value with a tolerance, or a value; the unit ends it.
_DOSE = (
    rf"(?:(?<=[Bb]etween[ \t]){_NUM}(?:{_JOIN}{_UNIT})?{_SP}and{_SP}{_NUM}{_JOIN}{_UNIT}"
    rf"|{_NUM}(?:{_JOIN}{_UNIT})?{_SEP}{_NUM}{_JOIN}{_UNIT}"
    rf"|{_NUM}{_T}(?:±|\+/-|\+/−){_T}{_NUM}{_JOIN}{_UNIT}"
    rf"|{_NUM}{_JOIN}{_UNIT})"
)
_WORD_NUM = rf"(?i:a[ \t]+single|single|{number_word_pattern('[- ]')})(?![A-Za-z])"
_COUNT = rf"(?:\d{{1,3}}(?:{_T}(?:[-–~]|\\~|to){_T}\d{{1,3}})?(?![\d.,·])|{_WORD_NUM})"
_FRACTIONS = r"(?i:fractions?|fxs?|fr|f|sessions?)(?![A-Za-z])"
_MODIFIERS = (
    r"(?:(?i:daily|twice[- ]daily|once[- ]daily|weekly|consecutive|equal|radiation|treatment|additional)"
    rf"{_SP}){{0,2}}"
)
# "× 3" with no unit after it counts fractions; "× 3 weeks", "× 10-30 Gy" do not.
_BARE = (
    r"(?![ \t]*(?:[-–~.,·]?\d|\\~|(?i:c?gy|grays?|weeks?|wks?|w|months?|mo|years?|yrs?|days?|d|hours?|hrs?|h"
    r"|min|mg|ml|cm|mm|mci|cycles?|courses?|times)(?![A-Za-z])|%))"
)
_PER_FRACTION_MARK = (
    rf"(?:{_T}/{_T}(?i:fractions?|fx|fr|f|sessions?|day|d)(?![A-Za-z])"
    rf"|{_SP}(?i:per|a|each|every){_SP}(?i:fractions?|sessions?|day)(?![A-Za-z])"
    rf"|{_SP}(?i:daily)(?![A-Za-z])(?:{_SP}(?i:fractions?)(?![A-Za-z]))?"  # 1.8-Gy daily fractions
    # 4 Gy twice a day, 2.5 Gy once daily, 1.8 Gy BID: a dose given so many times a day is one fraction
    rf"|{_SP}(?i:once|twice|thrice|(?:two|three){_SP}times)"
    rf"(?:{_SP}(?i:a|per|each){_SP}(?i:day)|[- ](?i:daily))(?![A-Za-z])"
    rf"|{_SP}(?:BID|QD|b\.i\.d|q\.d)(?![A-Za-z])"
    rf"|(?:{_JOIN}|{_SP})(?i:fractions?)(?![A-Za-z]))"
)
_GIVEN = (
    rf"(?:(?i:(?:(?:will|to|shall|must|should|can){_SP}be|is|was|are|were|being){_SP})?"
    rf"(?i:delivered|given|administered){_SP})?"
)

_PATTERN = re.compile(
    r"(?<![A-Za-z0-9_.·])(?<!\d,)"
    # count first: 5 × 5 Gy, 1x8 Gy, two fractions of 6 Gy, 16 daily fractions of 2.66 Gray
    rf"(?P<pre>(?P<pre_times>\d{{1,3}}){_T}[x×X*]{_T}"
    rf"|(?P<pre_of>{_COUNT}){_SP}{_MODIFIERS}(?i:fractions?|fxs?|sessions?)(?:{_SP}of{_SP}|{_T}[x×X*]{_T}))?"
    rf"(?P<dose>{_DOSE})"
    r"(?(pre)|(?:"
    # 1Gy/F, 2 Gy per fraction, 2.7 Gy/fraction x 15 fractions, 180-200 cGy per fraction for 23-27 fractions
    rf"{_PER_FRACTION_MARK}(?:{_T}[x×X*]{_T}(?P<pf_times>{_COUNT})(?:{_GAP}{_FRACTIONS}|{_BARE})"
    rf"|{_SP}(?i:in|for|over){_SP}(?P<pf_count>{_COUNT}){_GAP}{_MODIFIERS}{_FRACTIONS})?"
    # 800-1200cGy × 3f, 8 Gy x 3, 5 gray (Gy) x 5 days
    rf"|{_T}[x×X*]{_T}(?P<times>\d{{1,3}}(?:{_T}[-–]{_T}\d{{1,3}})?)"
    rf"(?:{_T}(?:{_FRACTIONS}|(?i:days?)(?![A-Za-z]))|{_BARE})"
    # 60Gy/2Gy/30f, 50 Gy/2 Gy/25 fractions: total, fraction size and count
    rf"|{_T}/{_T}{_DOSE}{_T}/{_T}(?P<slash_count>{_COUNT})(?:{_T}{_FRACTIONS}|{_BARE})"
    # 50 Gy/25 fx, 37.5Gy/15, 28\~30Gy/4\~5f
    rf"|{_T}/{_T}(?P<slash>{_COUNT})(?:{_T}{_FRACTIONS}|{_BARE})"
    # 59.4 Gy in 1.8 Gy fractions, 50 Gy in 2.0 Gy per fraction, 55 Gy to 70 Gy in fractions of 1.8-2 Gy,
    # 66 Gy at 2 Gy per fraction
    rf"|{_SP}{_GIVEN}(?i:in){_SP}(?P<in_size>{_DOSE})"
    rf"(?:(?:{_JOIN}|{_SP}){_MODIFIERS}(?i:fractions?|fx)(?![A-Za-z])|{_PER_FRACTION_MARK})"
    rf"|{_SP}{_GIVEN}(?i:in){_SP}(?i:fractions){_SP}of{_SP}(?P<in_size_of>{_DOSE})"
    rf"|{_SP}(?i:at){_SP}(?P<at_size>{_DOSE}){_PER_FRACTION_MARK}"
    # 60 Gy in 30 fractions, 16 Gy in one fraction, 45 Gy in 25 fractions of 1.8 Gy
    rf"|{_SP}{_GIVEN}(?i:in|over){_SP}(?:(?i:a{_SP}total){_SP}of{_SP})?(?P<in_count>{_COUNT}){_GAP}"
    rf"{_MODIFIERS}{_FRACTIONS}(?:{_SP}of{_SP}{_DOSE})?"
    # 6 Gy for 2 fractions
    rf"|{_SP}(?i:for){_SP}(?P<for_count>{_COUNT}){_GAP}{_MODIFIERS}{_FRACTIONS}"
    # 3 Gy to the tumor bed only X 2 fractions, 50 Gy to the whole breast in 25 fractions
    rf"|{_SP}(?i:to){_SP}(?:[A-Za-z][A-Za-z/-]{{0,30}}{_SP}){{1,5}}"
    rf"(?:[x×X*]{_T}(?P<site_times>{_COUNT}){_GAP}{_FRACTIONS}"
    rf"|(?i:in){_SP}(?P<site_count>{_COUNT}){_GAP}{_MODIFIERS}{_FRACTIONS})"
    # 62Gy (31 fractions), 42.5 Gy (in 16 fractions)
    rf"|{_T}\({_T}(?:(?i:in){_SP})?(?P<paren_count>{_COUNT}){_T}{_MODIFIERS}{_FRACTIONS}{_T}\)"
    # 12 Gy total, 30 Gy total dose
    # (a look-ahead: the word sets the kind but stays out of the span, like a lead-in)
    rf"|(?={_SP}(?P<total>(?i:total))(?![A-Za-z])(?![ \t-]*(?i:body)))"
    r")?)"
)
_DOSE_PARTS = re.compile(
    rf"(?P<lo>{_NUM})(?:{_JOIN}(?P<u1>{_UNIT}))?(?:(?:{_SEP}|{_SP}and{_SP})(?P<hi>{_NUM}))?"
    rf"(?:{_T}(?:±|\+/-|\+/−){_T}{_NUM})?{_JOIN}(?P<unit>{_UNIT})"
)
_COUNT_PARTS = re.compile(rf"(?P<lo>\d{{1,3}}|{_WORD_NUM})(?:{_T}(?:[-–~]|\\~|to){_T}(?P<hi>\d{{1,3}}))?")

# Lead-in: the words before a dose, back to the previous number, bracket or sentence end.
_LEAD_WINDOW = 60
_LEAD_CUT = re.compile(r"[.;()\[\]\d]|\n[ \t]*[-•*]|\n[ \t]*\n")
_LEAD_TOTAL = re.compile(r"\b(?i:total|overall|cumulative|accumulated)\b(?![ \t-]+(?i:body|lung|volume))")
_LEAD_PER_FRACTION = re.compile(
    r"(?i)\b(?:per[- ]fraction|fraction(?:al)?[ \t]+(?:size|dose)|fractions?[ \t]+of|per[ \t]+session"
    r"|(?:dose|dosage)[ \t]+per[ \t]+(?:fraction|session|day)|daily(?:[ \t]+\w+)?[ \t]+dos(?:e|age))\b"
)
# Biologically effective / equivalent doses ("BED10 ≥ 100 Gy", "biologically equivalent to 50 Gy
# in 2 Gy fractions") are model values, not delivered doses.
_LEAD_BED = re.compile(
    r"(?:\b(?:BED|EQD)[\w/=.₀-₉αβ]*|(?i:biologic(?:al(?:ly)?)?[ \t]+(?:effective|equivalent))"
    r"|(?i:equivalent[ \t]+(?:to|dose[ \t]+in)\b))[^\d\n]{0,20}$"
)
# A dose-volume index written out ("Volume of Heart Receiving 5 Gy", "% of heart receiving >= 5 Gy",
# "heart volume exposed to radiation doses 5 Gy") is V5 in words: a model quantity too. A share of
# patients receiving a dose is not ("% of patients receiving 60 Gy").
_LEAD_DOSE_VOLUME = re.compile(
    r"(?i:\bvolumes?\b|%[ \t]*of[ \t]+(?:the[ \t]+)?(?!patients|participants|subjects|cases)[a-z]+)"
    r"[^.;\n\d]{0,30}?\b(?i:receiving|received|receives|exposed[ \t]+to)\b[^.;\n\d]{0,30}$"
)
# Bare numbers listed before the one that carries the unit share its lead-in.
_NUMBER_LIST = re.compile(
    r"(?<![\d.,])(?:\d{1,5}(?:\.\d{1,4})?[ \t]{0,3}(?:,[ \t]{0,3}(?:and|or)?|and|or)[ \t]{1,3})+$"
)
# A dose coordinated before this one, with its own bracket: "a total dose of either 40 Gy (in 15
# fractions, 2.66 Gy per day) or 42.5 Gy": the lead-in before the first is the second's too.
_COORDINATED_DOSE = re.compile(
    r"(?:(?i:either)[ \t]+)?\d{1,5}(?:\.\d{1,4})?[ \t]{0,2}(?i:c?gy)(?![A-Za-z])[ \t]{0,2}(?:\([^()\n]{0,80}\)[ \t]{0,2})?"
    r"(?:,[ \t]{0,3}|,?[ \t]{0,3}(?i:or|and)[ \t]{1,3})$"
)
# A total written as the product of a schedule: "(5 times/wk x 3 wks=40.50 Gy)", "2 Gy × 30 = 60 Gy".
_LEAD_PRODUCT = re.compile(r"[x×X*][ \t]*\d[^=\n;()]{0,15}=[ \t]*$")
# Between the items of a list: "the volume receiving 20 Gy, 30 Gy and 50 Gy".
_LIST_JOIN = re.compile(r"[ \t]{0,3}(?:,|,?[ \t]{1,3}(?:and|or))[ \t]{1,3}")
# A dose rate ("TBI 200 cGy at 25 cGy/minute", "0.5 Gy/h") is not an amount of dose.
_TRAIL_RATE = re.compile(
    r"[ \t]{0,2}(?:/|per[ \t]+)[ \t]{0,2}(?i:min(?:ute)?s?|hours?|hrs?|h|sec(?:ond)?s?|s)(?![A-Za-z])"
)
_TRAIL_BED = re.compile(r"[\d₀-₉]|[ \t]*\(?[ \t]*(?:BED|EQD)")
# Every dose ends in a number joined to a unit; texts without one (most) skip the full grammar.
_HINT = re.compile(r"\d[ \t-]{0,5}(?i:c?gy|grays?|centigray|cge|cobalt)")


@dataclass(frozen=True)
class DoseMatch:
    """One dose expression: character offsets into the parsed text and the contract's attributes."""

    start: int
    end: int
    dose_gy: Range
    dose_kind: str
    fractions: list[int] | None
    total_gy: Range | None

    def attrs(self) -> dict[str, Any]:
        """The RADIATION_DOSE attributes (JSON-safe)."""
        return {
            "dose_gy": list(self.dose_gy),
            "dose_kind": self.dose_kind,
            "fractions": list(self.fractions) if self.fractions is not None else None,
            "total_gy": list(self.total_gy) if self.total_gy is not None else None,
        }


def _number(text: str) -> float:
    """A written number: ``2,000`` (thousands), ``2,5`` (decimal comma), ``38·5`` (middle dot)."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return float(text.replace(",", ""))
    return float(text.replace("·", ".").replace(",", "."))


def _gray(unit: str) -> float:
    """Gray per unit: 0.01 for centigray, else 1."""
    unit = unit.lower()
    return 0.01 if unit.startswith(("cgy", "centi")) else 1.0


def _ordered(lo: float, hi: float) -> Range:
    """[min, max], rounded so that float noise (0.1 + 0.2) never shows."""
    return [round(min(lo, hi), 4), round(max(lo, hi), 4)]


def _dose_range(text: str, start: int, end: int) -> Range:
    """The [min, max] in gray of the dose written at ``text[start:end]``."""
    found = _DOSE_PARTS.fullmatch(text, start, end)
    if found is None:  # the grammar and _DOSE_PARTS describe the same language
        raise ValueError(Errors.E075.format(text=text[start:end]))
    scale = _gray(found["unit"])
    lo = _number(found["lo"]) * (_gray(found["u1"]) if found["u1"] else scale)
    hi = _number(found["hi"]) * scale if found["hi"] else lo
    return _ordered(lo, hi)


def _count_range(text: str) -> list[int] | None:
    """The [min, max] of a fraction count (digits, a digit range or a number word), or None for 0."""
    found = _COUNT_PARTS.match(text)
    if found is None:
        return None
    lo = _count(found["lo"])
    if lo is None:
        return None
    hi = int(found["hi"]) if found["hi"] else lo
    if min(lo, hi) <= 0:
        return None
    return [min(lo, hi), max(lo, hi)]


def _count(written: str) -> int | None:
    """A count written in digits, as a number word (``twenty-five``) or as ``(a) single``."""
    if written.isdigit():
        return int(written)
    return 1 if written.lower().endswith("single") else word_number(written)


def _lead_kind(text: str, start: int) -> tuple[str, bool]:
    """The kind set by the lead-in words before ``start``, and whether they mark a model value.

    Model values are BED/EQD2 values and dose-volume indices: not a delivered or prescribed dose.
    """
    listed = _NUMBER_LIST.search(text, max(0, start - _LEAD_WINDOW), start)
    if listed is not None:  # "the volume receiving 50 and 36 Gy": the lead-in is before the list
        start = listed.start()
    window = text[max(0, start - _LEAD_WINDOW) : start]
    cuts = list(_LEAD_CUT.finditer(window))
    lead = window[cuts[-1].end() :] if cuts else window
    is_model = _LEAD_BED.search(window) is not None or _LEAD_DOSE_VOLUME.search(lead) is not None
    if _LEAD_PRODUCT.search(window):
        return TOTAL, is_model
    total = [m.end() for m in _LEAD_TOTAL.finditer(lead)]
    per_fraction = [m.end() for m in _LEAD_PER_FRACTION.finditer(lead)]
    if per_fraction and (not total or per_fraction[-1] >= total[-1]):
        return PER_FRACTION, is_model
    if total:
        return TOTAL, is_model
    coordinated = None if is_model else _COORDINATED_DOSE.search(text, max(0, start - 2 * _LEAD_WINDOW), start)
    if coordinated is not None:  # "40 Gy, 45 Gy or 50 Gy": the first one's lead-in (a model value stays out)
        return _lead_kind(text, coordinated.start())[0], is_model
    return UNSPECIFIED, is_model


def _fractions_from_size(total: Range, size: Range) -> list[int] | None:
    """Fractions = total / per-fraction dose, when both are single values and it divides evenly."""
    if total[0] != total[1] or size[0] != size[1] or size[0] <= 0:
        return None
    ratio = total[0] / size[0]
    whole = round(ratio)
    if whole < 1 or abs(ratio - whole) > 1e-6 * max(1.0, ratio):
        return None
    return [whole, whole]


def _interpret(text: str, found: "re.Match[str]") -> DoseMatch | None:
    """The DoseMatch of one grammar match, or None for a model value (BED/EQD2, dose-volume index) or a rate."""
    start = found.start("pre") if found["pre"] else found.start("dose")
    lead_kind, is_model = _lead_kind(text, start)
    if is_model or _TRAIL_BED.match(text, found.end()) or _TRAIL_RATE.match(text, found.end()):
        return None
    dose = _dose_range(text, found.start("dose"), found.end("dose"))
    fractions: list[int] | None = None
    kind = lead_kind
    if found["pre_times"] or found["pre_of"]:
        kind, fractions = PER_FRACTION, _count_range(found["pre_times"] or found["pre_of"])
    elif found["times"] or found["for_count"] or found["site_times"]:
        kind, fractions = PER_FRACTION, _count_range(found["times"] or found["for_count"] or found["site_times"])
    elif found["slash"] or found["slash_count"] or found["in_count"] or found["paren_count"] or found["site_count"]:
        count = (
            found["slash"] or found["slash_count"] or found["in_count"] or found["paren_count"] or found["site_count"]
        )
        kind, fractions = TOTAL, _count_range(count)
    elif found["in_size"] or found["in_size_of"] or found["at_size"]:
        group = "in_size" if found["in_size"] else "in_size_of" if found["in_size_of"] else "at_size"
        kind = TOTAL
        fractions = _fractions_from_size(dose, _dose_range(text, found.start(group), found.end(group)))
    elif found["total"]:
        kind = TOTAL
    elif found.end() > found.end("dose"):  # only a per-fraction mark can remain
        count = found["pf_times"] or found["pf_count"]
        kind, fractions = PER_FRACTION, _count_range(count) if count else None
    if kind == TOTAL:
        total: Range | None = list(dose)
    elif kind == PER_FRACTION and fractions is not None:
        total = [round(dose[0] * fractions[0], 4), round(dose[1] * fractions[1], 4)]
    else:
        total = None
    return DoseMatch(start, found.end(), dose, kind, fractions, total)


def parse_doses(text: str) -> list[DoseMatch]:
    """Every radiation dose expression in ``text``, left to right, without overlaps."""
    doses: list[DoseMatch] = []
    if _HINT.search(text) is None:
        return doses
    model_end = -1  # where the last model value ended: bare doses listed after it are model values too
    for found in _PATTERN.finditer(text):
        bare = found.start() == found.start("dose") and found.end() == found.end("dose")
        if bare and model_end >= 0 and _LIST_JOIN.fullmatch(text, model_end, found.start()):
            model_end = found.end()
            continue
        dose = _interpret(text, found)
        if dose is None:
            model_end = found.end()
        else:
            doses.append(dose)
            model_end = -1
    return doses


class Doses(Pipe):
    """Writes RADIATION_DOSE spans (see :func:`parse_doses`) into ``doc.spans[spans_key]``."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPAN_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        candidates = [(dose.start, dose.end, dose.attrs()) for dose in parse_doses(folded_text(doc))]
        set_label_spans(doc, RADIATION_DOSE, candidates, self.spans_key)
        return doc


@Language.factory(
    "trialspacy_doses",
    assigns=[
        "doc.spans",
        "span._.trialspacy_dose_gy",
        "span._.trialspacy_dose_kind",
        "span._.trialspacy_fractions",
        "span._.trialspacy_total_gy",
    ],
    default_config={"spans_key": SPAN_KEY},
)
def make_doses(nlp: Language, name: str, spans_key: str) -> Doses:
    """Factory of the radiation-dose component."""
    return Doses(nlp, name, spans_key=spans_key)
