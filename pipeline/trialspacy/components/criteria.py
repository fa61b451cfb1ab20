"""CRITERION spans: one per eligibility criterion, with ``section``, ``negated`` and ``requires``.

:func:`split_criteria` cuts an inclusion or exclusion section into criteria (bullets, numbered
items, plain lines, wrapped lines, sub-bullets, ``~``-separated AACT rows), dropping headings.
:func:`criterion_negated` says whether a criterion asserts the absence of its main concept or
an inability; :func:`requires` combines that with the section.
"""

import re

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..layout import heading_kind
from ..lexicon import doc_text
from ..spans import CRITERION, SPAN_KEY, Candidate, set_label_spans
from .sentences import LogicalLine, inner_sentence_starts, logical_lines

INCLUSION = "inclusion"
EXCLUSION = "exclusion"
PRESENT = "present"
ABSENT = "absent"

# Lines that say there is nothing to list ("* None", "Nil", "N/A"), or point elsewhere instead of
# stating a criterion, as PDQ-style legacy records do under each sub-heading ("Not specified", "See
# Disease Characteristics", "No eligibility criteria", "Please contact site for information").
_NOTHING = re.compile(
    r"(?:none|nil|n/?a|not\s+applicable|not\s+specified|unspecified|see\s+(?:general|disease|patient)\s+"
    r"characteristics|no\s+(?:eligibility|entry)\s+criteria|please\s+contact\s+(?:the\s+)?site\s+for\s+"
    r"(?:more\s+)?information)[\s.;:]*",
    re.I,
)
# The connective between two cohorts on a line of its own ("OR"): no criterion.
_CONNECTIVE = re.compile(r"(?:or|and|and/or)", re.I)
# PDQ group headings set off by dashes ("--Disease Characteristics--", "--Prior/Concurrent Therapy--").
_DASHED_HEADING = re.compile(r"-{2,}\s*[A-Za-z][\w/ ,&-]*?\s*-{2,}")
# A PDQ sub-heading opening an item of a run-on line ("Age: 18 and over Performance status: ECOG 0-2"):
# a capitalised word and up to two lower-case ones before ": ", not a negation ("No hypotension: ...").
_SUB_HEADING = re.compile(r"(?:^|(?<=\s))(?!(?:No|Not|Non|Without|Never)\b)[A-Z][a-z]+(?:[ /][a-z]+){0,2}:(?:\s+|$)")
# A line that only names the cohorts, parts or arms the criteria below it are for ("Safety Run-in
# Cohort 1 and Phase 2 Cohorts 1", "Part A", "Arms 1 and 2 Only"): every word capitalised, a number,
# a symbol or a small joining word, and a cohort noun with its number or letter. A sub-heading,
# not a criterion (GUIDELINES: sub-headings on a line of their own).
_COHORT_NAME = re.compile(r"\b(?:cohorts?|parts?|arms?|groups?)\s+(?:[0-9]{1,2}[A-Za-z]?|[A-Z]|[IVX]{1,4})\b", re.I)
_TITLE_WORDS = re.compile(
    r"(?:(?:[A-Z0-9][\w'-]*|and|or|for|of|the|with|in|only|[+&/,-])\s*)+",
)
# A line that names a group of criteria without a colon, maybe with a note after a dash ("CNS
# Exclusion - Based on screening brain MRI and clinical assessment", "General Medical Exclusions",
# "Laboratory Exclusion Criteria", "Angiographic Inclusion Criteria - Phase 1"): capitalised words
# before a capitalised "Inclusion" or "Exclusion". A sub-heading when items follow it; not a criterion
# in lower case ("Other protocol-defined inclusion/exclusion criteria apply").
_GROUP_HEADING = re.compile(r"(?!See\s)(?:[A-Z][\w/-]*\s+){1,3}(?:In|Ex)clusions?(?:\s+Criteria)?(?:\s+[-–—]+\s+.*)?")
# A sub-heading on a line of its own without a colon ("Chemotherapy", "Life expectancy"), above the
# bullets it introduces: short, unpunctuated.
_BARE_SUB_HEADING = re.compile(r"[A-Z][A-Za-z]*(?:[ /][A-Za-z]+){0,2}")


