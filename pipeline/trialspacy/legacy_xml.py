"""ClinicalTrials.gov legacy XML records (``clinical_study``, public.xsd) read into :class:`Record`.

The legacy format is what the bulk download ``AllPublicXML.zip`` held (one ``NCTnnnnnnnn.xml`` per
study, in folders ``NCTnnnnxxxx/``) and what many archives still hold. Each study's fields are
mapped onto their ClinicalTrials.gov API v2 names and rendered by :func:`render_ctgov_v2`, so both
formats give the same seed layout. Text blocks are hard-wrapped and indented; :func:`unwrap_textblock`
turns them back into one line per paragraph, bullet or heading.

XML is parsed with ``defusedxml``: entity declarations (billion laughs) and external references
(XXE) are refused, never expanded or fetched. Zip archives of them are read by :mod:`trialspacy.records`.
"""

import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import Errors, RecordError
from .records import Record, render_ctgov_v2

ROOT_TAG = "clinical_study"
FORMAT = "ctgov_legacy_xml"

# --- Text blocks --------------------------------------------------------------------------------

# The list markers of registry text: bullets, numbers, letters and roman numerals, each followed by
# white space ("-  Age", "1. Age", "(a) Age", "iv. Age").
_MARKER = re.compile(r"(?:[-*•·o]|\d{1,3}[.)]|\(\d{1,3}\)|[A-Za-z][.)]|\([A-Za-z]\)|(?:[ivx]{1,4}|[IVX]{1,4})[.)])\s")
# Lines shorter than this were not wrapped: no wrapping tool cuts registry text narrower.
_MIN_WRAP_WIDTH = 60
# PDQ's criteria headings (1999-2000 cancer records); the registry's export ran some of them into
# the paragraph they head ("DISEASE CHARACTERISTICS: Histologically confirmed ...").
_PDQ_HEADING = re.compile(r"^( *)(DISEASE CHARACTERISTICS|PATIENT CHARACTERISTICS|PRIOR CONCURRENT THERAPY):[ ]+(?=\S)")
# Words after which a line-final hyphen is a suspended one ("12-\nand 24-month"), kept with a space.
_SUSPENDED_HYPHEN_NEXT = frozenset(["and", "or", "nor", "to", "through", "&"])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_heading(body: str) -> bool:
    """An upper-case line ending in ``:`` (``DISEASE CHARACTERISTICS:``, ``INCLUSION CRITERIA:``)."""
    return body.endswith(":") and body.upper() == body and any(c.isalpha() for c in body)


def _starts_new_line(prev: str, line: str, item_indent: int, width: int | None) -> bool:
    """Whether ``line``, directly under ``prev`` (no blank line between), starts a new line of its
    own rather than continuing ``prev``.

    A line filled to the wrap width was cut by the wrapper, so what follows continues it whatever
    it looks like ("(ULN)", "0. Graft versus host ..."). A shorter line was ended on purpose when
    the next one starts a list item or a heading, when it ends a heading or lead-in (``:``), or
    when it ends a sentence and the next one starts a new one at the item's indentation (a line
    indented further is a hanging continuation of its bullet).
    """
    body = line.strip()
    if width is None:
        return True
    if len(prev) + 1 + len(body.split(None, 1)[0]) > width:
        return False
    prev_body = prev.strip()
    if _MARKER.match(body) or _is_heading(body) or prev_body.endswith(":"):
        return True
    return prev_body[-1] in ".;!?" and body[0].isupper() and _indent(line) <= item_indent


# A line ending in a word cut at its hyphen ("placebo-"): searched for from three characters
# before the end only (a match holds at most "x-\n"), since the line grows as it is joined.
_CUT_WORD_END = re.compile(r"\w-$")


def _joined(head: str, tail: str) -> str:
    """``head`` and its continuation ``tail``; a word cut at its hyphen ("placebo-\ncontrolled")
    is rejoined without a space."""
    if (
        _CUT_WORD_END.search(head, max(0, len(head) - 3))
        and tail.split(None, 1)[0].lower() not in _SUSPENDED_HYPHEN_NEXT
    ):
        return head + tail
    return head + " " + tail


