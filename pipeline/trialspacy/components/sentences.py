"""Sentences of trial text: lines, bullets, wrapped lines and sentence-final punctuation.

Registry text is laid out in lines more than in prose: a bullet or a line is a unit, a bullet
that wraps over lines is one unit, and only inside a unit does punctuation end sentences. The
line analysis here (:func:`logical_lines`) is shared with the criteria splitter, so a sentence
never crosses a criterion boundary and negation scope (which is per sentence) never leaks from
one criterion into the next.

``;`` does not end a sentence: criteria such as "Hepatic function: bilirubin =< 2 mg%; SGOT
=< 2.5 x normal" are one statement, and negation scope is cut at ``;`` by the negation rules
instead.
"""

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from thinc.types import Ints2d

from ..lexicon import doc_text
from ..text import line_spans, trim

_MARKER = re.compile(
    r"""(?:
        \\?[-*+•·▪●○◦■□►➢–—]\s+              # bullets, also markdown-escaped (\- \*)
      | \\?[-*•·](?=[A-Za-z(])                # glued to the word: -Patients
      | --(?![\w/ ,&]*--)[ \t]*(?=[A-Z(])     # a doubled dash: --Prior, -- Must (not --Heading--)
      | \.[ \t]+(?=[A-Za-z(])                 # a bullet lost before its space: ". Uncontrolled"
      | o\s+(?=[A-Z(])                        # the letter o used as a bullet
      | \(?\d{1,3}\\?[.)](?!\d)\s*            # 1.  1)  (1)  8\.  9.The
      | -\d{1,3}[.)](?=[A-Z])                 # a dash before the first number: -1.Has
      | \([A-Za-z]\)\s+ | [A-Za-z][.)]\s+     # (a)  a.  b)
      | (?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]\s+
    )""",
    re.X,
)
# A bullet with nothing after it on its line (HINT's lone "-" lines, API v2's "\-").
_LONE_MARKER = re.compile(r"(?:\\?[-*+•·▪●○◦■□►➢–—]|\(?\d{1,3}\\?[.)]|\([A-Za-z]\)|[A-Za-z][.)])\s*$")

# Hard-wrapped text (the registry's XML-era text blocks) is cut at a fixed width of at most this.
_MAX_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 60
# Share of directly following lines that must be wrap-overflows for a text to count as wrapped.
_WRAPPED_SHARE = 0.8


@dataclass(frozen=True)
class Line:
    """One physical line: ``start``/``end`` exclude the break; ``marker_start`` is the first
    non-space character, ``content_start`` the first after a bullet marker (equal when there is
    none), ``content_end`` the end without trailing space. A blank line has
    ``content_start == content_end``."""

    start: int
    end: int
    marker_start: int
    content_start: int
    content_end: int

    @property
    def indent(self) -> int:
        return self.marker_start - self.start

    @property
    def bulleted(self) -> bool:
        return self.content_start > self.marker_start

    @property
    def blank(self) -> bool:
        return self.marker_start >= self.content_end


