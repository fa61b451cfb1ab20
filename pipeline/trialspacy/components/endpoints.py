"""ENDPOINT: named clinical-trial endpoints (ORR, progression-free survival, AEs, DLT, ...).

One pass of a :class:`~trialspacy.lexicon.TermIndex` over the tokens finds lexicon names (long forms
case-insensitive, abbreviations case-sensitive); small checks then attach qualifiers that change the
endpoint (``intracranial PFS``) and CTCAE grades (``grade 3 or above AE``), resolve abbreviations the
record defines (``intracranial progression-free survival (iPFS)``), and drop mentions the contract
excludes: stopping rules (``until a dose-limiting toxicity occurs``) and a patient's history in the
eligibility criteria (``prior immune-related adverse events``).

The lexicon is ``data/endpoints.jsonl`` (how it was made: ``data/ENDPOINTS.md``). Its rows are
endpoints (``canonical``, ``abbreviation``, ``family``, ``variants``, ``weak_variants``,
``category_variants``, ``short_forms``, ``needs_grade``), qualifiers (of efficacy endpoints, and times
of toxicities), templates that write a qualifier inside a name (``time to {q} recurrence``: ``time to
local recurrence``), registry misspellings, and blocked phrases that contain an endpoint name without
being one (``Common Terminology Criteria for Adverse Events``).
"""

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import srsly
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList, from_bytes, from_disk, to_bytes, to_disk

from ..lexicon import TermIndex, folded_text, package_data, read_jsonl, tokenize_terms, write_jsonl
from ..spans import ENDPOINT, SPAN_KEY, Candidate, sections_at, set_label_spans
from ..terms import check_terms, read_terms, term_key

# The lexicon's key in the component's serialized state (``exclude=["endpoints"]``) and file.
DATA_KEY = "endpoints"
DATA_FILE = f"{DATA_KEY}.jsonl"
# The user's terms (see trialspacy.terms): their key and file, likewise.
TERMS_KEY = "endpoint_terms"
TERMS_FILE = f"{TERMS_KEY}.jsonl"

Row = dict[str, Any]
EFFICACY = "efficacy"
SAFETY = "safety"
Tokens = tuple[str, ...]
Tokenize = Callable[[Iterable[str]], list[list[str]]]

# Plural of a variant's last word, so each plural need not be written in the data.
PLURALS: dict[str, str] = {
    "rate": "rates",
    "event": "events",
    "toxicity": "toxicities",
    "reaction": "reactions",
    "death": "deaths",
    "recurrence": "recurrences",
    "relapse": "relapses",
    "dose": "doses",
    "interval": "intervals",
}
RATE_WORDS: tuple[str, ...] = ("rate", "Rate", "rates", "Rates")
# Writing hyphens both ways doubles the variants per word gap; past this many gaps only the
# written form and the form without hyphens are kept.
MAX_HYPHEN_GAPS = 5

