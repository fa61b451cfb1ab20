"""trialspacy's tokenizer guard: words with too many affixes for spaCy's prefix and suffix loop are
tokenized by a linear fallback, the rest exactly as spaCy does, and the doc keeps the text."""

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
import spacy
from conftest import REPO
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from trialspacy.tokenizer import AFFIX_WINDOW, MAX_AFFIXES, MAX_WORD, TrialTokenizer, blank, split_final_initials

PARENTHESES = "(" * 20000 + "docetaxel" + ")" * 20000
GOLD_TEXTS = [
    json.loads(line)["text"]
    for name in ("dev", "test")
    for line in (REPO / "annotations" / "gold" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
]


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return blank()


def tokens(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.whitespace_, t.norm_) for t in doc]


def spacy_tokens(nlp: spacy.Language, text: str) -> list[tuple[str, str, str]]:
    """The tokens of spaCy's own loop, without the guard."""
    return tokens(Tokenizer.__call__(nlp.tokenizer, text))


class SearchedCharacters:
    """Wraps a prefix or suffix search to count the characters it is given: spaCy's loop searches
    the rest of the word after each affix, which is what makes long affix runs quadratic."""

    def __init__(self, search: Callable[[str], Any]) -> None:
        self.search = search
        self.count = 0

    def __call__(self, text: str) -> Any:
        self.count += len(text)
        return self.search(text)


def searched_characters(text: str) -> int:
    tokenizer = blank().tokenizer
    prefix, suffix = SearchedCharacters(tokenizer.prefix_search), SearchedCharacters(tokenizer.suffix_search)
    # (setting them recompiles the special cases, which searches too)
    tokenizer.prefix_search, tokenizer.suffix_search = prefix, suffix
    prefix.count = suffix.count = 0
    tokenizer(text)
    return prefix.count + suffix.count


def test_a_deep_parenthesis_run_keeps_its_text_and_its_word(nlp) -> None:
    doc = nlp(PARENTHESES)
    assert doc.text == PARENTHESES
    assert [t.text for t in doc[19999:20002]] == ["(", "docetaxel", ")"]
    assert len(doc) == 40001


@pytest.mark.parametrize("unit", ["(", ".)", "%", "'s", "US$", "<"])
def test_affix_runs_cost_linear_work(unit: str) -> None:
    # spaCy's loop searches ~n²/2 characters for n affixes: 4 times more for twice the run.
    short, long = searched_characters(unit * 2000), searched_characters(unit * 4000)
    assert long <= 2.2 * short
    assert long < (MAX_AFFIXES + 1) * AFFIX_WINDOW * 2


def test_normal_words_take_spacy_s_path(nlp) -> None:
    tokenizer = nlp.tokenizer
    for text in GOLD_TEXTS:
        assert not any(tokenizer.too_many_affixes(m.group()) for m in re.finditer(r"\S+", text))
    assert tokens(nlp(GOLD_TEXTS[0])) == spacy_tokens(nlp, GOLD_TEXTS[0])


@pytest.mark.parametrize(
    "before,after",
    [
        ("No prior docetaxel. ", " and  cisplatin (PFS).\n"),
        ("a  \n", "  b"),
        ("", ""),
        ("x\n\n", "\t y"),
        ("Don't ", " won't"),
    ],
)
def test_words_around_a_hostile_word_are_tokenized_as_spacy_does(nlp, before: str, after: str) -> None:
    hostile = "((" * 40 + "US$" * 30
    doc = nlp(before + hostile + after)
    assert doc.text == before + hostile + after
    # spaCy on the same text with a plain word in place of the hostile one
    plain = spacy_tokens(nlp, before + "WORD" + after)
    word = [t[0] for t in plain].index("WORD")
    fallback = len(doc) - (len(plain) - 1)
    assert tokens(doc)[:word] == plain[:word]
    assert tokens(doc)[word + fallback :] == plain[word + 1 :]
    assert doc[word + fallback - 1].whitespace_ == plain[word][1]


def plain_tokenizer(tokenizer: Tokenizer) -> Tokenizer:
    """spaCy's own tokenizer with the same rules, without what trialspacy's adds to it."""
    return Tokenizer(
        tokenizer.vocab,
        rules=tokenizer.rules,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )


