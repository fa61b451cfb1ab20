"""Text primitives shared by the layout reader and the components: lines, trimming, number words.

Pure functions over ``str`` with character offsets (``[start, end)`` into the text as given), so
that every part of the package agrees on what a line is and what ``twenty-five`` means.

Lines end at ``\\r\\n``, ``\\r`` or ``\\n``, and, depending on the caller, at ``~``: AACT joins the
lines of its eligibility criteria with ``~`` ("Inclusion Criteria:~~- Age >= 18~- ECOG 0~1"),
while elsewhere ``~`` writes a range or an approximation ("ECOG 0~1", "grade III ~ IV",
"~30 patients"). :data:`TildeRule` names the three readings the package needs.
"""

import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

Span = tuple[int, int]

TildeRule = Literal["text", "break", "break_unless_range"]
"""How a line splitter reads ``~``:

- ``"text"``: an ordinary character. For the seed layout's numbered lines (title, summary, ...):
  a ``~`` in a summary must not move the interventions to another line number.
- ``"break"``: every ``~`` ends a line. For reading an eligibility part as AACT rows: finding the
  heading rows (a heading is never part of a range, and a separator written with spaces,
  "18 years ~ Exclusion Criteria:", still ends the row before it) and the criterion row around an
  endpoint mention.
- ``"break_unless_range"``: ``~`` ends a line unless white space or a digit stands on both sides
  ("0~1", "18 ~ 75", " ~30", "++ ~ +++"). For the units that become sentences and criteria, where
  cutting "aged 18~75 years" in two would split a criterion and its negation scope.
"""

# One line break each, ``\r\n`` first so that it counts once. Every alternative starts with its
# literal character (the lookbehind comes after the ``~``): the regex engine then jumps from one
# break character to the next instead of trying the pattern at every position.
_BREAKS: dict[TildeRule, "re.Pattern[str]"] = {
    "text": re.compile(r"\r\n|\r|\n"),
    "break": re.compile(r"\r\n|\r|\n|~"),
    "break_unless_range": re.compile(r"\r\n|\r|\n|~(?<![\s\d]~)|~(?![\s\d+])"),
}
_BREAK_CHARS: dict[TildeRule, str] = {"text": "\r\n", "break": "\r\n~", "break_unless_range": "\r\n~"}


def line_spans(text: str, start: int = 0, end: int | None = None, *, tilde: TildeRule = "text") -> list[Span]:
    """The lines of ``text[start:end]`` as ``(start, end)`` offsets without their line breaks
    (a text ending in a break ends with an empty line)."""
    end = len(text) if end is None else end
    found = []
    pos = start
    for brk in _BREAKS[tilde].finditer(text, start, end):
        found.append((pos, brk.start()))
        pos = brk.end()
    found.append((pos, end))
    return found


def line_around(text: str, start: int, end: int, *, tilde: TildeRule = "text") -> Span:
    """The line of ``text`` that holds ``[start, end)``, without its line breaks.

    Looks only as far as the nearest breaks, so it costs the length of the line, not the text's.
    """
    after = _BREAKS[tilde].search(text, end)
    left = start
    while left > 0:
        brk = max(text.rfind(char, 0, left) for char in _BREAK_CHARS[tilde])
        if brk < 0:
            left = 0
        elif _BREAKS[tilde].match(text, brk):
            left = brk + 1
            break
        else:  # a ``~`` that is part of a range
            left = brk
    return left, after.start() if after else len(text)


def trim(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without the white space at either end (all white space: ``(end, end)``)."""
    segment = text[start:end]
    left = segment.lstrip()
    start += len(segment) - len(left)
    return start, start + len(left.rstrip())


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of literal ``words``, longest first, so that
    ``seventeen`` is tried before ``seven``."""
    return "|".join(sorted(words, key=len, reverse=True))


# Number words from zero to ninety-nine.
ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, int] = {**ONES, **TENS}
_DIGIT_WORDS = [word for word, value in ONES.items() if 1 <= value <= 9]
_NOT_LETTERS = re.compile(r"[^a-z]+")


def number_word_pattern(joiner: str, *, zero: bool = False) -> str:
    """A regular expression for a number word up to ninety-nine (``seventeen``, ``forty``,
    ``twenty-five``), from one or, with ``zero``, from zero. ``joiner`` is the pattern allowed
    between tens and ones (``[- ]``); the pattern is lower case and has no word boundary, so a
    caller adds its own case folding and the boundary its text needs."""
    ones = alternation(word for word, value in ONES.items() if zero or value > 0)
    return rf"(?:(?:{alternation(TENS)})(?:{joiner}(?:{alternation(_DIGIT_WORDS)}))?|{ones})"


def word_number(words: str) -> int | None:
    """The value of a number word: ``seventeen`` → 17, ``Twenty-five`` and ``twenty five`` → 25;
    None when ``words`` is not one (``a dozen``, ``five twenty``)."""
    parts = _NOT_LETTERS.split(words.strip().lower())
    if len(parts) == 1:
        return NUMBER_WORDS.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS and parts[1] in _DIGIT_WORDS:
        return TENS[parts[0]] + ONES[parts[1]]
    return None


def contains(outer: Mapping[str, Any], start: int, end: int) -> bool:
    """Whether ``outer`` (a span, section or outcome item: anything with ``start`` and ``end``)
    holds all of ``[start, end)``."""
    return bool(outer["start"] <= start and end <= outer["end"])


# Text as registries hold it (records registered from China and elsewhere): full-width ASCII
# (``ＰＦＳ``, ``６０ Ｇｙ``, ``（``), the ideographic space and CJK punctuation (``、``, ``。``,
# ``【】``) and curly quotes, each folded to the one ASCII character it stands for. Only one-to-one
# mappings, so a folded text has the original's length and every offset into one is an offset into
# the other (NFKC would also rewrite ``㎎`` as ``mg`` and ``ﬁ`` as ``fi``, moving what follows).
_CJK_FOLDS = {
    "\u3000": " ",
    "、": ",",
    "。": ".",
    "〜": "~",
    "【": "[",
    "】": "]",
    "〔": "[",
    "〕": "]",
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}
_FOLDS: dict[int, int] = {
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},  # ！ to ～
    **{ord(char): ord(ascii_char) for char, ascii_char in _CJK_FOLDS.items()},
}
# Invisible characters that stand between or inside words where text was pasted from elsewhere:
# zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_KEY_FOLDS: dict[int, int | None] = {**_FOLDS, **dict.fromkeys(map(ord, INVISIBLE_CHARS))}
_FOLDABLE = re.compile(f"[{re.escape(''.join(map(chr, _FOLDS)))}]")
_KEY_FOLDABLE = re.compile(f"[{re.escape(''.join(map(chr, _KEY_FOLDS)))}]")


def folds(text: str) -> bool:
    """Whether :func:`fold` or :func:`fold_key` changes anything in ``text``."""
    return not text.isascii() and _KEY_FOLDABLE.search(text) is not None


def fold(text: str) -> str:
    """``text`` with full-width ASCII, the ideographic space, CJK punctuation and curly quotes as
    ASCII (``ＰＦＳ（６０ Ｇｙ）、`` → ``PFS(60 Gy),``), of the same length, offset for offset."""
    return text.translate(_FOLDS) if not text.isascii() and _FOLDABLE.search(text) else text


def fold_key(word: str) -> str:
    """A word as a look-up key: folded (see :func:`fold`) and without the invisible characters of
    :data:`INVISIBLE_CHARS` (``carbo\\u00adplatin`` is ``carboplatin``); not offset-preserving."""
    return word if word.isascii() else word.translate(_KEY_FOLDS)