def split_criteria(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each criterion in ``text[start:end]``.

    One criterion per bullet or line, with its wrapped continuation lines; bullet markers and
    surrounding white space excluded, trailing punctuation kept. Headings are skipped: eligibility
    headings (``Inclusion Criteria:``, ``EXCLUSION CRITERIA``), any item ending in ``:``
    followed by more items (``Patients must meet all of the following:``), and the PDQ headings of
    legacy records (``--Patient Characteristics--``, ``Chemotherapy`` above its bullets); so are
    placeholders (``Not specified``, ``See Disease Characteristics``, a run-on line of sub-headings
    that all say so) and a lone ``OR`` between two cohorts.
    """
    return [(first, last) for first, last, _ in _criteria_units(text, start, end)]


def _criteria_units(text: str, start: int, end: int) -> list[tuple[int, int, tuple[int, int] | None]]:
    """The criteria of :func:`split_criteria`, each with the ``(start, end)`` of the heading it is
    a sub-item of (a line ending in ``:`` with the criterion indented under it), or None."""
    units = [u for u in logical_lines(text, start, end) if u.content_start < u.end]
    found: list[tuple[int, int, tuple[int, int] | None]] = []
    heading: LogicalLine | None = None
    for i, unit in enumerate(units):
        body = text[unit.content_start : unit.end]
        if heading is not None and not _under(heading, unit):
            heading = None
        if heading_kind(body) is not None or _placeholder(body) or _CONNECTIVE.fullmatch(body):
            continue
        following = units[i + 1] if i + 1 < len(units) else None
        if following is not None and (
            body.endswith(":")
            or _introduces(unit, following, body)
            or _names_cohort(body)
            or _GROUP_HEADING.fullmatch(body) is not None
        ):
            heading = unit if body.endswith(":") and _under(unit, following) else None
            continue
        found.append((unit.content_start, unit.end, None if heading is None else (heading.content_start, heading.end)))
    return found


def _under(heading: LogicalLine, unit: LogicalLine) -> bool:
    """Whether ``unit`` is a sub-item of ``heading``: indented past it, or bulleted under a heading
    that has no bullet, at least as far in."""
    return unit.indent > heading.indent or (not heading.bulleted and unit.bulleted and unit.indent >= heading.indent)


def _introduces(unit: LogicalLine, following: LogicalLine, body: str) -> bool:
    """Whether ``unit`` is a heading of the bullets below it without a colon: a PDQ group heading
    ("--Patient Characteristics--"), or a short unbulleted line ("Chemotherapy") whose next unit is
    a bullet indented under it."""
    if _DASHED_HEADING.fullmatch(body):
        return True
    return (
        not unit.bulleted
        and following.bulleted
        and following.indent > unit.indent
        and _BARE_SUB_HEADING.fullmatch(body) is not None
    )


def _names_cohort(body: str) -> bool:
    """Whether a line only names cohorts, parts or arms (brackets aside): a sub-heading."""
    if _COHORT_NAME.search(body) is None:
        return False
    bare = _PARENTHESES.sub(" ", body).strip()
    return _TITLE_WORDS.fullmatch(bare) is not None and _COHORT_NAME.search(bare) is not None


def labelled_items(text: str) -> list[str]:
    """The values of a line made of PDQ sub-headed items ("Biologic therapy: Not specified
    Chemotherapy: No prior chemotherapy" gives ``["Not specified", "No prior chemotherapy"]``), or
    ``[text]`` when the line does not open with a sub-heading."""
    # (A sub-heading ends in a colon: most lines have none, and the search is then skipped.)
    if ":" not in text or _SUB_HEADING.match(text) is None:
        return [text]
    heads = list(_SUB_HEADING.finditer(text))
    ends = [head.start() for head in heads[1:]] + [len(text)]
    return [text[head.end() : stop].strip() for head, stop in zip(heads, ends, strict=True)]


def _placeholder(body: str) -> bool:
    """Whether a line states no criterion: a placeholder, alone or after each of its sub-headings
    ("Pulmonary: See Disease Characteristics")."""
    return all(not item or _NOTHING.fullmatch(item) for item in labelled_items(body))


# The person a criterion is about: "Patients", "Women of childbearing potential", "The subject".
_PERSON_NOUN = (
    r"(?:patients?|pts|subjects?|participants?|individuals?|persons?|people|women|men|females?|males?"
    r"|volunteers?|candidates?|children|adults?|adolescents?|mothers?|wocbp|he|she|they)"
)
# ("Men and women who are unwilling to use appropriate contraceptive methods": two person nouns
# joined; "Fertility women and men who are not willing to use appropriate contraception", a
# record's own word for "fertile".)
_PERSON = (
    rf"(?:(?:the|all|any|a|an)\s+)?(?:(?:male|female|pregnant|eligible|adult|fertile|fertility|potential|"
    rf"study|enrolled)\s+)?{_PERSON_NOUN}(?:\s+(?:and|or|and/or|&)\s+{_PERSON_NOUN})?"
    r"(?:\s+(?:(?:who|that)\s+(?:is|are)\s+)?of\s+(?:child-?\s?bearing|reproductive)\s+(?:potential|age))?"
    r"(?:\s*\([^)]*\))?"
)
# The investigator's judgment set off by commas is not the criterion's predicate: "Patients who, in
# the judgment of the investigator, may not comply with the procedures"; nor is the one a criterion
# bases itself on ("Subjects that based on surgeon's discretion cannot be effectively reconstructed").
_JUDGMENT = re.compile(
    r",\s*(?:in|according\s+to)\s+(?:the\s+)?(?:(?:judge?ment|opinion|view|assessment)\s+of\s+the\s+"
    r"(?:treating\s+)?(?:investigators?|physicians?|doctors?|researchers?)|(?:investigators?|physicians?)'s?\s+"
    r"(?:judge?ment|opinion|view|assessment))\s*,"
    r"|\s+(?:based\s+on|at|per)\s+(?:the\s+)?(?:(?:treating\s+)?(?:investigators?|physicians?|doctors?|researchers?|surgeons?)'s?\s+)"
    r"(?:discretion|judge?ment|opinion|assessment)\s*,?",
    re.I,
)
# A label naming whom the criterion concerns, before a colon: "Male and Female participants: Lack of
# agreement to use contraception".
_PERSON_LABEL = re.compile(
    r"^(?:for\s+)?(?:(?:all\s+)?(?:male|female|men|women)\s+(?:and|or|&|/)\s+)?(?:all\s+)?"
    r"(?:(?:male|female|pregnant|fertile)\s+)?"
    r"(?:patients?|subjects?|participants?|men|women|males?|females?|wocbp)"
    r"(?:\s+of\s+(?:child-?\s?bearing|reproductive)\s+(?:potential|age))?\s*[:：]\s*",
    re.I,
)
_AUX = r"(?:(?:must|should|shall|will|may|can|could|would|do|does|did|has|have|had|is|are|was|were|be|been|yet|currently|previously|still)\s+)"
# Cues that negate what follows them at the start of a criterion.
# A prefixed negative of a quality criteria ask for ("Adequate organ function", "Measurable
# disease", toxicities resolved) opening a criterion is its main predicate and states an absence:
# "Insufficient bone marrow reserve", "Unmeasurable lesion(s)", "Unresolved toxicities from prior
# therapy" (as "Incomplete clinical follow-up data" does); after a verb of its own it only qualifies
# the object ("Has unresolved toxicities from previous anticancer therapy": the patient has them;
# see _QUALIFIED_OBJECT). One that qualifies a disease does not negate ("Uncontrolled hypertension",
# "Untreated brain metastases"; as the patient's predicate with its object it says the treatment is
# absent: "Previously untreated with any systemic anti-cancer therapy"); as the whole predicate any such word does ("Medically unstable": see
# _NEGATIVE_PREDICATE). A refusal that happened ("The patient refused to join this study") is an
# event, not an unwillingness ("refuse to participate").
_START_CUE = (
    r"(?:no|not|none\s+of|neither|never|without|absence\s+of|absent|lack\s+of|lacking|free\s+of|untreated\s+(?:with|by)|"
    r"freedom\s+from|negative|sero-?negative|undetectable|unable|inability|incapable|cannot|can't|unwilling(?:ness)?|"
    r"ineligible|unsuitable|unfit|refus(?:e|es|al)\s+to|do(?:es)?\s+not|don't|doesn't|incomplete|"
    r"insufficient|inadequate|unresolved|unrecovered|(?:un|non-?)(?:measurable|evaluable)|"
    r"failure\s+to\s+(?:sign|give|provide|obtain|comply|understand|agree|consent)|"
    r"(?:has|have|had|is|are|was|were)n't)\b"
)
# A prefixed negation ("Non-frail patients", "Non-Caucasian Race") negates when it describes the
# person, not when it is part of a concept's name ("Non-small cell lung cancer").
_NON_PERSON = re.compile(
    rf"^non-?\w+(?:-\w+)*(?:\s*(?:,|or|and)\s*non-?\w+(?:-\w+)*)*(?:\s+(?:{_PERSON_NOUN}|race|ethnicity|origin|descent))?"
    r"(?:\s+(?:according\s+to|as\s+(?:assessed|defined|determined)\s+by)\b.*)?\s*[.;,]?\s*$",
    re.I,
)
# A prefixed negative adjective that is the whole predicate, with an adverb and the person at most:
# "Medically unstable;", "Hemodynamically unstable patients", "Unrecovered from prior surgery",
# "Medically inoperable" (not before the noun it qualifies: "Unstable angina").
_NEGATIVE_PREDICATE = re.compile(
    rf"^(?:{_PERSON}\s+(?:(?:who|that)\s+)?{_AUX}*)?(?:[a-z]+ly\s+)?"
    r"(?:(?!uni|under|until|unlimited|unknown|unusual)un[a-z]{4,}|in(?:operable|competent|capable|eligible|adequate|sufficient|complete))"
    rf"(?:\s+{_PERSON_NOUN})?(?:\s+(?:from|for|to)\b.*)?\s*[.;,]?\s*$",
    re.I,
)
# A short criterion that is a concept found negative: "HIV negative", "Pathologic lymph node negative",
# "HBV DNA undetectable"
# (a longer one names what is negative inside another concept: "... if sentinel node is negative";
# so does a relative clause: "LABC (stages IIB, IIIA) that are ER negative"; "positive or negative"
# says neither).
_FOUND_NEGATIVE = re.compile(
    r"^(?!triple\b)(?!.*\b(?:positive|or|that|which|whose)\s)(?:[\w/+-]+\s+){1,4}(?:(?:sero)?negative|undetectable)\.?$",
    re.I,
)
# A test asked for with a negative result written after it, maybe with its window: "Serum or urine
# pregnancy test negative within 7 days before the first dose" (the contract's "must have a negative
# pregnancy test"; not "positive or negative").
_TEST_NEGATIVE = re.compile(
    r"^(?:[\w/-]+\s+){0,4}?tests?\s+(?:results?\s+)?(?:(?:is|are|must\s+be|should\s+be)\s+)?negative\b(?!\s+or\b)",
    re.I,
)
# ("nave": "naïve" as AACT-style records hold it, its "ï" dropped: "Nave to systemic therapy",
# "Treatment-nave for palliative intent systemic therapy".)
_NAIVE = re.compile(r"^(?:[\w/+-]+[\s-]){0,3}na[iï]?ve\b", re.I)
# Limits and fixed phrases read like negations but are not: "No more than 2 prior regimens",
# "Must have not more than ...", "not otherwise specified".
_LIMIT = re.compile(
    r"\b(?:no|not)\s+(?:more|less|greater|fewer|higher|lower|longer|shorter|earlier|later|sooner|older|"
    r"younger|exceeding|to\s+exceed|otherwise|limited|applicable|specified)\b",
    re.I,
)
_PREFIXED_QUALITY = re.compile(
    r"\b(?:insufficient|inadequate|incomplete|unresolved|unrecovered|(?:un|non-?)(?:measurable|evaluable))$", re.I
)
_QUALIFIED_OBJECT = re.compile(rf"\b(?:has|have|had)\s+{_PREFIXED_QUALITY.pattern}", re.I)
_START = re.compile(rf"^(?:{_PERSON}\s+)?(?:(?:who|that)\s+)?{_AUX}*(?:{_START_CUE})", re.I)
_WITH_NO = re.compile(rf"^{_PERSON}\s+(?:with\s+no|with\s*out|have\s+no|has\s+no)\b", re.I)
# (A one-word relative clause may describe the person: "Women who are pre-menopausal must have a
# negative serum pregnancy test".)
_MUST_HAVE_NEGATIVE = re.compile(
    rf"^(?:{_PERSON}\s+(?:(?:who|that)\s+(?:is|are)\s+[\w-]+\s+)?)?(?:(?:who|that)\s+)?{_AUX}*"
    r"(?:have|has|be|show)\s+(?:a\s+|an\s+)?"
    r"(?:documented\s+|confirmed\s+)?(?:negative|free\s+of|na[iï]?ve)\b",
    re.I,
)
# A negative test result asked for with something the patient must do is a mixed criterion, not an
# absence: "must have a negative serum pregnancy test prior to the first dose. If a female subject of
# childbearing potential must use acceptable effective methods of contraception ...".
_ALSO_REQUIRED = re.compile(
    r"\b(?:(?:must|should|shall|will|to)\s+(?:also\s+)?(?:agree\s+to\s+)?|agree(?:s|ment)?\s+to\s+)"
    r"(?:use|be\s+using|practi[cs]e|employ|remain\s+abstinent|abstain)\b",
    re.I,
)
# The investigator's judgment that the patient is unfit for the trial, wherever it stands in the
# clause: "With unlisted exclusion criteria but are considered not suitable for the clinical study by
# researchers" (but not in a relative or conditional clause: "Patients with NSCLC who are considered
# unsuitable for surgery" qualifies the disease, as "who are not eligible" does; "Solitary metastasis
# eligible only if ... resection deemed inappropriate").
_JUDGED_UNFIT = re.compile(
    r"\b(?:considered|deemed|judged|assessed|regarded)\s+(?:(?:to\s+be|as)\s+)?(?:not\s+(?:suitable|eligible|"
    r"appropriate|fit)|unsuitable|ineligible|inappropriate|unfit)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|that|which|if|unless|when|where)\b", re.I)
# A second predicate coordinated with a negated first one, with its own verb and no cue: "A person
# who is not effectively controlled, has symptoms of brain metastases, or suffers from ...". The
# criterion is mixed, and a mixed criterion is not negated (not after a relative word, where the
# predicate belongs to the negated thing: "No brain metastases that are symptomatic or have required
# steroids"; nor when the second predicate is negative too: "must have no surgical option or have
# refused surgery").
_POSITIVE_PREDICATE = re.compile(
    r"(?:,|\band\b|\bor\b)\s+(?:(?:and|or)\s+)?(?:has|have|had|is|are|was|were|suffers?|suffered|shows?|"
    r"requires?|receives?|received|needs?|develops?|developed|experiences?|experienced)\b"
    r"(?!\s+(?:not|no|never|refused|declined|unable|unwilling|unsuitable|unfit|ineligible|incapable)\b)(?!n't)",
    re.I,
)
# The cues that negate a verb, whose clause may coordinate a second verb with its own subject left
# out ("Is unable to swallow tablets or has malabsorption"); "No X, obtained ..., is available" is
# one predicate of a negated noun.
_VERBAL_CUE = re.compile(
    r"(?:\bnot|\bnever|\bunable|\bincapable|\bcannot|\bunwilling|\bunfit|\bunsuitable|\bineligible|n't)$", re.I
)
# A run-on line (PDQ-style) starts its next item with a capitalised cue straight after a lower-case
# word: "... in chronic or accelerated phase Ineligible for allograft protocols ... No patients under
# age 55": the first item ends there.
_RUN_ON_CUE = re.compile(rf"(?<=[a-z0-9%)])\s+(?=(?-i:[A-Z][a-z]))(?={_START_CUE})", re.I)
_JUDGED_WORDS = ("considered", "deemed", "judged", "assessed", "regarded")
# A negated "controlled" after a disease is the disease's quality, as "Uncontrolled hypertension" is:
# "Cavity effusion (pleural effusion, ascites, ...) are not well controlled", "cardiovascular disease
# that is not well controlled" (the disease is present; what must be shown is its absence).
_NOT_CONTROLLED = re.compile(
    r"\s*(?:(?:well|adequately|sufficiently|optimally|properly|fully|effectively|medically)\s+)?controlled\b", re.I
)
# A note on the text itself, not on the patient: "The above information is not intended to contain all
# considerations relevant to a patient's potential participation in a clinical trial." (the closing
# line of many ClinicalTrials.gov records' criteria).
_TEXT_NOTE = re.compile(
    r"^(?:the|this|these)\s+(?:(?:above|preceding|following)\s+)?(?:information|list|criteria|text)\s+"
    r"(?:is|are|was|were|does|do|did|has|have)\b",
    re.I,
)
# A negated verb later in the first clause: "The site planned for radiation was not irradiated",
# "Patients to receive IL-2 must have no active infections".
_VERB_NEGATION = re.compile(
    r"\b(?:(?:must|should|shall|will|may|can|could|would|do|does|did|has|have|had|is|are|was|were|be)"
    r"\s+(?:(?:yet|be|have|been)\s+)?(?:not|never|no\s+longer|no)|cannot|can't|\w+n't"
    r"|unsuitable|ineligible|unfit|unable|incapable)\b",
    re.I,
)
# A bare "not" right after a short subject: "Lung function not compatible with surgery" (after a
# longer noun phrase it qualifies the concept: "... NSCLC not amenable to curative surgery").
_BARE_NOT = re.compile(
    r"\bnot\s+(?:a\s+)?(?:compatible|suitable|eligible|candidates?|amenable|able|willing|fit|allowed|permitted)\b",
    re.I,
)
_MAX_BARE_PREFIX_WORDS = 3
# Words that open a subordinate or coordinated clause: a negation after them does not negate the
# main concept ("Patients with X who are not ...", "Biopsy done and has not yet had therapy", "Are on a
# stable anti-HIV drug regimen or have not been on any ...": a mixed criterion).
_SUBORDINATE = re.compile(
    r"\b(?:who|that|which|whose|whom|where|if|when|unless|except|although|because|since|until|while|"
    r"whereas|than|other|but|provided|as\s+long\s+as)\b|\b(?:and|or|and/or)\s+(?:has|have|had|is|are|was|were|does|do|did|must|should|will|can|may)\b",
    re.I,
)
_PERSON_WITH = re.compile(rf"^{_PERSON}\s+with\b", re.I)
# A criterion phrased as the exclusion itself: "... will be excluded", "... are ineligible", "... will be
# considered ineligible", "Patients may not be entered ...". Not in a relative clause ("who are not
# eligible for transplantation"), nor before a capitalised word (a run-on line's next item starts there).
_EXCLUDED = re.compile(
    r"(?<!who\s)(?<!that\s)(?<!which\s)\b(?:(?:is|are|will\s+be|shall\s+be)\s+(?:(?:considered|deemed)\s+)?"
    r"(?:excluded|ineligible|not\s+eligible)|may\s+not\s+be\s+(?:entered|enrolled|included|registered|randomi[sz]ed|started|"
    r"treated|admitted))\b(?!\s+(?-i:[A-Z][a-z]))",
    re.I,
)
# The first clause ends at a semicolon or colon (also full-width, as records registered from China
# write them: "PD-L1 negative；") or at the end of the first sentence.
_FIRST_CLAUSE_END = re.compile(r"[;:；：。]|\.\s")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_MAX_PREFIX_WORDS = 10
# What a clause must hold (lower-cased) for some patterns to match it: most clauses hold none of
# them, and the searches are skipped. Only for an ASCII clause, whose case folding under re.I is
# then exactly str.lower's (re.I also matches "ı" and "ſ" to "i" and "s").
_EXCLUDED_WORDS = ("excluded", "eligible", "may")
_BARE_NOT_WORDS = ("not",)
_NAIVE_WORDS = ("naive", "nave")
_FOUND_NEGATIVE_ENDS = ("negative", "negative.", "undetectable", "undetectable.")
_VERB_NEGATION_WORDS = ("no", "never", "n't", "unsuitable", "ineligible", "unfit", "unable", "incapable")


def criterion_negated(text: str, section: str = INCLUSION) -> bool:
    """Whether a criterion asserts the absence of its main concept or an inability.

    True for "No steroid therapy required", "without activated EGFR mutation", "Must have a
    negative pregnancy test", "Patients who have not recovered ...", "Unable to swallow
    tablets", "Non-frail patients"; False for "Serious non-healing wound" (the negation only
    qualifies the concept) and for limits ("No more than 2 prior regimens"). Only the first
    clause counts (up to ``;``, ``:`` or the end of the first sentence), without parentheses.
    A line of PDQ sub-headed items ("Hepatic: No history of liver disease Renal: Not specified")
    is negated when every item that states something is; a mixed criterion is not ("Are on a
    stable regimen or have not been on any ...", "No active pneumocystosis. Patients ... must sign
    informed consent."). A heading's cue over the items listed under it is :func:`heading_negates`.
    """
    items = [item for item in labelled_items(text.strip()) if item and not _NOTHING.fullmatch(item)]
    return bool(items) and all(_clause_negated(item, section) and not _mixed(item, section) for item in items)


# Words too common to tie two sentences of a criterion to one concept.
_COMMON_WORDS = frozenset(
    [
        "with",
        "must",
        "have",
        "been",
        "that",
        "this",
        "their",
        "they",
        "them",
        "from",
        "will",
        "should",
        "patients",
        "patient",
        "subjects",
        "subject",
        "participants",
        "eligible",
        "study",
        "prior",
        "other",
        "than",
        "within",
        "after",
        "before",
        "least",
        "more",
        "less",
        # ("Women of child-bearing potential must use ..." does not share a concept with "the
        # potential for fetal harm")
        "potential",
    ]
)
_WORD = re.compile(r"[a-z][a-z-]{3,}")


# A sentence that is a requirement of its own on the patient: "Patients or their guardians must sign
# informed consent." (not a note or an exception: "Patients on prophylactic antimicrobials can be
# included", "Not applicable to participants who are surgically sterile").
_OWN_REQUIREMENT = re.compile(rf"^{_PERSON}(?:\s+(?:or|and)\s+(?:their\s+)?[\w-]+)?\s+(?:must|should|shall)\s", re.I)


def _mixed(text: str, section: str) -> bool:
    """Whether a negated criterion goes on with a sentence that requires another thing of the
    patient, not negated: "No active pneumocystosis. Patients or their guardians must sign informed
    consent." (a run-on criterion is negated only when every item on it asserts absence). A later
    sentence about the same concept is its detail ("No brain metastases. Patients with brain
    metastases must have been treated ...")."""
    starts = inner_sentence_starts(text)
    if not starts:
        return False
    concept = set(_WORD.findall(text[: starts[0]].lower())) - _COMMON_WORDS
    for begin, stop in zip(starts, [*starts[1:], len(text)], strict=True):
        sentence = text[begin:stop].strip()
        if _OWN_REQUIREMENT.match(sentence) is None:
            continue
        words = set(_WORD.findall(sentence.lower())) - _COMMON_WORDS
        if not words & concept and not _clause_negated(sentence, section):
            return True
    return False


def _clause_negated(text: str, section: str) -> bool:
    text = _JUDGMENT.sub(" ", _PERSON_LABEL.sub("", text, count=1))
    clause = _FIRST_CLAUSE_END.split(text, maxsplit=1)[0]
    clause = " ".join(_PARENTHESES.sub(" ", clause).split())
    run_on = _RUN_ON_CUE.search(clause, 1)
    if run_on is not None:
        clause = clause[: run_on.start()]
    if not clause or _TEXT_NOTE.match(clause):
        return False
    # "Patients with distant metastases will be excluded": under an inclusion heading it asserts
    # absence; under an exclusion heading it only restates the heading, and the rest of the
    # clause says what the criterion is ("Patients unable to comply ... are excluded").
    lower = clause.lower() if clause.isascii() else None
    excluded = _EXCLUDED.search(clause) if _may_hold(lower, _EXCLUDED_WORDS) else None
    if excluded is not None:
        if section == INCLUSION:
            return True
        clause = " ".join((clause[: excluded.start()] + clause[excluded.end() :]).split())
        lower = clause.lower() if lower is not None else None
    for pattern in (_START, _WITH_NO, _MUST_HAVE_NEGATIVE, _TEST_NEGATIVE):
        cue = pattern.match(clause)
        if cue is not None:
            if cue.group().lower().endswith("negative") and _ALSO_REQUIRED.search(text, cue.end()):
                return False
            if pattern is _START and _QUALIFIED_OBJECT.search(cue.group()):
                return False
            if _NOT_CONTROLLED.match(clause, cue.end()):
                return False
            other = _POSITIVE_PREDICATE.search(clause, cue.end()) if _VERBAL_CUE.search(cue.group()) else None
            if other is not None and not _RELATIVE.search(clause, cue.end(), other.start()):
                return False
            return not _limit_at(clause, cue.start(), cue.end())
    judged = _JUDGED_UNFIT.search(clause) if _may_hold(lower, _JUDGED_WORDS) else None
    if judged is not None and not _RELATIVE.search(clause, 0, judged.start()):
        return True
    if (
        _NON_PERSON.match(clause)
        or _NEGATIVE_PREDICATE.match(clause)
        or (_may_hold(lower, _NAIVE_WORDS) and _NAIVE.match(clause))
        or ((lower is None or lower.endswith(_FOUND_NEGATIVE_ENDS)) and _FOUND_NEGATIVE.match(clause))
    ):
        return True
    bare = _BARE_NOT.search(clause) if _may_hold(lower, _BARE_NOT_WORDS) else None
    if bare is not None and len(clause[: bare.start()].split()) <= _MAX_BARE_PREFIX_WORDS:
        return not _SUBORDINATE.search(clause[: bare.end()])
    verb = _VERB_NEGATION.search(clause) if _may_hold(lower, _VERB_NEGATION_WORDS) else None
    if verb is None or _limit_at(clause, verb.start(), verb.end()) or _NOT_CONTROLLED.match(clause, verb.end()):
        return False
    if len(clause[: verb.start()].split()) > _MAX_PREFIX_WORDS:
        return False
    return not (_SUBORDINATE.search(clause[: verb.end()]) or _PERSON_WITH.match(clause))


def _may_hold(lower: str | None, words: tuple[str, ...]) -> bool:
    """Whether a clause (``lower``: lower-cased, None when not ASCII) may hold one of ``words``."""
    return lower is None or any(word in lower for word in words)


def _limit_at(clause: str, start: int, end: int) -> bool:
    """Whether the negation cue at ``[start, end)`` opens a limit ("no more than", "not to exceed")."""
    limit = _LIMIT.search(clause, start)
    return limit is not None and limit.start() < end


# A heading that restates the exclusion ("Patients will not be eligible for this study if they:",
# "Patients with the following are excluded:") says what the list is, not that its items are absent.
_ELIGIBILITY_WORDS = re.compile(
    r"\b(?:eligib\w*|ineligible|excluded|exclusion|enrol\w*|participat\w*|included|entered|admitted)\b", re.I
)
# Nor does a heading whose list shows, defines or explains its concept rather than naming what is
# absent: "Inadequate bone marrow or other organ function as evidenced by:", "Nonmeasurable disease
# includes any of the following:", "No evidence of leukemia, as indicated by the following criteria:",
# "not currently a candidate for CSA treatment due to:"; nor one whose list is its exceptions ("No
# concurrent hormonal therapy, except for the following:"; but "..., unless ..., including any of
# the following:" lists what is absent).
_DEFINING = re.compile(
    r"\b(?:(?:evidenced|indicated|demonstrated|documented|shown|determined|measured)\s+by|includes?\b(?!\s*:)|means\b|"
    r"due\s+to|because\s+of)",
    re.I,
)
_EXCEPTING = re.compile(
    r"\b(?:except|excluding|other\s+than|unless|with\s+the\s+exception\s+of)\b(?!.*\b(?:including|such\s+as)\b)", re.I
)


def heading_negates(heading: str) -> bool:
    """Whether a heading line negates the items listed under it: its negation cue opens it ("No
    grade 3 or 4 toxicity for the following organ tissues:", "Patients must not have:") and it
    does not only restate the exclusion. Its items are then negated (contract v1.2: a cue covers
    the list it governs)."""
    # (A PDQ sub-heading before it is a label: "Other: No other major congenital abnormality, i.e.:".)
    clause = " ".join(_PARENTHESES.sub(" ", labelled_items(heading.strip())[-1].rstrip(":")).split())
    if not clause or _ELIGIBILITY_WORDS.search(clause) or _DEFINING.search(clause) or _EXCEPTING.search(clause):
        return False
    cue = _START.match(clause) or _WITH_NO.match(clause)
    return (
        cue is not None and not _PREFIXED_QUALITY.search(cue.group()) and not _limit_at(clause, cue.start(), cue.end())
    )


def requires(section: str, negated: bool) -> str:
    """What a patient must show for the criterion's main concept: inclusion asks for it unless
    negated, exclusion asks for its absence unless negated."""
    return PRESENT if (section == INCLUSION) != negated else ABSENT


def find_criteria(text: str, sections: list[dict]) -> list[Candidate]:
    """CRITERION candidates of every inclusion and exclusion section."""
    found: list[Candidate] = []
    for section in sections:
        name = section["name"]
        if name not in (INCLUSION, EXCLUSION):
            continue
        for start, end, heading in _criteria_units(text, section["start"], section["end"]):
            negated = criterion_negated(text[start:end], name) or (
                heading is not None and heading_negates(text[heading[0] : heading[1]])
            )
            found.append((start, end, {"section": name, "negated": negated, "requires": requires(name, negated)}))
    return found


class Criteria(Pipe):
    """Writes CRITERION spans into ``doc.spans[spans_key]`` from the doc's inclusion and
    exclusion sections (``doc._.trialspacy_sections``, set by the layout component or the reader)."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPAN_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found = find_criteria(doc_text(doc), doc._.trialspacy_sections or [])
        set_label_spans(doc, CRITERION, found, self.spans_key)
        return doc


@Language.factory(
    "trialspacy_criteria",
    assigns=["doc.spans", "span._.trialspacy_section", "span._.trialspacy_negated", "span._.trialspacy_requires"],
    requires=["doc._.trialspacy_sections"],
    default_config={"spans_key": SPAN_KEY},
)
def make_criteria(nlp: Language, name: str, spans_key: str) -> Criteria:
    """Factory of the criteria component."""
    return Criteria(nlp, name, spans_key=spans_key)