def test_remembered_affixes_give_spacy_s_tokens(seed_texts) -> None:
    tokenizer = blank().tokenizer
    plain = plain_tokenizer(tokenizer)
    for text in [*GOLD_TEXTS, *seed_texts.values()] * 2:  # (the second time from what was remembered)
        expected = split_final_initials(plain(text), text)
        assert [(t.idx, t.text) for t in tokenizer(text)] == [(t.idx, t.text) for t in expected]
    assert tokenizer.find_suffix("weeks).") == plain.find_suffix("weeks).") == 1
    matches = tokenizer.find_infix("50Gy/25fx")
    assert [m.span() for m in matches] == [m.span() for m in plain.find_infix("50Gy/25fx")]
    matches.clear()  # the caller's own list
    assert len(tokenizer.find_infix("50Gy/25fx")) == len(plain.find_infix("50Gy/25fx")) > 0


def test_remembered_affixes_follow_new_rules() -> None:
    tokenizer = blank().tokenizer
    assert [t.text for t in tokenizer("x-ray/CT 3months")] == ["x", "-", "ray", "/", "CT", "3", "months"]
    tokenizer.suffix_search = re.compile(r"s$").search
    tokenizer.infix_finditer = None
    assert tokenizer.find_infix("x-ray/CT") == 0
    assert [t.text for t in tokenizer("x-ray/CT 3months")] == ["x-ray/CT", "3month", "s"]


def test_a_word_longer_than_the_limit_is_guarded(nlp) -> None:
    word = "a" * (MAX_WORD + 1)
    assert nlp.tokenizer.too_many_affixes(word)
    assert not nlp.tokenizer.too_many_affixes("a" * MAX_WORD)
    assert nlp(word + " b").text == word + " b"


def test_the_guard_survives_serialization_and_serves_make_doc_and_pipe(nlp, tmp_path) -> None:
    nlp.to_disk(tmp_path / "blank")
    nlp.tokenizer.to_disk(tmp_path / "tokenizer")
    from_tokenizer_disk, from_tokenizer_bytes = blank(), blank()
    from_tokenizer_disk.tokenizer.from_disk(tmp_path / "tokenizer")
    from_tokenizer_bytes.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    restored = [
        spacy.load(tmp_path / "blank"),
        blank().from_bytes(nlp.to_bytes()),
        from_tokenizer_disk,
        from_tokenizer_bytes,
    ]
    for other in restored:
        assert isinstance(other.tokenizer, TrialTokenizer)
        assert other.make_doc(PARENTHESES).text == PARENTHESES
        docs = list(other.pipe(["no docetaxel", PARENTHESES, "(" * 3000]))
        assert [len(d) for d in docs] == [2, 40001, 3000]


