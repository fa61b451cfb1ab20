"""Where the parts of a registry text are: sections and outcome items, from the text alone.

Pure functions, text in, character offsets out. Three layouts are recognised:

- the seed layout: line 1 title, 2 brief summary, 3 conditions, 4 interventions (``TYPE: name``
  items), 5 primary and 6 secondary outcomes (``|``-separated items), 7 on the detailed description,
  then optionally ``Other Outcome Measures: ...`` and an eligibility part;
- the headed layout: a first line such as ``Overview`` heading the description;
- eligibility headings (``Inclusion Criteria:``, ``Key Exclusion Criteria``, ``**Eligibility**``)
  alone on their line anywhere in any text, with ``~`` treated as a line break (AACT criteria).

Offsets are ``[start, end)`` into the text as given; sections and items exclude surrounding
white space. A section that starts at a heading includes the heading line.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from .text import Span, alternation, line_spans, trim

SECTION_NAMES: tuple[str, ...] = (
    "title",
    "summary",
    "conditions",
    "interventions",
    "primary_outcomes",
    "secondary_outcomes",
    "other_outcomes",
    "description",
    "eligibility",
    "inclusion",
    "exclusion",
)
OUTCOME_ROLES: tuple[str, ...] = ("primary", "secondary", "other")

# The seed layout's lines 1-6, in order (the first six section names); line 7 on is the description.
SEED_LINES: tuple[str, ...] = SECTION_NAMES[:6]
ITEM_SEPARATOR = "|"
OTHER_OUTCOMES_LABEL = "Other Outcome Measures: "
ELIGIBILITY_HEADING = "Eligibility"

# ClinicalTrials.gov's intervention types: the API v2 enumeration and AACT's capitalised forms.
INTERVENTION_TYPES: tuple[str, ...] = (
    "DRUG",
    "BIOLOGICAL",
    "RADIATION",
    "PROCEDURE",
    "DEVICE",
    "BEHAVIORAL",
    "GENETIC",
    "DIETARY_SUPPLEMENT",
    "COMBINATION_PRODUCT",
    "DIAGNOSTIC_TEST",
    "OTHER",
)
_TYPE_ALTERNATIVES = alternation({t for name in INTERVENTION_TYPES for t in (name, name.replace("_", " ").title())})
_INTERVENTION_ITEM = re.compile(rf"\s*(?:{_TYPE_ALTERNATIVES})\s*:\s*\S")

# Headings of the headed layout (seed 004) that start a named section.
_TOP_HEADINGS: dict[str, str] = {
    "overview": "description",
    "description": "description",
    "detailed description": "description",
    "brief summary": "summary",
    "summary": "summary",
}

Section = dict[str, Any]


@dataclass
class Layout:
    """The sections and outcome items of a text (both lists of JSON-safe dicts)."""

    sections: list[Section] = field(default_factory=list)
    outcome_items: list[Section] = field(default_factory=list)


def split_items(text: str, start: int, end: int, separator: str = ITEM_SEPARATOR) -> list[Span]:
    """The non-empty ``separator``-delimited items of ``text[start:end]``, trimmed."""
    items = []
    pos = start
    while pos <= end:
        stop = text.find(separator, pos, end)
        stop = end if stop < 0 else stop
        item = trim(text, pos, stop)
        if item[0] < item[1]:
            items.append(item)
        pos = stop + 1
    return items


# A heading line: bullets, numbering and markdown marks around some words, then ``:`` or a dash.
_HEADING_LINE = re.compile(
    r"""^[\s\-*•·+>#\\_]*
    (?:(?:\d+(?:\.\d+)*\.?|[ivxIVX]+[.)]|[A-Za-z][.)]|\([A-Za-z0-9]+\))\s+)?
    [\s*_\\]*
    (?P<words>[^:*\\]*?)
    [\s*_\\]*
    (?P<end>:|\s[-–—]+|[-–—]+)?
    (?:\s*\([^()]*\))?
    [\s*_\\]*$""",
    re.X,
)
_PREFIX = r"(?:(?:key|main|major|primary|general|additional|other|further|basic|principal|specific|study|patient|subject)\s+)?"
_CRITERIA = r"(?:\s+criteri(?:a|on|as))?"
_INCLUSION_EXCLUSION = re.compile(rf"^{_PREFIX}(?P<kind>in|ex)clusions?{_CRITERIA}$", re.I)
_INELIGIBILITY = re.compile(rf"^{_PREFIX}(?:(?:in|non-?)eligibility|non-?inclusion){_CRITERIA}$", re.I)
_ELIGIBILITY = re.compile(
    rf"^(?:(?:patient|subject|participant|study|trial)\s+)?"
    rf"(?:eligibility{_CRITERIA}|inclusion\s*(?:/|and|&)\s*exclusion\s+criteria)$",
    re.I,
)
# With a colon a heading may say more: "Inclusion criteria specific to Cohort A1:".
_NAMED_CRITERIA = re.compile(r"\b(non-?in|in|ex)clusion(?:\s+criteri(?:a|on)|s$)", re.I)
_BOTH_KINDS = re.compile(r"inclusion\s*(?:and|or|/|&)\s*exclusion", re.I)
_MAX_HEADING_CHARS = 120


def heading_kind(line: str) -> str | None:
    """``"eligibility"``, ``"inclusion"`` or ``"exclusion"`` when the line is only such a heading
    (``Key Inclusion Criteria:``, ``EXCLUSION CRITERIA``, ``**Eligibility**``), else None."""
    line = line.strip()
    if not line or len(line) > _MAX_HEADING_CHARS:
        return None
    lower = line.lower()
    if "clusion" not in lower and "ligib" not in lower:
        return None
    match = _HEADING_LINE.match(line)
    if match is None or not match.group("words"):
        return None
    words = " ".join(match.group("words").replace("_", " ").split())
    colon = match.group("end") is not None and match.group("end").strip() == ":"
    # Without a colon, a lower-case line is more likely a wrapped sentence ("...criteria for\nexclusion").
    if not colon and not words[0].isupper():
        return None
    if _ELIGIBILITY.match(words):
        return "eligibility"
    if _INELIGIBILITY.match(words):
        return "exclusion"
    kind = _INCLUSION_EXCLUSION.match(words)
    if kind:
        return "inclusion" if kind.group("kind").lower() == "in" else "exclusion"
    if colon and words[0].isupper():
        if _BOTH_KINDS.search(words):
            return "eligibility"
        named = {"in" if m.lower() == "in" else "ex" for m in _NAMED_CRITERIA.findall(words)}
        if len(named) == 1:
            return "inclusion" if named == {"in"} else "exclusion"
    return None


def _section(name: str, span: Span) -> Section:
    return {"name": name, "start": span[0], "end": span[1]}


def sort_sections(sections: list[Section]) -> list[Section]:
    """Sections by start, the enclosing one first."""
    return sorted(sections, key=lambda s: (s["start"], -s["end"]))


def eligibility_sections(text: str, start: int = 0, end: int | None = None) -> list[Section]:
    """The ``eligibility``, ``inclusion`` and ``exclusion`` sections of ``text[start:end]``.

    The eligibility part runs from its first heading (``Eligibility``, or the first inclusion or
    exclusion heading) to the end of the range. Each inclusion or exclusion section runs from its
    heading to the next heading of the other kind; criteria with no inclusion heading before the
    first exclusion heading (or none at all) under an eligibility heading form an inclusion section,
    as the contract reads them. Returns [] when there is no heading.
    """
    end = len(text) if end is None else end
    rows = [trim(text, *row) for row in line_spans(text, start, end, tilde="break")]
    heads = [(i, kind) for i, kind in ((i, heading_kind(text[s:e])) for i, (s, e) in enumerate(rows)) if kind]
    if not heads:
        return []
    # A results or adverse-event block after the criteria (NLI4CT reports) ends the eligibility part.
    stop_row = next(
        (i for i in range(heads[0][0] + 1, len(rows)) if _ENDS_ELIGIBILITY.match(text[rows[i][0] : rows[i][1]])), None
    )
    if stop_row is not None:
        rows = rows[:stop_row]
        heads = [(i, kind) for i, kind in heads if i < stop_row]

    def content_end(stop: int) -> int:
        """End of the last non-blank line before line ``stop`` (lines exclude their ``~``)."""
        i = stop - 1
        while rows[i][0] == rows[i][1]:
            i -= 1
        return rows[i][1]

    sections = [_section("eligibility", (rows[heads[0][0]][0], content_end(len(rows))))]
    # Consecutive headings of one kind ("Key Inclusion Criteria:" then "Disease-specific inclusion
    # criteria:") open one section.
    blocks: list[tuple[int, str]] = []
    for i, kind in heads:
        if kind in ("inclusion", "exclusion") and (not blocks or blocks[-1][1] != kind):
            blocks.append((i, kind))
    if not any(kind == "inclusion" for _, kind in blocks):
        heading_rows = {i for i, _ in heads}
        first = heads[0][0]
        content = next((i for i in range(first, len(rows)) if i not in heading_rows and rows[i][0] < rows[i][1]), None)
        if content is not None and (not blocks or content < blocks[0][0]):
            blocks.insert(0, (content, "inclusion"))
    for n, (i, kind) in enumerate(blocks):
        stop = blocks[n + 1][0] if n + 1 < len(blocks) else len(rows)
        sections.append(_section(kind, (rows[i][0], content_end(stop))))
    return sort_sections(sections)


_ENDS_ELIGIBILITY = re.compile(
    r"^(?:Outcome Measurement:|Results(?:\s+\d+)?:|Adverse Events(?:\s+\d+)?:|Arm/Group Title:)"
)
_OUTCOME_LABEL = "Outcome Measurement:"
_TIME_FRAME_LABEL = "Time frame:"


def outcome_measurement(text: str, rows: list[Span]) -> Layout:
    """The primary outcome of a report laid out like NLI4CT (``Outcome Measurement:``, the measure,
    its description, ``Time frame: ...``): a ``primary_outcomes`` section from the label line to the
    time frame, and one outcome item without the label line."""
    label = next((i for i, row in enumerate(rows) if _line_text(text, row).strip() == _OUTCOME_LABEL), None)
    if label is None:
        return Layout(sections=[], outcome_items=[])
    frame = next(
        (i for i in range(label + 1, len(rows)) if _line_text(text, rows[i]).startswith(_TIME_FRAME_LABEL)), None
    )
    last = rows[frame if frame is not None else len(rows) - 1]
    start, end = trim(text, rows[label][0], last[1])
    item = trim(text, rows[label][1], last[1])
    items = [{"role": "primary", "start": item[0], "end": item[1]}] if item[0] < item[1] else []
    return Layout(sections=[_section("primary_outcomes", (start, end))], outcome_items=items)


def _line_text(text: str, span: Span) -> str:
    return text[span[0] : span[1]]


def _is_interventions_line(line: str) -> bool:
    items = line.split(ITEM_SEPARATOR)
    return bool(line.strip()) and all(_INTERVENTION_ITEM.match(item) for item in items)


def _is_other_outcomes_line(line: str) -> bool:
    return line.startswith(OTHER_OUTCOMES_LABEL.rstrip())


def _ends_description(line: str) -> bool:
    return _is_other_outcomes_line(line) or heading_kind(line) is not None


def _is_seed_layout(text: str, rows: list[Span]) -> bool:
    """Lines 1-6 fit the seed layout: a title, and line 4 of ``TYPE: name`` items, or an empty
    line 4 with a summary and, further down, ``Eligibility`` or ``Other Outcome Measures:``."""
    if len(rows) < len(SEED_LINES):
        return False
    title = _line_text(text, rows[0]).strip()
    if not title or len(title) > 500 or any(heading_kind(_line_text(text, r)) for r in rows[:3]):
        return False
    fourth = _line_text(text, rows[3])
    if fourth.strip():
        return _is_interventions_line(fourth)
    if not _line_text(text, rows[1]).strip():
        return False
    return any(
        _line_text(text, r).strip() == ELIGIBILITY_HEADING or _is_other_outcomes_line(_line_text(text, r))
        for r in rows[len(SEED_LINES) :]
    )


def _seed_layout(text: str, rows: list[Span]) -> Layout:
    layout = Layout()
    for name, row in zip(SEED_LINES, rows):
        span = trim(text, *row)
        if span[0] < span[1]:
            layout.sections.append(_section(name, span))
    for role, row in (("primary", rows[4]), ("secondary", rows[5])):
        layout.outcome_items += [{"role": role, "start": s, "end": e} for s, e in split_items(text, *row)]
    rest = rows[len(SEED_LINES) :]
    stop = next((i for i, r in enumerate(rest) if _ends_description(_line_text(text, r))), len(rest))
    if rest:
        description_end = rest[stop][0] if stop < len(rest) else len(text)
        span = trim(text, rest[0][0], description_end)
        if span[0] < span[1]:
            layout.sections.append(_section("description", span))
    eligibility_from = rest[stop][0] if stop < len(rest) else len(text)
    if stop < len(rest) and _is_other_outcomes_line(_line_text(text, rest[stop])):
        row = rest[stop]
        layout.sections.append(_section("other_outcomes", trim(text, *row)))
        items = split_items(text, row[0] + len(OTHER_OUTCOMES_LABEL.rstrip()), row[1])
        layout.outcome_items += [{"role": "other", "start": s, "end": e} for s, e in items]
        eligibility_from = row[1]
    layout.sections += eligibility_sections(text, eligibility_from)
    return layout


def _top_heading(line: str) -> str | None:
    return _TOP_HEADINGS.get(line.strip().rstrip(":").strip().lower())


def _headed_layout(text: str, rows: list[Span]) -> Layout | None:
    """Seed 004's layout: a first line such as ``Overview``, its text, then the eligibility part."""
    filled = [r for r in rows if _line_text(text, r).strip()]
    if not filled or _top_heading(_line_text(text, filled[0])) is None:
        return None
    layout = Layout()
    eligibility = eligibility_sections(text)
    stop = eligibility[0]["start"] if eligibility else len(text)
    heads = [(r[0], name) for r in filled if r[0] < stop and (name := _top_heading(_line_text(text, r)))]
    for i, (pos, name) in enumerate(heads):
        span = trim(text, pos, heads[i + 1][0] if i + 1 < len(heads) else stop)
        layout.sections.append(_section(name, span))
    layout.sections += eligibility
    return layout


def parse_layout(text: str) -> Layout:
    """The sections and outcome items of ``text``: seed layout, headed layout, or eligibility
    headings alone; plain text gives an empty layout."""
    rows = line_spans(text)
    if _is_seed_layout(text, rows):
        layout = _seed_layout(text, rows)
    else:
        layout = _headed_layout(text, rows) or Layout(sections=eligibility_sections(text))
        if not layout.outcome_items:
            reported = outcome_measurement(text, rows)
            layout.sections += reported.sections
            layout.outcome_items = reported.outcome_items
    layout.sections = sort_sections(layout.sections)
    return layout