ELIGIBILITY_SECTIONS = frozenset({"eligibility", "inclusion", "exclusion"})
# Words in a criterion that make an endpoint name describe what the patient had or has (an event,
# an allergy, a risk), not an outcome measure: regex alternatives, each with its reason, in
# data/endpoint_history_cues.jsonl.
HISTORY_CUES_FILE = "endpoint_history_cues.jsonl"
# The same cues right before a mention, anywhere in the text ("patients with prior irAEs").
HISTORY_BEFORE = re.compile(r"\b(?:history\s+of|prior|previous(?:ly)?)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
# "until a dose-limiting toxicity occurs", "unless DLT": a stopping rule, not an outcome measure;
# but "until the date of PFS event" names the endpoint whose event ends a time frame.
STOP_RULE = re.compile(r"\b(?:until|unless)\b(?![^(]*\b(?:date|time|event)\b)[^(]*$", re.IGNORECASE)
# "In the absence of DLT in the first 3 patients, subsequent cohorts receive", "Barring serious
# adverse events, 4 patients are enrolled": the PDQ outlines of the 1999-2007 records state their
# escalation and stopping rules so (about 40 mentions in the 5,789 legacy records probed). Such a
# rule does not reach past a bracket ("death (by any cause in the absence of recurrence)., DFS").
ABSENCE_RULE = re.compile(r"\b(?:in\s+the\s+absence\s+of|barring)\b[^().;]*$", re.IGNORECASE)
STOP_WINDOW = 60
# "unacceptable adverse events", "intolerable DLT": the event as a reason to stop (the contract's
# "unacceptable toxicity").
STOP_ADJECTIVE_BEFORE = re.compile(r"\b(?:unacceptable|intolerable)\s+$", re.IGNORECASE)
# "If DLT occurs in 2 of 6 patients", "If no dose limiting toxicities are seen", "the dose at which
# dose-limiting toxicity is observed in at least 2 of 6 patients": an event in a dose-escalation rule
# (41 mentions in the legacy records probed). The conditional or relative word is needed: "A 46
# percent response rate was observed" reports the endpoint.
EVENT_IF_BEFORE = re.compile(r"\b(?:if|once|when(?:ever)?|where|which)\s+(?:[^\s,;.]+\s+){0,6}$", re.IGNORECASE)
EVENT_AFTER = re.compile(
    r"\s*(?:\([^()\s]{1,12}\)\s*)?(?:occurs?|occurred|(?:is|are|was|were)\s+(?:observed|seen|reached))\b",
    re.IGNORECASE,
)
# "the dose at which 2 of 6 patients experience dose-limiting toxicity", "if 1 of 3 participants in a
# dose group has DLT", "If 1 of 3 patients treated at a given dose level experiences a DLT", "if they
# do not develop grade 3 or 4 toxicity", "will not be considered a DLT", "(qualifying as a DLT)": an
# event of a patient in a dose-escalation rule, or an event classified as one, not an outcome measure
# (but "Four patients had grade 3 toxicity" reports the endpoint).
EVENT_BEFORE = re.compile(
    r"\b(?:(?:patients?|patient\(s\)|participants?|subjects?|pts|none|they)"
    r"(?:\s+(?:in|at|of)\s+(?:\S+\s+){0,3}?(?:group|cohort|level|arm)s?\s+(?:has|have|had)|"
    r"(?:\s+(?:treated|enrolled|in|at|of|on)\b(?:\s+\S+){0,5}?)?\s+(?:do(?:es)?\s+not\s+)?"
    r"(?:experiences?|develops?|developed))\s+(?:an?\s+|any\s+|at\s+least\s+)?"
    r"|\b(?:considered|qualif(?:y|ies|ying)\s+as|counted\s+as|regarded\s+as)\s+(?:(?:as|for)\s+)?(?:an?\s+)?)$",
    re.IGNORECASE,
)
EVENT_WINDOW = 60
# "Patients with severe adverse reactions (SAE) will stop treatment", "Patients experiencing
# dose-limiting toxicity due to thiotepa are removed from the study", "Patients with grade 3
# toxicity receive a 25% reduction in dose": a rule for the treatment of the patients who have the
# event (the contract's "reason to stop treatment"), not an outcome measure; but "Number of
# Patients With Adverse Events Leading to Discontinuation" names the measure (no verb follows).
PATIENT_EVENT_BEFORE = re.compile(
    r"\b(?:patients?|participants?|subjects?)\s+(?:with|experiencing|who\s+(?:have|has|had|experiences?|"
    r"experienced|develops?|developed))\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
TREATMENT_RULE_AFTER = re.compile(
    r"[^.;\n|]{0,60}?\b(?:(?:will|should|must|shall|may|are|is|to)\s+(?:be\s+)?(?:stop|stopped|discontinue|"
    r"discontinued|withdraw|withdrawn|removed|taken\s+off|reduced|interrupted|suspended)|receives?\s+an?\s+"
    r"(?:\S+\s+){0,2}(?:dose\s+)?reduction)\b",
    re.IGNORECASE,
)
# "Additional patients are treated at the MTD", "one dose level below the maximum tolerated dose",
# "at 1 dose level preceding the MTD as determined by the ongoing Protocol NYU-9123",
# "continue at the recommended Phase 2 dose", "switch to RP2D": a dose endpoint (MTD, RP2D) named as
# the dose given, not as the measure ("Determine the MTD", "The MTD is defined as ..."). The PDQ
# outlines of the 1999-2007 records write "at the MTD" 138 times in 6,786 records.
DOSE_LEVEL_BEFORE = re.compile(
    r"\b(?:at|below|above|beyond|preceding|exceed(?:s|ing)?|than|up\s+to|switch(?:es|ed)?\s+to|receiv(?:e|es|ed|ing))\s+"
    r"(?:(?:the|a|an|that|this|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "added to the MTD cohort" (but "Determine the maximum tolerated dose level" names the measure).
DOSE_LEVEL_AFTER = re.compile(r"\s*(?:\(\w+\)\s*)?cohorts?\b", re.IGNORECASE)
DOSE_LEVEL_WINDOW = 40
# "evaluated by RTOG long-term toxicity evaluation criteria", "graded by the RTOG acute toxicity
# scale": the name of a grading system, not an outcome measure.
INSTRUMENT_AFTER = re.compile(
    r"\s+(?:(?:evaluation|scoring|grading|assessment|morbidity)\s+)?(?:criteria|scales?|schemas?|schemes?)\b",
    re.IGNORECASE,
)
# "Patients are stratified according to age (50 and under vs over 50), time to achieve complete
# remission (CR) (4 weeks or less vs more than 4 weeks)", "stratified according to disease free
# interval from primary diagnosis to first metastasis": a stratification factor is what the patients
# bring to the trial, not a measure (the PDQ outlines of the 1999-2007 records). The factors end
# where a verb of the trial's conduct follows them: "stratified by gender and history of symptomatic
# genital herpes, and prospectively follow them for 1 year to assess ... quality of life".
STRATIFIED_BEFORE = re.compile(r"\bstratified\s+(?:according\s+to|by|for|on|based\s+on)\b[^.;]*$", re.IGNORECASE)
STRATIFIED_WINDOW = 200
TRIAL_VERB = re.compile(
    r"\b(?:assess|determine|evaluate|compare|estimate|measure|describe|follow|randomi[sz]e|receive|treat|assign|"
    r"allocate|enrol|enroll)(?:s|d|ed)?\b",
    re.IGNORECASE,
)
# "rate(s) of" before a definition's long form: the short form abbreviates what is counted.
RATE_OF = re.compile(r"(?:rates?|proportions?|percentages?)\s+of\s+$", re.IGNORECASE)
# The preposition of an endpoint named as the time to, the rate of or the freedom from an event.
EVENT_HEAD = re.compile(r"\b(?:to|of|from)\b", re.IGNORECASE)
# A short form the record defines must look like an abbreviation: "iPFS", "DoR", not "CR+PR".
ABBREVIATION_SHAPE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z0-9-]{1,11}$")
# Words a definition's long form may have before its endpoint head ("Investigator assessed-PFS").
MAX_WORDS_BEFORE_HEAD = 3
# An aim right before a weak name makes it the trial's measure, as an outcome title does: the
# PDQ objectives of 1999-2007 records ("Determine the objective response ...", "as measured by an
# objective response to therapy", "in terms of tumor response"); a response category never follows one.
AIM_BEFORE = re.compile(
    r"\b(?:(?:determine|assess|evaluate|compare|estimate|measure|describe)[sd]?"
    r"|in\s+terms\s+of|(?:measured|determined|assessed|evaluated)\s+by|with\s+respect\s+to)"
    r"\s+(?:(?:the|an?)\s+)?$",
    re.IGNORECASE,
)
AIM_WINDOW = 40
# ... and so does the measure's method written after it: "Tumor response was assessed using
# RECIST", "Objective response was defined as a complete response (CR) or partial response (PR)",
# "Disease control will be determined using RECIST 1.1": the outcome descriptions of API v2,
# AACT and NLI4CT records define the measure so (about 40 such mentions in the records probed); a
# patient's response is not assessed by a method, and "evaluated as SD/PR/CR" (seed 000) gives its
# category, not a method.
METHOD_AFTER = re.compile(
    r"\s*(?:\([^()\s]{1,12}\)\s*)?(?:(?:will\s+be|was|were|is|are)\s+)?(?:defined\s+as|(?:evaluated|assessed|"
    r"measured|determined|defined)\s+(?:by|using|according\s+to|per|in\s+accordance\s+with))\b",
    re.IGNORECASE,
)
# A response category names the endpoint where an outcome measure's title counts it: the title
# itself ("Complete Remission"), or a count of patients with it ("Count of Patients Achieving a
# Complete Response", "Percentage of Participants With Complete Remission"); not in the measure's
# definition ("Number of patients showing Complete Response (CR)" after the title), and not listed
# with other categories ("... With Complete Response or Partial Response": objective responders).
COUNTED_BEFORE = re.compile(
    r"(?:^|\b(?:number|count|percentage|percent|proportion|rate|incidence)\s+of\s+(?:the\s+)?"
    r"(?:patients?|participants?|subjects?|people|persons|individuals|women|men)\s+(?:who\s+)?"
    r"(?:(?:achiev|attain|reach|obtain|experienc|show)\w*|with|having|had|has)\s+(?:an?\s+|the\s+)?)$",
    re.IGNORECASE,
)
# (After a comma only another category's name: "Complete Response, Complete response was assessed by
# the Cheson criteria" describes the measure.)
OTHER_CATEGORY_AFTER = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:(?:or|and|plus)\b|/|\+)\s*(?:an?\s+)?(?:partial|PR\b|stable|SD\b|very\s+good|"
    r"VGPR\b|CR[a-z]{1,2}\b|complete\b|minor|marginal|major|overall|objective|response)"
    r"|\s*(?:\([^()]{0,20}\)\s*)?,\s*(?:an?\s+)?(?:partial|PR\b|stable|SD\b|very\s+good|VGPR\b|CR[a-z]{1,2}\b)",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.;!?](?=\s)|[|\n~]")
CLAUSE_END = re.compile(r",\s|;\s|\.\s|\n")

_NUM = r"(?:[1-5]|IV|V|I{1,3})"
# The middle grades of a list, before its last: "grade 3, 4, or 5", "grade 3, 4 or 5".
_LIST = rf"(?:\s*,\s*{_NUM}\b)*\s*,?"
# A CTCAE grade written before a safety endpoint: "grade 3 or above", "grade ≥3", "≥ grade 3",
# "grade 3-4", "grade 3/4", "grade 3 or 4", "Grade 3 Through Grade 5", "G3-4", "Grade 3+".
GRADE_BEFORE = re.compile(
    rf"(?P<pre>(?:≥|>=|=>|>)\s*)?\b(?:grade|G(?=[1-5]))\s*(?P<cmp>≥|>=|=>|>)?\s*(?P<lo>{_NUM})"
    rf"(?:{_LIST}\s*(?:-|–|/|to|or|and|through)\s*(?:grade\s*)?(?P<hi>{_NUM})\b)?"
    r"(?P<up>\s*(?:or|and)\s+(?:above|higher|greater|more|worse|over)|\s*\+)?\s*$",
    re.IGNORECASE,
)
# The same grade written after the endpoint: "AEs>=grade 3", "adverse events grade 3 or higher",
# "AEs of grade ≥3"; and the "or higher" of a grade written before, after the endpoint:
# "grade 3 toxicity or higher".
GRADE_AFTER = re.compile(
    rf"\s*(?:of\s+)?(?P<pre>(?:≥|>=|=>|>)\s*)?\b(?:CTCAE\s+)?(?:grade|G(?=[1-5]))\s*(?P<cmp>≥|>=|=>|>)?\s*(?P<lo>{_NUM})"
    rf"(?:{_LIST}\s*(?:-|–|/|to|or|and|through)\s*(?:grade\s*)?(?P<hi>{_NUM})\b)?"
    r"(?P<up>\s*(?:or|and)\s+(?:above|higher|greater|more|worse|over)\b|\s*\+)?(?!\w)",
    re.IGNORECASE,
)
# A grade before the organs or systems a toxicity is named by, the toxicity written once after them:
# "Grade 3 or 4 skin/subcutaneous or pulmonary toxicity", "Grade 3 or 4 Skin/ Subcutaneous toxicity",
# "grade 2+ rectal toxicity" (one endpoint: the grade is of each). Words that name no organ end it,
# and so does a grading scale's severity ("Grade 1 Mild toxicity") or a patient's state ("grade 1
# residual toxicity").
_NOT_ORGAN = (
    r"(?:or|and|of|the|a|an|with|for|in|on|to|than|any|all|other|such|as|no|not|adverse|events?|toxicit\w*|"
    r"patients?|participants?|higher|above|greater|worse|more|less|grade|including|following|mild|moderate|"
    r"severe|life-threatening|disabling|death|fatal|residual|unresolved|persistent|prior|previous)"
)
_ORGAN_WORD = rf"(?!{_NOT_ORGAN}\b)[A-Za-z][A-Za-z-]*"
GRADE_BEFORE_ORGANS = re.compile(
    GRADE_BEFORE.pattern.removesuffix(r"\s*$")
    + rf"\s+(?P<organs>{_ORGAN_WORD}(?:(?:\s*/\s*|\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and|and/or)\s+|\s+){_ORGAN_WORD}){{0,3}})"
    + r"(?:\s*/\s*|\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and|and/or)\s+|\s+)$",
    re.IGNORECASE,
)
# A grade that opens an entry of a grading scale belongs to the severity after it, not to the name
# before it: "Grade 1 Mild AE Grade 2 Moderate AE Grade 3 Severe AE", "AE Grade 2 = Moderate".
SCALE_ENTRY_AFTER = re.compile(
    r"\s*(?:[=:–-]\s*)?(?:mild|moderate|severe|life[- ]threatening|disabling|death|fatal)\b", re.IGNORECASE
)
OR_HIGHER_AFTER = re.compile(r"\s*(?:or|and)\s+(?:above|higher|greater|worse)\b", re.IGNORECASE)
# The first word of a coordination whose head is written once: "acute" in "acute and late toxicity",
# "Early" in "Early and Intermediate Toxicity" (safety endpoints only: the annotations leave
# "overall" alone in "overall and disease-free survival").
ELIDED_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-Za-z]+)(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*/\s*)$")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