def unwrap_textblock(text: str) -> str:
    """A legacy ``textblock`` as one line per paragraph, bullet, numbered item or heading.

    Continuation lines are joined to the line they continue; blank lines between paragraphs are
    kept (one at most), the indentation common to all lines is removed (deeper indentation, such
    as that of sub-bullets, is kept relative to it) and ``\\r`` is dropped. List items are never
    merged: a line that starts an item, or that follows a line ended before the wrap width, stays
    a line of its own.
    """
    rows = [row.expandtabs().rstrip() for row in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    filled = [row for row in rows if row]
    if not filled:
        return ""
    common = min(_indent(row) for row in filled)
    longest = max(len(row) for row in filled)
    width = longest if longest >= _MIN_WRAP_WIDTH else None
    out: list[str] = []
    prev: str | None = None
    item_indent = 0
    for row in rows:
        if not row:
            if out and out[-1]:
                out.append("")
            prev = None
        elif prev is not None and not _starts_new_line(prev, row, item_indent, width):
            out[-1] = _joined(out[-1], row.strip())
            prev = row
        else:
            out.append(row[common:])
            prev, item_indent = row, _indent(row)
    if out and not out[-1]:
        out.pop()
    return "\n".join(_PDQ_HEADING.sub("\\1\\2:\n\\1", line) for line in out)


# --- Records ------------------------------------------------------------------------------------


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _block(root: Element, path: str) -> str:
    """The unwrapped text block at ``path`` (``brief_summary``), or ""."""
    element = root.find(f"{path}/textblock")
    return unwrap_textblock(element.text or "") if element is not None else ""


def _markdown_safe(text: str) -> str:
    """Plain legacy text made safe for :func:`render_ctgov_v2`, which reads markdown: doubling
    backslashes makes its escape removal give the text back as written ("NYI\\NHL")."""
    return text.replace("\\", "\\\\")


def _intervention(element: Element) -> dict[str, Any]:
    # API v2 spells the types in upper case with underscores ("Dietary Supplement" -> DIETARY_SUPPLEMENT).
    kind = "_".join(_text(element.find("intervention_type")).upper().split())
    return {
        "type": kind,
        "name": _text(element.find("intervention_name")),
        "description": unwrap_textblock(_text(element.find("description"))),
        "otherNames": [_text(name) for name in element.iterfind("other_name") if _text(name)],
    }


def _outcomes(root: Element, tag: str) -> list[dict[str, str]]:
    return [
        {
            "measure": _text(outcome.find("measure")),
            "description": _text(outcome.find("description")),
            "timeFrame": _text(outcome.find("time_frame")),
        }
        for outcome in root.iterfind(tag)
    ]


def legacy_study(root: Element) -> dict[str, Any]:
    """A parsed ``clinical_study`` element as an API v2 study with the fields trialspacy renders
    (identification, description, conditions, interventions, outcomes, eligibility criteria)."""
    study = {
        "identificationModule": {
            "nctId": _text(root.find("id_info/nct_id")),
            "briefTitle": _text(root.find("brief_title")),
            "officialTitle": _text(root.find("official_title")),
        },
        "descriptionModule": {
            "briefSummary": _block(root, "brief_summary"),
            "detailedDescription": _block(root, "detailed_description"),
        },
        "conditionsModule": {"conditions": [_text(c) for c in root.iterfind("condition")]},
        "armsInterventionsModule": {"interventions": [_intervention(i) for i in root.iterfind("intervention")]},
        "outcomesModule": {
            "primaryOutcomes": _outcomes(root, "primary_outcome"),
            "secondaryOutcomes": _outcomes(root, "secondary_outcome"),
            "otherOutcomes": _outcomes(root, "other_outcome"),
        },
        "eligibilityModule": {"eligibilityCriteria": _block(root, "eligibility/criteria")},
    }
    return {"protocolSection": _escaped(study)}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return _markdown_safe(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return {k: _escaped(v) for k, v in value.items()}


# The NCT id read from the raw bytes, to name a record whose XML cannot be parsed.
_RAW_NCT_ID = re.compile(rb"<nct_id>\s*(NCT\d{8})\s*</nct_id>")


def parse_legacy_xml(data: bytes, source: str) -> Element:
    """The ``clinical_study`` root element of ``data``; raises RecordError when the XML is
    malformed, declares entities or external references, or is not a legacy study."""
    try:
        root = fromstring(data)
    except (DefusedXmlException, ParseError) as exc:
        found = _RAW_NCT_ID.search(data)
        nct_id = found.group(1).decode("ascii") if found else None
        if isinstance(exc, DefusedXmlException):
            raise RecordError(source, Errors.E035.format(reason=type(exc).__name__), record=nct_id) from None
        raise RecordError(source, Errors.E036.format(reason=exc), record=nct_id) from None
    if root.tag != ROOT_TAG:
        raise RecordError(source, Errors.E037.format(tag=root.tag))
    return root


def render_legacy_xml(data: bytes, source: str) -> Record:
    """A legacy ClinicalTrials.gov XML study (the bytes of one ``NCT*.xml`` file) as a Record in
    the seed layout, like an API v2 study; raises RecordError (with the NCT id when known)."""
    study = legacy_study(parse_legacy_xml(data, source))
    record = render_ctgov_v2(study, source)
    record.meta = {"format": FORMAT}
    return record