@dataclass(frozen=True)
class LogicalLine:
    """A bullet or line with its continuation lines: ``[start, end)`` from the marker (or the
    first character) to the end of the last line's content; ``content_start`` after the marker."""

    start: int
    content_start: int
    end: int
    bulleted: bool
    indent: int


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The physical lines of ``text[start:end]`` with their bullet markers; a ``~`` ends a line
    unless it writes a range or an approximation (AACT rows "age;~Subjects", "or~65 to 75", but not
    "0~1", " ~30 patients", "grade III ~ IV"). Bare item numbers ("~1 The subjects ...~2 Age:
    ...") are markers when they count the lines up from 1 (see :func:`_bare_numbered`)."""
    return _bare_numbered(
        text, [_line(text, s, e) for s, e in line_spans(text, start, end, tilde="break_unless_range")]
    )


# An item number written without a dot or bracket before the item's text ("~1 The subjects
# voluntarily joined ...", as records registered from China write them after ``~``), or with the
# section's letter before it ("~I1. Age over 18 years", "~E12. Having a lifestyle ...").
_BARE_NUMBER = re.compile(r"([1-9][0-9]?)[ \t]+(?=\S)")
_LETTERED_NUMBER = re.compile(r"([A-Z]{1,2})([1-9][0-9]?)\.[ \t]+(?=\S)")


def _bare_numbered(text: str, lines: list[Line]) -> list[Line]:
    """``lines`` with the bare item numbers taken as markers, and the lettered ones ("I1.", "E12.").

    A number opening an unmarked line counts as a marker only inside a run of such lines numbered
    1, 2, 3, ... in order (lines between them may have none: a wrapped item, a sub-item), so a
    number that belongs to the text ("3 months since surgery", "1 year") stays in it. A lettered
    number counts inside a run of lines with the same letter numbered so ("I1." ... "I9.", then
    "E1." ...), so a name that ends a wrapped line's sentence ("phospholipase A2. PET ...") stays.
    """
    bare: list[tuple[int, str, int, int]] = []  # (line index, letter, number, content start after it)
    lettered: list[tuple[int, str, int, int]] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        match = _LETTERED_NUMBER.match(text, line.content_start, line.content_end)
        if match is not None:
            lettered.append((i, match.group(1), int(match.group(2)), match.end()))
        elif not line.bulleted:
            match = _BARE_NUMBER.match(text, line.content_start, line.content_end)
            if match is not None:
                bare.append((i, "", int(match.group(1)), match.end()))
    marked = list(lines)
    for numbered in (bare, lettered):
        for i, content in _counted_runs(numbered):
            line = lines[i]
            marked[i] = Line(line.start, line.end, line.marker_start, content, line.content_end)
    return marked


def _counted_runs(numbered: list[tuple[int, str, int, int]]) -> list[tuple[int, int]]:
    """``(line index, content start)`` of the items of ``numbered`` that stand in a run of at least
    two with the same letter counting up from 1."""
    found: list[tuple[int, int]] = []
    run: list[tuple[int, str, int, int]] = []
    for item in [*numbered, (-1, "", 0, 0)]:
        if item[2] == len(run) + 1 and (not run or run[0][1] == item[1]):
            run.append(item)
            continue
        if len(run) >= 2:
            found.extend((i, content) for i, _, _, content in run)
        run = [item] if item[2] == 1 else []
    return found


def _line(text: str, start: int, end: int) -> Line:
    first, last = trim(text, start, end)
    if first == last:
        return Line(start, end, first, first, first)
    content = first
    # Markers may be doubled ("* 27\. Conditions"), so take up to two.
    for _ in range(2):
        match = _MARKER.match(text, content, last)
        if match is None:
            break
        content = match.end()
    if content == first and _LONE_MARKER.fullmatch(text, first, last):
        content = last
    return Line(start, end, first, content, last)


def wrap_width(text: str, lines: Sequence[Line]) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not.

    Wrapped text (the registry's XML-era text blocks) has blank lines between its paragraphs (a
    text without them is a list of lines, as in NLI4CT, AACT or CHIA), no line longer than a
    terminal line, and lines that follow each other only where the next word did not fit.
    """
    content = [ln for ln in lines if not ln.blank]
    if not content:
        return None
    width = max(ln.content_end - ln.start for ln in content)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH or not _blank_between(lines):
        return None
    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if not a.blank and not b.blank and not b.bulleted]
    if not pairs:
        return None
    full = sum(1 for a, b in pairs if _overflows(text, a, b, width))
    return width if full >= _WRAPPED_SHARE * len(pairs) else None


def _blank_between(lines: Sequence[Line]) -> bool:
    """Whether a blank line stands between two lines with content."""
    seen_content = False
    blank_after_content = False
    for ln in lines:
        if ln.blank:
            blank_after_content = seen_content
        elif blank_after_content:
            return True
        else:
            seen_content = True
    return False


def _overflows(text: str, prev: Line, line: Line, width: int) -> bool:
    """Whether the first word of ``line`` would not have fitted after ``prev``."""
    first_word = len(text[line.marker_start : line.content_end].split(None, 1)[0])
    return (prev.content_end - prev.start) + 1 + first_word > width


def _runs_on(text: str, prev: Line, line: Line) -> bool:
    """Whether ``line`` reads as the rest of ``prev``: ``prev`` does not end a sentence or a
    heading, or ``line`` starts in lower case. (NLI4CT lists unmarked items under a lettered
    one: "A. ... as listed below." then "Human immunodeficiency virus positivity ...".)"""
    return text[prev.content_end - 1] not in ".:;!?" or text[line.content_start].islower()


def _continues(text: str, unit: LogicalLine, prev: Line, line: Line, after_blank: bool, width: int | None) -> bool:
    """Whether ``line``, which has no bullet marker, continues ``unit`` (whose last line is ``prev``)."""
    if after_blank:
        return unit.bulleted and line.indent > unit.indent
    subheading = text[line.content_end - 1] == ":" and line.indent <= unit.indent
    return (
        (unit.bulleted and not subheading and not _new_row(text, unit, line) and _runs_on(text, prev, line))
        or (width is not None and _overflows(text, prev, line, width))
        or _bracket_runs_on(text, prev, line)
    )


def _new_row(text: str, unit: LogicalLine, line: Line) -> bool:
    """Whether ``line`` is an AACT row of its own after a bullet: it follows a ``~`` (the line break
    of the registered text) unindented, with a capital ("~. HbA1c ≥ 8.0% (63.9 mmol/mol)~Previous
    allogeneic bone marrow transplant"); a bullet wrapped over rows goes on indented or in lower case."""
    return (
        line.start > 0
        and text[line.start - 1] == "~"
        and line.indent <= unit.indent
        and text[line.content_start].isupper()
    )


# A bracket that continues the line before it: an abbreviation of the words before it ("(RECIST)
# criteria v 1.1", "(CTCAE v 3.0)."), or an aside in lower case ("(i.e., lumpectomy) or total
# mastectomy", "(polyoxyethylated castor oil) or a drug"); not a note of its own ("(FISH testing is
# required for ...)") nor the scope of the criterion it opens ("(ARM A ONLY) Interval between ...").
_BRACKET_RUNS_ON = re.compile(r"[(\[](?:[a-z]|[A-Z][\w.-]*[A-Z0-9][\w.-]*(?:[ ][^\s)\]]+){0,2}[)\]])")
_SCOPE_LABEL = re.compile(r"[(\[][^()\[\]]*\bonly[)\]]", re.I)


def _bracket_runs_on(text: str, prev: Line, line: Line) -> bool:
    """Whether ``line`` opens with a bracket that continues ``prev``, which does not end a sentence:
    "... according to Response Evaluation Criteria in Solid Tumors" then "(RECIST) criteria v 1.1"
    (NLI4CT lines wrapped without bullets)."""
    return (
        text[prev.content_end - 1] not in ".:;!?"
        and _BRACKET_RUNS_ON.match(text, line.content_start, line.content_end) is not None
        and _SCOPE_LABEL.match(text, line.content_start, line.content_end) is None
    )


def logical_lines(text: str, start: int = 0, end: int | None = None) -> list[LogicalLine]:
    """Group the lines of ``text[start:end]`` into bullets and lines with their continuations.

    A line continues the one before it when it has no bullet marker and either follows a
    bulleted line directly and runs on from it (a wrapped bullet), follows a blank line but is
    indented past the bullet it belongs to (markdown's indented paragraph), completes a
    hard-wrapped line, or opens with a bracket after a line that does not end a sentence. A line
    ending in ``:`` at the bullet's indentation is a new unit (a sub-heading).
    """
    return list(_logical_lines(text, start, len(text) if end is None else end))


# The sentence segmenter and then the criteria splitter read the same eligibility sections of a
# document: the second reads the first's units. The units are a function of the text and the
# bounds alone (the key; a str cannot change), so no later change to the doc can make one stale;
# the few entries kept are the last documents' sections (spaCy runs each document through every
# component before the next).
@functools.lru_cache(maxsize=16)
def _logical_lines(text: str, start: int, end: int) -> tuple[LogicalLine, ...]:
    lines = split_lines(text, start, end)
    width = wrap_width(text, lines)
    units: list[LogicalLine] = []
    prev: Line | None = None
    after_blank = False
    pending_marker: Line | None = None
    for line in lines:
        if line.blank:
            after_blank = True
            continue
        if line.content_start == line.content_end:
            pending_marker = line
            continue
        unit = units[-1] if units else None
        if (
            unit is not None
            and prev is not None
            and not line.bulleted
            and pending_marker is None
            and _continues(text, unit, prev, line, after_blank, width)
        ):
            units[-1] = LogicalLine(unit.start, unit.content_start, line.content_end, unit.bulleted, unit.indent)
        else:
            head = pending_marker or line
            units.append(
                LogicalLine(
                    head.marker_start,
                    line.content_start,
                    line.content_end,
                    pending_marker is not None or line.bulleted,
                    head.indent,
                )
            )
        prev = line
        after_blank = False
        pending_marker = None
    return tuple(_split_run_on_items(text, units))


# The number of a numbered item's marker ("8. ", "(8) ", "8) ").
_ITEM_NUMBER = re.compile(r"-?\(?([0-9]{1,3})\\?[.)]")


# A list of the item's own, counting from 1 inside it: "1. Received any of the following treatments:
# 1. previous treatment with any EGFR TKI; 2. major surgery ..." (its "2." is not item 2).
_INNER_LIST = re.compile(r"(?<=\s)\(?1[.)]\s")


def _split_run_on_items(text: str, units: list[LogicalLine]) -> list[LogicalLine]:
    """``units`` with the numbered items run onto the line of the item before them made their own:
    "8. The most recent ... PD-L1 TPS <1% 9. appropriate organ function" holds item 9. Only the
    next number with the same punctuation, after a space and before a word, starts an item there
    (or glued to a capitalised word: "... prostate carcinoma. 2.Eastern Cooperative ..."; not a
    decimal or a version, "1.5 x ULN", "RECIST 1.1"), and not inside a list of the item's own that
    counts from 1."""
    result: list[LogicalLine] = []
    for unit in units:
        number = _ITEM_NUMBER.fullmatch(text, unit.start, unit.content_start - _trailing_space(text, unit))
        while number is not None:
            following = int(number.group(1)) + 1
            punct = text[number.end() - 1]
            inline = re.compile(rf"(?<=\s){following}\{punct}(?:[ \t]+(?=[A-Za-z(])|(?=[A-Z][a-z]))").search(
                text, unit.content_start, unit.end
            )
            if inline is None or _INNER_LIST.search(text, unit.content_start, inline.start()) is not None:
                break
            end = trim(text, unit.content_start, inline.start())[1]
            result.append(LogicalLine(unit.start, unit.content_start, end, unit.bulleted, unit.indent))
            unit = LogicalLine(inline.start(), inline.end(), unit.end, True, unit.indent)
            number = _ITEM_NUMBER.fullmatch(text, inline.start(), inline.end() - _trailing_space(text, unit))
        result.append(unit)
    return result


def _trailing_space(text: str, unit: LogicalLine) -> int:
    """How many white-space characters end the marker of ``unit``."""
    marker = text[unit.start : unit.content_start]
    return len(marker) - len(marker.rstrip())


# Words whose final "." does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "vs",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "fig",
        "figs",
        "no",
        "nos",
        "approx",
        "ca",
        "cf",
        "al",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "resp",
        "incl",
        "excl",
        "min",
        "max",
        "viz",
        "ref",
        "refs",
        "vol",
        "eq",
        "dept",
        "univ",
        "mt",
        "pt",
        "pts",
        "yr",
        "yrs",
        "wk",
        "wks",
        "mo",
        "mos",
        "hr",
        "hrs",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z])")


def sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Character offsets where sentences start in ``text[start:end]``: each logical line, and
    after ``.``, ``!`` or ``?`` followed by space and a capital letter, unless inside
    parentheses or after an abbreviation (``e.g.``, ``vs.``, ``Dr.``) or an initial."""
    starts: list[int] = []
    for unit in logical_lines(text, start, end):
        starts.append(unit.start)
        starts.extend(_inner_starts(text, unit.content_start, unit.end))
    return starts


def inner_sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets where a sentence starts inside one line or bullet ``text[start:end]`` (not at its
    start): after ``.``, ``!`` or ``?``, space and a capital letter, as :func:`sentence_starts` finds them."""
    return list(_inner_starts(text, start, len(text) if end is None else end))


def _inner_starts(text: str, start: int, end: int) -> Iterable[int]:
    depth = 0
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        depth += _paren_balance(text, pos, match.start())
        pos = match.start()
        if depth > 0 or _ends_in_abbreviation(text, start, match.start()):
            continue
        yield match.end()


def _paren_balance(text: str, start: int, end: int) -> int:
    chunk = text[start:end]
    return chunk.count("(") + chunk.count("[") - chunk.count(")") - chunk.count("]")


def _ends_in_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the word before the ``.`` at ``dot`` is an abbreviation or a single letter."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace() and text[word_start - 1] not in "([":
        word_start -= 1
    word = text[word_start:dot].lower()
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


def segments(text: str, sections: Sequence[dict] | None) -> list[tuple[int, int]]:
    """The parts of a text laid out independently: each inclusion and exclusion section, and
    the text between them (wrap widths and bullets differ between a summary and a list)."""
    cuts = {0, len(text)}
    for section in sections or []:
        if section["name"] in ("inclusion", "exclusion"):
            cuts.update((section["start"], section["end"]))
    ordered = sorted(cuts)
    return list(zip(ordered, ordered[1:]))


def doc_sentence_starts(doc: Doc) -> list[int]:
    """Sentence start offsets of a whole doc, segment by segment."""
    text = doc_text(doc)
    starts: list[int] = []
    for seg_start, seg_end in segments(text, doc._.trialspacy_sections):
        starts.extend(sentence_starts(text, seg_start, seg_end))
    return starts


def set_sentence_starts(doc: Doc, starts: Sequence[int]) -> None:
    """Set ``token.is_sent_start`` on every token: True at the tokens holding ``starts`` (and
    the first token), False elsewhere. Leading white space joins the first sentence."""
    if len(doc) == 0:
        return
    # One array write: setting token.is_sent_start one token at a time is quadratic in spaCy.
    flags = numpy.full(len(doc), -1, dtype="int64")
    if len(starts):
        holders = numpy.searchsorted(doc.to_array(IDX).astype("int64"), numpy.asarray(starts), side="right") - 1
        flags[holders[holders > 0]] = 1
    spaces = doc.to_array(IS_SPACE)
    first_word = int(numpy.argmin(spaces)) if not spaces.all() else 0
    flags[: first_word + 1] = -1
    flags[0] = 1
    # spaCy takes a numpy array here; thinc's Ints2d in its stub is an abstract type no array has.
    doc.from_array([SENT_START], cast(Ints2d, flags.astype("uint64").reshape(-1, 1)))


class Sentences(Pipe):
    """Sets sentence boundaries for trial text (see :func:`sentence_starts`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_sentence_starts(doc, doc_sentence_starts(doc))
        return doc


@Language.factory(
    "trialspacy_sentences",
    assigns=["token.is_sent_start", "doc.sents"],
    requires=["doc._.trialspacy_sections"],
    default_config={},
)
def make_sentences(nlp: Language, name: str) -> Sentences:
    """Factory of the sentence segmenter."""
    return Sentences(nlp, name)