# ---------------------------------------------------------------------------------------------
# Pure functions: variants, grades, guards


def hyphen_forms(tokens: Sequence[str]) -> list[Tokens]:
    """Token sequences of a term written with and without a hyphen in each gap between two
    words: ``progression - free survival`` and ``progression free survival``."""
    words: list[str] = [t for t in tokens if t != "-"]
    hyphened = [False] * max(len(words) - 1, 0)
    i = 0
    for tok in tokens:
        if tok == "-":
            if 0 < i <= len(hyphened):
                hyphened[i - 1] = True
        else:
            i += 1
    gaps = [k for k in range(len(hyphened)) if words[k].isalnum() and words[k + 1].isalnum()]
    if len(gaps) > MAX_HYPHEN_GAPS:
        choices: Iterable[Sequence[bool]] = [
            [hyphened[k] for k in gaps],
            [False] * len(gaps),
        ]
    else:
        choices = itertools.product((False, True), repeat=len(gaps))
    forms = []
    for choice in choices:
        flags = list(hyphened)
        for k, flag in zip(gaps, choice):
            flags[k] = flag
        out: list[str] = []
        for k, word in enumerate(words):
            out.append(word)
            if k < len(flags) and flags[k]:
                out.append("-")
        forms.append(tuple(out))
    return list(dict.fromkeys(forms))


def misspelt_forms(tokens: Tokens, misspellings: dict[str, list[str]]) -> list[Tokens]:
    """The term as the registry sometimes misspells it: each known misspelling of its words, alone
    or with misspellings of its other words ("progession free survivial")."""
    choices = [(tok, *misspellings.get(tok.lower(), ())) for tok in tokens]
    return [form for form in itertools.product(*choices) if form != tokens]


def _plural(word: str) -> str | None:
    plural = PLURALS.get(word.lower())
    if plural is None:
        return None
    return plural.capitalize() if word[:1].isupper() else plural


