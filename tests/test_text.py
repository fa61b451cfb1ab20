"""Text primitives: lines and the three readings of ``~``, trimming, number words."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trialspacy.text import (
    NUMBER_WORDS,
    alternation,
    line_around,
    line_spans,
    number_word_pattern,
    trim,
    word_number,
)


def texts_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


# --- Lines -------------------------------------------------------------------------------------


def test_line_spans_keep_offsets_and_count_crlf_once():
    text = "a\r\nb~c\rd\n"
    assert line_spans(text) == [(0, 1), (3, 6), (7, 8), (9, 9)]
    assert texts_of(text, line_spans(text)) == ["a", "b~c", "d", ""]
    assert texts_of(text, line_spans(text, tilde="break")) == ["a", "b", "c", "d", ""]


def test_line_spans_of_part_of_a_text_keep_its_offsets():
    text = "Eligibility\nInclusion Criteria:~Aged 18 years;~ECOG 0 ~ 1;~Histologically confirmed R/M NPC"
    start = text.index("Inclusion")
    spans = line_spans(text, start, len(text), tilde="break")
    assert spans[0][0] == start
    assert texts_of(text, spans) == [
        "Inclusion Criteria:",
        "Aged 18 years;",
        "ECOG 0 ",
        " 1;",
        "Histologically confirmed R/M NPC",
    ]


# Real registry phrases (AACT criteria, API v2 descriptions), and what each rule makes of their "~".
TILDE_PHRASES = [
    (
        "Inclusion Criteria:~Be  18 years of age;~Has prior liver transplantation;~",
        ["Inclusion Criteria:", "Be  18 years of age;", "Has prior liver transplantation;", ""],
        ["Inclusion Criteria:", "Be  18 years of age;", "Has prior liver transplantation;", ""],
    ),
    (
        "performed);~Aged 18~75 years (inclusive);~Histologically or cytologically confirmed",
        ["performed);", "Aged 18", "75 years (inclusive);", "Histologically or cytologically confirmed"],
        ["performed);", "Aged 18~75 years (inclusive);", "Histologically or cytologically confirmed"],
    ),
    (
        "Inclusion Criteria:~Aged 18 years;~ECOG 0 ~ 1;~Histologically/cytologically confirmed R/M NPC",
        ["Inclusion Criteria:", "Aged 18 years;", "ECOG 0 ", " 1;", "Histologically/cytologically confirmed R/M NPC"],
        ["Inclusion Criteria:", "Aged 18 years;", "ECOG 0 ~ 1;", "Histologically/cytologically confirmed R/M NPC"],
    ),
    (
        "at the study entry~ECOG : 0 ~ 2 ;~Before the patients were enrolled",
        ["at the study entry", "ECOG : 0 ", " 2 ;", "Before the patients were enrolled"],
        ["at the study entry", "ECOG : 0 ~ 2 ;", "Before the patients were enrolled"],
    ),
    (
        "* 6. According to NYHA standard, grade Ⅲ ~ Ⅳ heart failure",
        ["* 6. According to NYHA standard, grade Ⅲ ", " Ⅳ heart failure"],
        ["* 6. According to NYHA standard, grade Ⅲ ~ Ⅳ heart failure"],
    ),
    (
        "stool occult blood (++ ~ +++); Those who have a history of melena",
        ["stool occult blood (++ ", " +++); Those who have a history of melena"],
        ["stool occult blood (++ ~ +++); Those who have a history of melena"],
    ),
    (
        "Subjects will be enrolled into the RP2D cohort until ~30 patients have been treated",
        ["Subjects will be enrolled into the RP2D cohort until ", "30 patients have been treated"],
        ["Subjects will be enrolled into the RP2D cohort until ~30 patients have been treated"],
    ),
    (
        "ECOG performance status of 0~1;~Life expectancy 3 months;~",
        ["ECOG performance status of 0", "1;", "Life expectancy 3 months;", ""],
        ["ECOG performance status of 0~1;", "Life expectancy 3 months;", ""],
    ),
]


@pytest.mark.parametrize(("text", "every_tilde", "outside_ranges"), TILDE_PHRASES)
def test_line_spans_read_tilde_by_rule(text, every_tilde, outside_ranges):
    assert texts_of(text, line_spans(text)) == [text]
    assert texts_of(text, line_spans(text, tilde="break")) == every_tilde
    assert texts_of(text, line_spans(text, tilde="break_unless_range")) == outside_ranges


@pytest.mark.parametrize("rule", ["text", "break", "break_unless_range"])
@pytest.mark.parametrize(("text", "_every", "_outside"), TILDE_PHRASES)
def test_line_around_is_the_line_that_holds_the_span(text, _every, _outside, rule):
    spans = line_spans(text, tilde=rule)
    for line in spans:
        for start in range(line[0], line[1]):
            assert line_around(text, start, min(start + 3, line[1]), tilde=rule) == line


def test_line_around_finds_the_criterion_of_a_mention():
    text = "Inclusion Criteria:~Aged 18 years;~ECOG 0 ~ 1;~No prior dose-limiting toxicity"
    start = text.index("dose-limiting")
    line = line_around(text, start, start + len("dose-limiting toxicity"), tilde="break")
    assert text[line[0] : line[1]] == "No prior dose-limiting toxicity"
    one = text.index(" 1;")
    assert text[slice(*line_around(text, one + 1, one + 2, tilde="break"))] == " 1;"
    assert text[slice(*line_around(text, one + 1, one + 2, tilde="break_unless_range"))] == "ECOG 0 ~ 1;"


LINE_PIECES = st.sampled_from(
    ["Inclusion Criteria:", "Aged 18", "75 years", " ", "", "0", "1;", "ECOG 0 ", " 1", "++ ", " +++", "\\"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(LINE_PIECES, max_size=10),
    st.lists(st.sampled_from(["\n", "\r\n", "\r", "~"]), min_size=10, max_size=10),
    st.sampled_from(["text", "break", "break_unless_range"]),
)
def test_line_spans_tile_the_text_and_agree_with_line_around(pieces, breaks, rule):
    text = "".join(piece + brk for piece, brk in zip(pieces, breaks))
    spans = line_spans(text, tilde=rule)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert re.fullmatch(r"\r\n|[\r\n~]", text[end:start])
    for span in spans:
        assert "\n" not in text[span[0] : span[1]] and "\r" not in text[span[0] : span[1]]
        if span[0] < span[1]:
            assert line_around(text, span[0], span[1], tilde=rule) == span


# --- Trimming ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Drug: Letrozole  ", "Drug: Letrozole"),
        ("\tInclusion Criteria:\r\n", "Inclusion Criteria:"),
        ("Objective response rate, 2 years", "Objective response rate, 2 years"),
        ("\u00a0ECOG 0~1\u2009", "ECOG 0~1"),
    ],
)
def test_trim_drops_white_space_at_both_ends(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_trim_of_white_space_is_empty_at_its_end():
    text = "Title\n   \nSummary"
    assert trim(text, 6, 9) == (9, 9)
    assert trim(text, 3, 3) == (3, 3)


# --- Regular-expression alternations -----------------------------------------------------------


def test_alternation_tries_longer_words_first():
    pattern = re.compile(alternation(["seven", "seventeen", "six", "sixty"]))
    assert pattern.match("seventeen days").group() == "seventeen"
    assert pattern.match("sixty days").group() == "sixty"
    assert alternation({"DRUG", "Dietary Supplement"}).startswith("Dietary Supplement|")


# --- Number words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("seventeen", 17),
        ("Thirty Nine", 39),  # "Elective Induction of Labour at Thirty Nine Weeks"
        ("twenty seven", 27),  # "Group (I): twenty seven patients had received implant"
        ("twenty-seven", 27),
        ("fifty-five", 55),  # "in subjects older than fifty-five"
        ("twenty\u2013one", 21),
        ("twenty\u00a0four", 24),
        ("zero", 0),  # "at thirty nine weeks and zero days"
        ("five", 5),
        ("ninety", 90),
        ("ninety-nine", 99),
        (" six ", 6),
        ("a dozen", None),
        ("five twenty", None),
        ("twenty-ten", None),
        ("twenty-zero", None),
        ("hundred", None),
        ("", None),
    ],
)
def test_word_number_reads_number_words(words, value):
    assert word_number(words) == value


def spelled(n: int) -> str:
    tens = {v: w for w, v in NUMBER_WORDS.items() if v >= 20}
    ones = {v: w for w, v in NUMBER_WORDS.items() if v < 20}
    return ones[n] if n < 20 else tens[n - n % 10] + (f"-{ones[n % 10]}" if n % 10 else "")


def test_number_word_pattern_matches_every_number_to_ninety_nine():
    from_one = re.compile(number_word_pattern("[- ]"))
    from_zero = re.compile(number_word_pattern("[- ]", zero=True))
    for n in range(1, 100):
        word = spelled(n)
        assert from_one.fullmatch(word) and from_zero.fullmatch(word), word
        assert from_one.fullmatch(word.replace("-", " ")), word
        assert word_number(word) == n
    assert from_zero.fullmatch("zero") and not from_one.fullmatch("zero")
    assert not from_one.fullmatch("twenty-zero")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("hospital/department within the previous twenty-one days", "twenty-one"),
        ("Twenty to twenty-two percent of patients displayed", "Twenty"),
        ("a boost of 10 Gy in five fractions", "five"),
        ("at thirty nine weeks and zero days", "thirty nine"),
    ],
)
def test_number_word_pattern_finds_the_longest_number_word(text, found):
    pattern = re.compile(rf"(?<![a-z])(?:{number_word_pattern('[- ]')})(?![a-z])", re.IGNORECASE)
    assert pattern.search(text).group() == found