@pytest.mark.parametrize(
    "text, expected",
    [
        # API v2 NCT02369484: an outcome item of the seed layout that ends in a bracket
        (
            "death (max 36 months)|Objective Response",
            ["death", "(", "max", "36", "months", ")", "|", "Objective", "Response"],
        ),
        # API v2 NCT05693090: ... and in a bracket before the item's full stop
        ("cycle is 28 days).|For", ["cycle", "is", "28", "days", ")", ".", "|", "For"]),
        # legacy XML NCT00000375: an intervention's abbreviation before the next intervention
        ("therapy (ECT)|DRUG: Continuation", ["therapy", "(", "ECT", ")", "|", "DRUG", ":", "Continuation"]),
    ],
)
def test_a_bracket_that_ends_an_item_is_its_own_token(nlp, text: str, expected: list[str]) -> None:
    assert [t.text for t in nlp(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # API v2 NCT05197881, AACT: a footnote asterisk before the item separator
        ("receive weekly cisplatin*~Patients", ["receive", "weekly", "cisplatin", "*", "~", "Patients"]),
        ("active infection**|Known", ["active", "infection", "**", "|", "Known"]),
        # legacy results NCT00918281 and legacy XML: an isotope label glued to the agent it labels
        ("the first [18F]AH111585 PET", ["the", "first", "[", "18", "F", "]", "AH111585", "PET"]),
        ("[I-123]IBZM SPECT", ["[", "I-123", "]", "IBZM", "SPECT"]),
        ("[11C]choline", ["[", "11C", "]", "choline"]),
        ("[99mTc]Tc-MAA", ["[", "99mTc", "]", "Tc", "-", "MAA"]),
        # the brackets of a chemical name stay where they were
        ("benzo[1,3]dioxol-5-yl", ["benzo[1", ",", "3]dioxol-5", "-", "yl"]),
        # dev3 NCT03374995: a plus sign after a dose's unit ("42 Gy or more")
        ("(radiation protocol of 42 Gy+)", ["(", "radiation", "protocol", "of", "42", "Gy", "+", ")"]),
    ],
)
def test_a_marker_or_label_glued_to_a_name_is_its_own_token(nlp, text: str, expected: list[str]) -> None:
    assert [t.text for t in nlp(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # gold dev NCT01463007: follow-up visits listed with commas and no spaces
        ("at 2,6 weeks", ["at", "2", ",", "6", "weeks"]),
        ("at 4,6,12,18,24 months", ["at", "4", ",", "6", ",", "12", ",", "18", ",", "24", "months"]),
        # a decimal comma is split too: the dose grammar reads the text, not the tokens
        ("bilirubin 1,5 ULN", ["bilirubin", "1", ",", "5", "ULN"]),
        # thousands groups stay one number
        ("platelets 100,000/mcL", ["platelets", "100,000", "/", "mcL"]),
        ("ANC 1,500 cells", ["ANC", "1,500", "cells"]),
        ("1,500,000 units", ["1,500,000", "units"]),
        # a list that began with shorter numbers goes on past three digits (outcome time frames)
        (
            "at 72,96,120,144,168 hours",
            ["at", "72", ",", "96", ",", "120", ",", "144", ",", "168", "hours"],
        ),
        ("at 4,8,120 hours", ["at", "4", ",", "8", ",", "120", "hours"]),
        # a word and a number joined by a comma (API v2 and legacy XML time frames)
        ("24 weeks,52 weeks", ["24", "weeks", ",", "52", "weeks"]),
        ("Baseline,4 hours", ["Baseline", ",", "4", "hours"]),
        # legacy XML NCT00000872, NCT00002496: short names of a regimen's agents joined by slashes
        ("ZDV/3TC/NVP", ["ZDV", "/", "3TC", "/", "NVP"]),
        ("(CDDP/5-FU)", ["(", "CDDP", "/", "5", "-", "FU", ")"]),
        # a rate's denominator stays as it was (NCT00002872, NCT00494897)
        ("250 mL/24 hours", ["250", "mL/24", "hours"]),
        ("IV/24 hours", ["IV/24", "hours"]),
        # NLI4CT NCT01855828: a name in lower case before a code with its hyphen; not a rate
        ("trastuzumab/5-fluorouracil, epirubicin", ["trastuzumab", "/", "5", "-", "fluorouracil", ",", "epirubicin"]),
        ("10 mg/5-day", ["10", "mg/5", "-", "day"]),
        # NLI4CT NCT01196052, legacy NCT00003875 and NCT00461084: a slash or hyphen after a closing bracket
        ("(FU)/epirubicin/ cyclophosphamide", ["(", "FU", ")", "/", "epirubicin", "/", "cyclophosphamide"]),
        ("Bu (busulfan)/VP-16 (etoposide)", ["Bu", "(", "busulfan", ")", "/", "VP-16", "(", "etoposide", ")"]),
        (
            "a biaxin (clarithromycin)-based antibiotic",
            ["a", "biaxin", "(", "clarithromycin", ")", "-", "based", "antibiotic"],
        ),
    ],
)
def test_a_comma_or_slash_between_listed_items_is_its_own_token(nlp, text: str, expected: list[str]) -> None:
    assert [t.text for t in nlp(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # legacy XML NCT00002126, NCT00000773: a name that ends in a letter ends the item or the text
        ("sulfamethoxazole, interferon, and amphotericin B.\r\n", ["amphotericin", "B", ".", "\r\n"]),
        ("-  Amphotericin B.", ["Amphotericin", "B", "."]),
        # ... or a sentence (legacy XML NCT00000429, NCT00000391)
        ("400 IU vitamin D. We do", ["vitamin", "D", ".", "We", "do"]),
        ("dose of peptide T. The test", ["peptide", "T", ".", "The", "test"]),
        ("alfa vitamin D. 3 patients", ["vitamin", "D", ".", "3", "patients"]),
        # legacy XML NCT00000761, NCT00000953: a name ending in a capital after a small letter
        ("Antiretroviral therapy other than AZT or ddI.", ["AZT", "or", "ddI", "."]),
        ("other than zidovudine, ddI, and ddC.\r\n", ["and", "ddC", ".", "\r\n"]),
        ("creatinine > 1.5 mg/dL.", ["mg", "/", "dL", "."]),
    ],
)
def test_a_letter_that_ends_a_sentence_after_a_name_is_split_from_its_stop(nlp, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [t.text for t in doc][-len(expected) :] == expected
    assert [text[t.idx : t.idx + len(t)] for t in doc] == [t.text for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        # initials: a species, a name, after a function word, a list's letters
        "E. coli or H. pylori infection",
        "Infection with E. Coli derived proteins",
        "John F. Kennedy Center",
        "Strategies by R. Gray. It is",
        "criteria:\n  A. Patients\n  B. Age",
        "patients must be\n  B. Age over 18",
    ],
)
def test_initials_keep_their_stop(nlp, text: str) -> None:
    assert [t.text for t in nlp(text)] == [t.text for t in spacy.blank("en")(text)]