def plural_form(tokens: Tokens) -> Tokens | None:
    """The term with its head in the plural, when that word has a known plural: the last word, or
    the first before ``of`` ("Determine the rates of complete remission")."""
    if len(tokens) > 2 and tokens[1].lower() == "of":
        head = _plural(tokens[0])
        return None if head is None else (head,) + tokens[1:]
    last = _plural(tokens[-1])
    return None if last is None else tokens[:-1] + (last,)


def grade_label(match: "re.Match[str]") -> str:
    """The grade of a :data:`GRADE_BEFORE` match: ``"3"``, ``"≥3"`` or ``"3-4"``."""

    def arabic(value: str) -> str:
        return _ROMAN.get(value.upper(), value)

    low = arabic(match.group("lo"))
    if match.group("pre") or match.group("cmp") or match.group("up"):
        return f"≥{low}"
    if match.group("hi"):
        return f"{low}-{arabic(match.group('hi'))}"
    return low


def grade_before(text: str, end: int) -> tuple[int, str] | None:
    """Start offset and grade label of a CTCAE grade written just before ``end`` on its line."""
    line_start = max(text.rfind("\n", 0, end), text.rfind("|", 0, end)) + 1
    window_start = max(line_start, end - 40)
    match = GRADE_BEFORE.search(text, window_start, end)
    if match is None:
        return None
    return match.start(), grade_label(match)


def grade_before_organs(text: str, end: int) -> tuple[int, str, str] | None:
    """Start offset, grade label and organ words (lower case, ``/`` closed up) of a CTCAE grade
    written before the organs a toxicity that starts at ``end`` is named by, on its line."""
    line_start = max(text.rfind("\n", 0, end), text.rfind("|", 0, end)) + 1
    match = GRADE_BEFORE_ORGANS.search(text, max(line_start, end - 90), end)
    if match is None:
        return None
    between = text[match.end("organs") : end]
    organs = re.sub(r"\s*/\s*", "/", " ".join((match.group("organs") + between).split())).lower()
    return match.start(), grade_label(match), organs


def grade_after(text: str, end: int, graded_before: str | None) -> tuple[int, str] | None:
    """End offset and grade label of a CTCAE grade written just after ``end`` (an endpoint's end):
    a whole grade when none was written before it (``graded_before`` None), else only the
    ``or higher`` that makes that grade a lower bound."""
    if graded_before is None:
        match = GRADE_AFTER.match(text, end)
        if match is None or SCALE_ENTRY_AFTER.match(text, match.end()):
            return None
        return match.end(), grade_label(match)
    match = OR_HIGHER_AFTER.match(text, end)
    if match is None or not graded_before[0].isdigit():
        return None
    return match.end(), f"≥{graded_before.split('-')[0]}"


def is_stop_rule(text: str, start: int) -> bool:
    """True when the mention at ``start`` follows ``until``/``unless``/``in the absence of``/
    ``barring`` in its sentence."""
    window_start = max(0, start - STOP_WINDOW)
    for boundary in SENTENCE_END.finditer(text, window_start, start):
        window_start = boundary.end()
    return (
        STOP_RULE.search(text, window_start, start) is not None
        or ABSENCE_RULE.search(text, window_start, start) is not None
    )


def is_conditional_event(text: str, start: int) -> bool:
    """True when ``if``/``once``/``when``/``where``/``which`` comes shortly before the mention at
    ``start`` in its sentence (the mention is then the subject of a condition or a definition)."""
    window_start = max(0, start - EVENT_WINDOW)
    for boundary in SENTENCE_END.finditer(text, window_start, start):
        window_start = boundary.end()
    return EVENT_IF_BEFORE.search(text, window_start, start) is not None


@functools.cache
def history_cues() -> "re.Pattern[str]":
    """The history cues of ``data/endpoint_history_cues.jsonl`` as one pattern of whole words."""
    cues = "|".join(row["cue"] for row in package_data(HISTORY_CUES_FILE))
    return re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)


def is_history(text: str, start: int, end: int, in_criteria: bool) -> bool:
    """True when the mention describes a patient's past or condition: in a criterion, always (a
    criterion states what the patient had, has or may develop, "may interfere with the detection and
    management of suspected drug-related pulmonary toxicity"; no endpoint name inside a criterion is
    an ENDPOINT in the five DEV gold sets); elsewhere, ``history of``/``prior``/``previous`` right
    before it (:func:`history_cues` lists the cues a criterion's line shows most often)."""
    if in_criteria:
        return True
    return HISTORY_BEFORE.search(text, max(0, start - 50), start) is not None


def is_stratification(text: str, start: int) -> bool:
    """True when the mention at ``start`` is a stratification factor: after ``stratified
    according to``/``by`` in its sentence."""
    window_start = max(0, start - STRATIFIED_WINDOW)
    for boundary in SENTENCE_END.finditer(text, window_start, start):
        window_start = boundary.end()
    found = STRATIFIED_BEFORE.search(text, window_start, start)
    return found is not None and TRIAL_VERB.search(text, found.start(), start) is None


def guard_reason(
    text: str, start: int, end: int, *, in_criteria: bool, event: bool = True, dose: bool = False
) -> str | None:
    """Why the endpoint name at ``[start, end)`` is not an ENDPOINT here (``"stop_rule"``,
    ``"dose_level"``, ``"history"``, ``"stratification"``, ``"instrument"``, ``"event"`` or
    ``"treatment_rule"``), or
    None when it is one. ``event``: whether the endpoint names an event that can stop a treatment (a
    maximum tolerated dose is a dose, reached "until" it is found, and stays an endpoint there);
    ``dose``: whether it names a dose, which patients can be treated at."""
    if event and (is_stop_rule(text, start) or STOP_ADJECTIVE_BEFORE.search(text, max(0, start - 20), start)):
        return "stop_rule"
    if dose and (
        DOSE_LEVEL_BEFORE.search(text, max(0, start - DOSE_LEVEL_WINDOW), start) or DOSE_LEVEL_AFTER.match(text, end)
    ):
        return "dose_level"
    if is_history(text, start, end, in_criteria):
        return "history"
    if is_stratification(text, start):
        return "stratification"
    if INSTRUMENT_AFTER.match(text, end):
        return "instrument"
    if EVENT_BEFORE.search(text, max(0, start - EVENT_WINDOW), start):
        return "event"
    if event and EVENT_AFTER.match(text, end) and is_conditional_event(text, start):
        return "event"
    if (
        event
        and PATIENT_EVENT_BEFORE.search(text, max(0, start - EVENT_WINDOW), start)
        and TREATMENT_RULE_AFTER.match(text, end)
    ):
        return "treatment_rule"
    return None


def first_clause_ends(text: str, items: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """For each outcome item, ``[start, end)`` of its first clause (the measure's name)."""
    out = []
    for item in items:
        match = CLAUSE_END.search(text, item["start"], item["end"])
        out.append((item["start"], match.start() if match else item["end"]))
    return out


# ---------------------------------------------------------------------------------------------
# The lexicon


@dataclass
class EndpointLexicon:
    """The compiled lexicon: a term index over endpoint names (and blocked phrases), a term index
    over qualifiers, and the endpoints by canonical name."""

    rows: list[Row]
    terms: TermIndex = field(default_factory=TermIndex)
    qualifiers: TermIndex = field(default_factory=TermIndex)
    by_canonical: dict[str, Row] = field(default_factory=dict)
    # The qualifiers' names by the family of endpoints they qualify.
    qualifier_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """The content words of the endpoints' names (a long form with none of them names
        something else: ``Observational Study (OS)``)."""
        return frozenset(
            word
            for row in self.by_canonical.values()
            for name in (row["canonical"], *row.get("variants", []), *row.get("weak_variants", []))
            for word in content_words(name)
        )

    @classmethod
    def from_rows(cls, rows: Sequence[Row], tokenize: Tokenize) -> "EndpointLexicon":
        """Compile rows (as in ``data/endpoints.jsonl``) with the pipeline's tokenizer."""
        lex = cls(rows=[dict(r) for r in rows])
        misspellings: dict[str, list[str]] = {}
        for row in rows:
            if "misspelling" in row:
                misspellings.setdefault(row["word"].lower(), []).append(row["misspelling"])
        qualifier_rows = [r for r in rows if "qualifier" in r]
        endpoint_rows = [r for r in rows if "canonical" in r]
        lex.qualifier_names = {
            family: tuple(r["qualifier"] for r in qualifier_rows if r.get("family", EFFICACY) == family)
            for family in (EFFICACY, SAFETY)
        }
        lex.by_canonical = {r["canonical"]: r for r in endpoint_rows}

        for row in qualifier_rows:
            payload = {"qualifier": row["qualifier"], "family": row.get("family", EFFICACY)}
            for tokens in tokenize(row.get("variants", [])):
                for form in hyphen_forms(tokens):
                    lex.qualifiers.add(form, payload)
            for tokens in tokenize(row.get("short_forms", [])):
                lex.qualifiers.add(tokens, payload, case_sensitive=True)

        # Weak names first, so that a strong name for the same tokens replaces them.
        for weak in (True, False):
            for row in endpoint_rows:
                lex._add_endpoint(row, weak, misspellings, tokenize)
        # Templates write a place qualifier inside a name ("time to local recurrence"); the time
        # qualifiers of toxicities do not go there.
        place_qualifiers = [r for r in qualifier_rows if r.get("family", EFFICACY) == EFFICACY]
        for row in rows:
            if "template" in row:
                lex._add_template(row, place_qualifiers, misspellings, tokenize)
        blocked = [r["blocked"] for r in rows if "blocked" in r]
        for tokens in tokenize(blocked):
            for form in hyphen_forms(tokens):
                lex.terms.add(form, {"blocked": True})
        return lex

    def add_term(self, term: Row, tokenize: Tokenize) -> None:
        """Add a user's ENDPOINT term (see :mod:`trialspacy.terms`), in place of the entries of
        the same name; a short form when its text is its abbreviation."""
        short = term["text"] == term["abbreviation"]
        self.__dict__.pop("vocabulary", None)
        row = {
            "canonical": term["canonical"],
            "abbreviation": term["abbreviation"],
            "family": term["family"],
            "short_forms" if short else "variants": [term["text"]],
        }
        self.by_canonical.setdefault(term["canonical"], row)
        self._add_endpoint(row, False, {}, tokenize, override=True)

    @staticmethod
    def _payload(row: Row, weak: bool, qualifiable: str | None) -> Row:
        """What a match of one of the row's names carries."""
        return {
            "canonical": row["canonical"],
            "abbreviation": row.get("abbreviation"),
            "family": row["family"],
            "weak": weak,
            "needs_grade": bool(row.get("needs_grade")),
            "qualifiable": qualifiable,
        }

    @staticmethod
    def _long_forms(
        row: Row, names: Sequence[str], misspellings: dict[str, list[str]], tokenize: Tokenize
    ) -> set[Tokens]:
        """The token sequences of the row's long names as written, with and without hyphens,
        misspelt, with the head in the plural and, for a survival endpoint, followed by ``rate``."""
        # Time-to-event endpoints are also reported as rates: "PFS rate", "overall survival rate".
        with_rate = row["canonical"].endswith("survival")
        forms: set[Tokens] = set()
        for tokens in tokenize(names):
            for base in hyphen_forms(tokens):
                for form in [base] + misspelt_forms(base, misspellings):
                    forms.add(form)
                    plural = plural_form(form)
                    if plural:
                        forms.add(plural)
                    if with_rate:
                        forms.update(form + (w,) for w in RATE_WORDS)
        return forms

    def _add_endpoint(
        self, row: Row, weak: bool, misspellings: dict[str, list[str]], tokenize: Tokenize, override: bool = False
    ) -> None:
        payload = self._payload(row, weak, self._qualifiable(row))
        for form in self._long_forms(row, row.get("weak_variants" if weak else "variants", []), misspellings, tokenize):
            self.terms.add(form, payload, override=override)
        if weak:
            categories = self._long_forms(row, row.get("category_variants", []), misspellings, tokenize)
            for form in categories:
                self.terms.add(form, dict(payload, category=True), override=override)
            return
        with_rate = row["canonical"].endswith("survival")
        for tokens in tokenize(row.get("short_forms", [])):
            forms = {tuple(tokens)}
            plural = plural_form(tuple(tokens))
            if plural:
                forms.add(plural)
            if with_rate:
                forms.update(tuple(tokens) + (w,) for w in RATE_WORDS)
            for form in forms:
                self.terms.add(form, dict(payload, short=True), case_sensitive=True, override=override)

    def _qualifiable(self, row: Row) -> str | None:
        """The family of qualifiers an endpoint takes, or None: efficacy endpoints take place
        qualifiers (``intracranial PFS``), toxicity outcomes take time qualifiers (``acute skin
        toxicity``, as the contract's ``acute toxicity``; and a toxicity named otherwise whose row says
        ``time_qualified``: ``early adverse skin reactions``); not when their name already has one, nor
        when their row says ``no_qualifier`` (a dose-limiting toxicity has its own window)."""
        family, canonical = row["family"], row["canonical"]
        toxicity = canonical.endswith("toxicity") or row.get("time_qualified", False)
        if row.get("no_qualifier") or (family == SAFETY and not toxicity):
            return None
        names = self.qualifier_names.get(family, ())
        return family if names and not canonical.startswith(tuple(q + " " for q in names)) else None

    def _add_template(
        self, row: Row, qualifier_rows: Sequence[Row], misspellings: dict[str, list[str]], tokenize: Tokenize
    ) -> None:
        """Add the endpoints of a template row, one per qualifier written inside the name ("time to
        local recurrence", "rate of distant relapse"), where no name of the lexicon has the same
        tokens. A qualified name the lexicon already has under another canonical name keeps it:
        "time to first intracranial progression" is ``intracranial time to progression``, as "time
        to intracranial progression" is."""
        for qualifier in qualifier_rows:
            name = qualifier["qualifier"]
            canonical = row["template"].format(q=name)
            known = self.terms.get(tokenize([canonical])[0])
            if known is not None and not known.get("blocked"):
                canonical = known["canonical"]
            derived = {
                "canonical": canonical,
                "abbreviation": self.abbreviation_of(canonical),
                "family": row["family"],
                "variants": [v.format(q=q) for v in row["variants"] for q in qualifier.get("variants", [])],
            }
            self.by_canonical.setdefault(canonical, derived)
            for form in self._long_forms(derived, derived["variants"], misspellings, tokenize):
                if self.terms.get(form) is None:
                    self.terms.add(form, self._payload(derived, weak=False, qualifiable=None))

    def abbreviation_of(self, canonical: str) -> str | None:
        """The usual abbreviation of an endpoint, if the lexicon has one."""
        row = self.by_canonical.get(canonical)
        return row.get("abbreviation") if row else None


def load_lexicon(nlp: Language, rows: Sequence[Row] | None = None) -> EndpointLexicon:
    """The lexicon from ``rows`` or the packaged data file, tokenized by ``nlp``."""
    return EndpointLexicon.from_rows(
        package_data(DATA_FILE) if rows is None else rows, lambda texts: tokenize_terms(nlp, texts)
    )


# ---------------------------------------------------------------------------------------------
# Finding endpoints in a document


@dataclass
class Mention:
    """An endpoint found in the doc: token offsets of its name (a grade written before it is in
    the character offsets only), character offsets of the span, and its attributes."""

    start: int
    end: int
    start_char: int
    end_char: int
    canonical: str
    abbreviation: str | None
    short: bool = False
    weak: bool = False
    category: bool = False


def _qualifier_before(doc: Doc, lex: EndpointLexicon, start: int, floor: int, family: str) -> tuple[int, str] | None:
    """Token start and name of a qualifier of ``family`` written right before token ``start`` (an
    optional hyphen between them), not reaching back past token ``floor``."""
    words = [t.text for t in doc[max(floor, start - 5) : start]]
    offset = start - len(words)
    ends = [len(words)]
    if words and words[-1] == "-":
        ends.append(len(words) - 1)
    for end in ends:
        for n in (3, 2, 1):
            if end - n < 0:
                continue
            hit = lex.qualifiers.get(words[end - n : end])
            if hit is not None and hit["family"] == family:
                return offset + end - n, hit["qualifier"]
    return None


def lexicon_mentions(doc: Doc, lex: EndpointLexicon, text: str) -> list[Mention]:
    """Lexicon names with their qualifiers and grades attached, blocked phrases and ungraded
    ``toxicity`` left out."""
    out: list[Mention] = []
    previous_end = 0
    for start, end, payload in lex.terms.find(doc):
        floor, previous_end = previous_end, end
        if payload.get("blocked"):
            continue
        canonical = payload["canonical"]
        abbreviation = payload["abbreviation"]
        span_start = start
        if payload["qualifiable"]:
            found = _qualifier_before(doc, lex, start, floor, payload["qualifiable"])
            if found is not None:
                span_start, qualifier = found
                canonical = f"{qualifier} {canonical}"
                abbreviation = lex.abbreviation_of(canonical)
        start_char = doc[span_start].idx
        last = doc[end - 1]
        end_char = last.idx + len(last.text)
        if payload["family"] == SAFETY:
            graded = grade_before(text, start_char)
            grade = None
            floor_char = doc[floor].idx if floor < len(doc) else 0
            if graded is not None and graded[0] >= floor_char:
                start_char, grade = graded
            elif canonical.endswith("toxicity"):
                organs = grade_before_organs(text, start_char)
                if organs is not None and organs[0] >= floor_char:
                    start_char, grade, words = organs
                    canonical = f"{words} {canonical}"
            after = grade_after(text, end_char, grade)
            if after is not None:
                end_char, grade = after
            if grade is not None:
                canonical = f"grade {grade} {canonical}"
                abbreviation = None
            elif payload["needs_grade"]:
                continue
        out.append(
            Mention(
                start=span_start,
                end=end,
                start_char=start_char,
                end_char=end_char,
                canonical=canonical,
                abbreviation=abbreviation,
                short=bool(payload.get("short")),
                weak=payload["weak"],
                category=bool(payload.get("category")),
            )
        )
    return out


def elided_mentions(doc: Doc, lex: EndpointLexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the first words of coordinations that share their head: in "acute and
    late toxicity" ``acute`` is the endpoint ``acute toxicity`` (when the lexicon has it as a
    safety endpoint)."""
    out = list(mentions)
    for m in mentions:
        _, _, head = m.canonical.partition(" ")
        found = ELIDED_BEFORE.search(text, max(0, m.start_char - 30), m.start_char) if head else None
        if found is None:
            continue
        canonical = f"{found.group('word').lower()} {head}"
        row = lex.by_canonical.get(canonical)
        span = doc.char_span(found.start("word"), found.end("word"))
        if row is None or row["family"] != SAFETY or canonical == m.canonical or span is None:
            continue
        if any(o.start_char < span.end_char and span.start_char < o.end_char for o in out):
            continue
        out.append(
            Mention(
                start=span.start,
                end=span.end,
                start_char=span.start_char,
                end_char=span.end_char,
                canonical=canonical,
                abbreviation=row.get("abbreviation"),
            )
        )
    return sorted(out, key=lambda m: m.start_char)


def content_words(text: str) -> set[str]:
    """The lower-cased words of ``text`` that are not stop words."""
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS}


def _strip_end(text: str, start: int, end: int) -> int:
    """End of ``text[start:end]`` without trailing spaces and opening brackets."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in "([{（"):
        end -= 1
    return end


def drop_other_meanings(
    text: str, mentions: list[Mention], definitions: Sequence[dict[str, Any]], vocabulary: frozenset[str]
) -> list[Mention]:
    """The mentions without the lexicon short forms that the record defines as something else, a
    long form with no word of an endpoint's name (``vocabulary``): ``Observational Study (OS)``,
    ``Osteosarcoma (OS)``, ``Medication Possession Ratio (MPR)``. The record's first definition of
    a short form gives all its occurrences, so one written in brackets right after its endpoint's
    name stays."""
    named_before = {(m.end_char, m.canonical) for m in mentions if not m.short}
    other: set[tuple[int, int]] = set()
    for definition in definitions:
        long_start, long_end = definition["long"]
        if vocabulary.isdisjoint(content_words(text[long_start:long_end])):
            other.update(tuple(o) for o in definition.get("occurrences", [definition["short"]]))
    return [
        m
        for m in mentions
        if not (
            m.short
            and (m.start_char, m.end_char) in other
            and (_strip_end(text, 0, m.start_char), m.canonical) not in named_before
        )
    ]


def _abbreviates_head(doc: Doc, head: Mention, long_start: int, short_text: str) -> bool:
    """Whether a short form defined by a long form that starts inside the endpoint ``head``
    abbreviates the endpoint. It does after a modifier of the name ("intracranial progression-free
    survival (PFS)", "Objective Response Rate (RR)", "pathologic complete response (CR)"); after
    a head with a preposition, the long form is the event that the endpoint is the time to, the
    rate of or the freedom from ("Time to First Biochemical Failure (BF)", "Time to Locoregional
    Progression (LRP)", "Rate of local relapse (LR)"), unless the short form starts as the
    endpoint's name does ("Time to intracranial progression (TTiP)")."""
    before = doc.text[head.start_char : long_start]
    if EVENT_HEAD.search(before) is None:
        return True
    return short_text[:1].lower() == before[:1].lower()


def resolve_definitions(
    doc: Doc, text: str, mentions: list[Mention], definitions: Sequence[dict[str, Any]]
) -> list[Mention]:
    """Apply the abbreviations the record defines.

    When a definition's long form ends with an endpoint, every occurrence of its short form is
    that endpoint; where the short form is itself a lexicon name, the lexicon wins unless the
    definition adds a qualifier (``intracranial objective response rate (ORR)``).
    """
    by_start = {m.start_char: m for m in mentions}
    out = list(mentions)
    for definition in definitions:
        short_text = definition["short_text"]
        # "Objective Response (OR)": an English word as short form would tag every "OR".
        if short_text.lower() in STOP_WORDS or not ABBREVIATION_SHAPE.match(short_text):
            continue
        long_start, long_end = definition["long"]
        long_end = _strip_end(text, long_start, long_end)
        # The head may start before the long form when a qualifier was attached to it.
        heads = [m for m in mentions if long_start < m.end_char == long_end]
        if not heads or len(text[long_start : heads[-1].start_char].split()) > MAX_WORDS_BEFORE_HEAD:
            continue
        head = heads[-1]
        if head.start_char < long_start and not _abbreviates_head(doc, head, long_start, short_text):
            continue
        # "the rates of complete remission (CR)": the short form names the response, a category
        # ("patients who achieve CR"), not the rate that the endpoint's name begins with.
        if RATE_OF.match(text, head.start_char, long_start):
            continue
        occurrences = [tuple(o) for o in definition.get("occurrences", [definition["short"]])]
        for start, end in occurrences:
            known = by_start.get(start)
            if known is not None and known.end_char == end:
                qualified = head.canonical != known.canonical and head.canonical.endswith(" " + known.canonical)
                if qualified:
                    known.canonical, known.abbreviation = head.canonical, head.abbreviation or known.abbreviation
                continue
            if known is not None or any(m.start_char < end and start < m.end_char for m in out):
                continue
            span = doc.char_span(start, end)
            if span is None:
                continue
            out.append(
                Mention(
                    start=span.start,
                    end=span.end,
                    start_char=start,
                    end_char=end,
                    canonical=head.canonical,
                    abbreviation=head.abbreviation or short_text,
                    short=True,
                    weak=head.weak,
                    category=head.category,
                )
            )
    return sorted(out, key=lambda m: m.start_char)


def relabel_before_parenthesis(doc: Doc, text: str, mentions: list[Mention]) -> None:
    """A more specific abbreviation in brackets renames the endpoint just before it:
    ``progression free survival while receiving second-line therapy (PFS2)`` is PFS2."""
    for i, short in enumerate(mentions):
        if not short.short or short.start == 0 or doc[short.start - 1].text not in ("(", "（", "["):
            continue
        for long in reversed(mentions[:i]):
            if long.short or short.start - long.end > 9:
                break
            between = text[long.end_char : short.start_char]
            if CLAUSE_END.search(between):
                break
            if long.canonical != short.canonical and short.canonical.endswith(long.canonical):
                long.canonical, long.abbreviation = short.canonical, short.abbreviation
            break


def find_endpoints(
    doc: Doc,
    lex: EndpointLexicon,
    *,
    resolve_abbreviations: bool = True,
    context_guards: bool = True,
) -> list[Mention]:
    """All ENDPOINT mentions of ``doc`` (uses ``doc._.trialspacy_abbreviation_defs``, ``doc._.trialspacy_sections`` and
    ``doc._.trialspacy_outcome_items`` when a previous component set them)."""
    text = folded_text(doc)
    mentions = elided_mentions(doc, lex, text, lexicon_mentions(doc, lex, text))
    definitions = doc._.trialspacy_abbreviation_defs
    if resolve_abbreviations and definitions:
        mentions = drop_other_meanings(text, mentions, definitions, lex.vocabulary)
        mentions = resolve_definitions(doc, text, mentions, definitions)
    relabel_before_parenthesis(doc, text, mentions)
    clauses = first_clause_ends(text, doc._.trialspacy_outcome_items or [])
    kept = []
    guarded_end: int | None = None
    category: Mention | None = None
    for m in mentions:
        if m.category and not counted_in_title(text, m, clauses):
            continue
        # The short form in brackets right after a weak name used as a category is the category's
        # when the endpoint has only weak names: "a best overall response (BOR) of confirmed
        # complete response (CR)" (not "Overall response (ORR) = CR + PR": ORR names the rate).
        if (
            m.short
            and category is not None
            and m.canonical == category.canonical
            and not lex.by_canonical.get(m.canonical, {}).get("variants")
            and text[category.end_char : m.start_char].strip() in ("(", "（", "[")
        ):
            continue
        if m.weak and not weak_names_measure(doc, text, m, clauses):
            category = m
            continue
        if context_guards:
            sections = sections_at(doc, m.start_char, m.end_char)
            in_criteria = bool(ELIGIBILITY_SECTIONS.intersection(sections))
            # A short form in brackets right after a guarded name shares its fate:
            # "until ... intolerable adverse events (AEs)".
            follows_guarded = (
                m.short and guarded_end is not None and text[guarded_end : m.start_char].strip() in ("(", "（", "[")
            )
            row = lex.by_canonical.get(m.canonical, {})
            event, dose = row.get("event", True), row.get("dose", False)
            # "minimum of 12 months disease free interval between completion of systemic therapy":
            # in a criterion an interval is the patient's own, not a measure.
            interval = in_criteria and row.get("interval", False)
            if (
                follows_guarded
                or interval
                or guard_reason(text, m.start_char, m.end_char, in_criteria=in_criteria, event=event, dose=dose)
            ):
                guarded_end = m.end_char
                continue
        kept.append(m)
    return kept


def weak_names_measure(doc: Doc, text: str, mention: Mention, titles: Sequence[tuple[int, int]]) -> bool:
    """Whether a weak name (``objective response``, ``tumor response``) names an outcome measure:
    inside the first clause of an outcome item (``titles``), or after an aim or before the
    measure's method outside the eligibility criteria, where an aim or a method is the patient's
    ("Must have a target lesion to evaluate treatment response", "tissue must be available to
    compare tumor response with ... biomarkers")."""
    if any(start <= mention.start_char and mention.end_char <= end for start, end in titles):
        return True
    if ELIGIBILITY_SECTIONS.intersection(sections_at(doc, mention.start_char, mention.end_char)):
        return False
    return (
        AIM_BEFORE.search(text, max(0, mention.start_char - AIM_WINDOW), mention.start_char) is not None
        or METHOD_AFTER.match(text, mention.end_char) is not None
    )


def counted_in_title(text: str, mention: Mention, titles: Sequence[tuple[int, int]]) -> bool:
    """Whether a response category is what an outcome measure's title (``titles``: the first
    clauses of the outcome items) counts; see :data:`COUNTED_BEFORE`."""
    for start, end in titles:
        if start <= mention.start_char and mention.end_char <= end:
            before = text[start : mention.start_char].lstrip()
            return COUNTED_BEFORE.search(before) is not None and not OTHER_CATEGORY_AFTER.match(text, mention.end_char)
    return False


def to_candidates(mentions: Iterable[Mention]) -> Iterator[Candidate]:
    """Mentions as :func:`~trialspacy.spans.set_label_spans` candidates."""
    for m in mentions:
        yield m.start_char, m.end_char, {"canonical": m.canonical, "abbreviation": m.abbreviation}


# ---------------------------------------------------------------------------------------------
# The component


class EndpointRecognizer(Pipe):
    """Writes ENDPOINT spans (``canonical``, ``abbreviation``) into ``doc.spans[spans_key]``.

    The lexicon is the package's ``endpoints.jsonl`` unless :meth:`from_disk` or
    :meth:`from_bytes` restored another; it is compiled once, on first use.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "trialspacy_endpoints",
        *,
        resolve_abbreviations: bool = True,
        context_guards: bool = True,
        spans_key: str = SPAN_KEY,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.resolve_abbreviations = resolve_abbreviations
        self.context_guards = context_guards
        self.spans_key = spans_key
        self._lexicon: EndpointLexicon | None = None
        # The user's terms by name (trialspacy.terms.term_key), on top of the lexicon.
        self._terms: dict[str, Row] = {}

    @property
    def lexicon(self) -> EndpointLexicon:
        """The compiled lexicon with the user's terms (the package's, compiled on first use,
        unless restored)."""
        if self._lexicon is None:
            self._lexicon = self._with_terms(load_lexicon(self.nlp), self._terms.values())
        return self._lexicon

    @property
    def terms(self) -> list[Row]:
        """The user's terms (rows as :func:`trialspacy.terms.check_term` gives them)."""
        return list(self._terms.values())

    def add_terms(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Add ENDPOINT terms (see :mod:`trialspacy.terms`): found like the lexicon's names; a term
        replaces the lexicon's entry, or an earlier term, of the same name."""
        checked = check_terms(rows, ENDPOINT)
        self._terms.update((term_key(term), term) for term in checked)
        if self._lexicon is not None:
            self._with_terms(self._lexicon, checked)

    def _with_terms(self, lexicon: EndpointLexicon, terms: Iterable[Row]) -> EndpointLexicon:
        for term in terms:
            lexicon.add_term(term, lambda texts: tokenize_terms(self.nlp, texts))
        return lexicon

    def _set_rows(self, rows: list[Row]) -> None:
        """Restore saved lexicon rows, compiled now so that the first document does not pay."""
        self._lexicon = self._with_terms(load_lexicon(self.nlp, rows), self._terms.values())

    def _restore_terms(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Take the terms of a saved pipeline in place of the component's own."""
        if self._terms and self._lexicon is not None:
            # Compiled with the terms replaced: compile the same rows again.
            self._lexicon = load_lexicon(self.nlp, self._lexicon.rows)
        self._terms = {}
        self.add_terms(rows)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        terms: str | Path | None = None,
    ) -> None:
        """Add the ENDPOINT rows of the terms file ``terms``
        (``[initialize.components.trialspacy_endpoints] terms = "my_terms.jsonl"``)."""
        if terms is not None:
            self.add_terms(row for row in read_terms(terms) if row["label"] == ENDPOINT)

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_endpoints(
            doc,
            self.lexicon,
            resolve_abbreviations=self.resolve_abbreviations,
            context_guards=self.context_guards,
        )
        set_label_spans(doc, ENDPOINT, to_candidates(mentions), self.spans_key)
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The lexicon rows and the user's terms, serialized."""
        serializers = {
            DATA_KEY: lambda: srsly.msgpack_dumps(self.lexicon.rows),
            TERMS_KEY: lambda: srsly.msgpack_dumps(self.terms),
        }
        return to_bytes(serializers, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "EndpointRecognizer":
        """Restore the lexicon rows and the terms of :meth:`to_bytes`."""
        setters = {
            DATA_KEY: lambda b: self._set_rows(srsly.msgpack_loads(b)),
            TERMS_KEY: lambda b: self._restore_terms(srsly.msgpack_loads(b)),
        }
        from_bytes(bytes_data, setters, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the lexicon rows as ``endpoints.jsonl`` and the user's terms as
        ``endpoint_terms.jsonl`` in the component's directory."""
        writers = {
            DATA_FILE: lambda p: write_jsonl(p, self.lexicon.rows),
            TERMS_FILE: lambda p: write_jsonl(p, self.terms),
        }
        to_disk(path, writers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "EndpointRecognizer":
        """Restore the lexicon rows and the terms saved by :meth:`to_disk` (a pipeline saved
        before terms existed has no terms file: no terms)."""
        readers = {
            DATA_FILE: lambda p: self._set_rows(read_jsonl(p)),
            TERMS_FILE: lambda p: self._restore_terms(read_jsonl(p) if p.exists() else []),
        }
        from_disk(path, readers, exclude)
        return self


@Language.factory(
    "trialspacy_endpoints",
    assigns=["doc.spans", "span._.trialspacy_canonical", "span._.trialspacy_abbreviation"],
    requires=["doc._.trialspacy_sections", "doc._.trialspacy_outcome_items", "doc._.trialspacy_abbreviation_defs"],
    default_config={"resolve_abbreviations": True, "context_guards": True, "spans_key": SPAN_KEY},
)
def make_endpoints(
    nlp: Language, name: str, resolve_abbreviations: bool, context_guards: bool, spans_key: str
) -> EndpointRecognizer:
    """Factory of the ENDPOINT component."""
    return EndpointRecognizer(
        nlp, name, resolve_abbreviations=resolve_abbreviations, context_guards=context_guards, spans_key=spans_key
    )
