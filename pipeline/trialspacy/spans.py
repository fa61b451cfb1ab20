"""The span contract in code: labels, their attributes, and the extension table.

Every component writes into ``doc.spans[spans_key]`` (:data:`SPAN_KEY` unless configured) through
:func:`set_label_spans`, which keeps one label's spans free of overlaps and stores the attributes as
``Span._`` extensions holding JSON-safe values only (so ``DocBin`` and ``n_process > 1`` work).

Every extension name starts with :data:`EXTENSION_PREFIX` (``span._.trialspacy_negated``,
``doc._.trialspacy_sections``): spaCy's extensions are one global namespace per class, and the
plain names (``sections``, ``section``, ``kind``...) are taken by other packages (medspaCy's
sectionizer sets ``Doc._.sections`` to its own objects). The contract's attribute names stay
unprefixed: :func:`ext` maps one to its extension.
"""

import functools
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .errors import Errors
from .lexicon import doc_text
from .text import contains

SPAN_KEY = "trialspacy"

DRUG = "DRUG"
RADIATION_DOSE = "RADIATION_DOSE"
ENDPOINT = "ENDPOINT"
TIMEFRAME = "TIMEFRAME"
CRITERION = "CRITERION"
LABELS: tuple[str, ...] = (DRUG, RADIATION_DOSE, ENDPOINT, TIMEFRAME, CRITERION)

# Attributes of each label, in the order the contract lists them.
LABEL_ATTRS: dict[str, tuple[str, ...]] = {
    DRUG: ("negated", "normalized", "kind", "drugbank_id"),
    RADIATION_DOSE: ("negated", "dose_gy", "dose_kind", "fractions", "total_gy"),
    ENDPOINT: ("negated", "canonical", "abbreviation"),
    TIMEFRAME: ("negated", "kind", "value", "value_max"),
    CRITERION: ("negated", "section", "requires"),
}

EXTENSION_PREFIX = "trialspacy_"


def ext(name: str) -> str:
    """The extension holding attribute ``name``: ``ext("negated") == "trialspacy_negated"``."""
    return EXTENSION_PREFIX + name


# The one table of span extensions: contract attribute name -> default (the extension is ext(name)).
SPAN_ATTRS: dict[str, Any] = {"negated": False}
for _names in LABEL_ATTRS.values():
    for _name in _names:
        SPAN_ATTRS.setdefault(_name, None)
# Extension names by label, in LABEL_ATTRS order: set_label_spans and span_attrs run per span.
_LABEL_EXTENSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    label: tuple((name, ext(name)) for name in names) for label, names in LABEL_ATTRS.items()
}

# Document extensions (by their name after the prefix): the record id and source, the sections and
# the outcome items (set by the reader or the layout component) and the abbreviations the text
# defines (the abbreviation component).
DOC_ATTRS: dict[str, Any] = {
    "record_id": None,
    "source": None,
    "sections": None,
    "outcome_items": None,
    "abbreviation_defs": None,
}


def register_extensions() -> None:
    """Register the span and doc extensions once (idempotent)."""
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(ext(name)):
            Span.set_extension(ext(name), default=default)
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(ext(name)):
            Doc.set_extension(ext(name), default=default)


register_extensions()

Candidate = tuple[int, int, dict[str, Any]]
# The order of a span group: by offsets, then label (a key function in C, not a lambda).
_ORDER = attrgetter("start_char", "end_char", "label_")


def snap(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of exactly ``[start, end)``, or grown to token boundaries over punctuation only
    (``5f.`` glued in one token); None when that would cut or add a letter or digit."""
    return _snap(doc, doc_text(doc), start, end, label)


def _snap(doc: Doc, text: str, start: int, end: int, label: str) -> Span | None:
    """:func:`snap` with the doc's text (read once for all of a label's candidates)."""
    span = doc.char_span(start, end, label=label)
    if span is not None:
        return span if text[start:end].strip() else None
    grown = doc.char_span(start, end, label=label, alignment_mode="expand")
    if grown is None:
        return None
    extra = text[grown.start_char : start] + text[end : grown.end_char]
    return None if any(ch.isalnum() for ch in extra) else grown


def set_label_spans(doc: Doc, label: str, candidates: Iterable[Candidate], spans_key: str = SPAN_KEY) -> list[Span]:
    """Replace the spans of ``label`` in the doc's span group ``spans_key`` by ``candidates``.

    Each candidate is ``(start_char, end_char, attrs)``. Offsets are snapped to token boundaries
    (see :func:`snap`; a candidate that cannot be snapped is dropped);
    overlaps within the label are resolved longest-first. Attributes not given take the table's
    defaults. Returns the kept spans.
    """
    made: list[tuple[Span, dict[str, Any]]] = []
    text = doc_text(doc)
    for start, end, attrs in candidates:
        span = _snap(doc, text, start, end, label)
        if span is not None:
            made.append((span, attrs))
    by_key = {(s.start, s.end): a for s, a in made}
    kept = filter_spans([s for s, _ in made])
    group = doc.spans.get(spans_key)
    label_id = doc.vocab.strings[label]
    others = [s for s in group if s.label != label_id] if group is not None else []
    allowed = set(LABEL_ATTRS[label])
    user_data = doc.user_data
    for span in kept:
        attrs = by_key[(span.start, span.end)]
        unknown = set(attrs) - allowed
        if unknown:
            raise ValueError(Errors.E072.format(label=label, names=sorted(unknown), allowed=list(allowed)))
        key = _extension_key(span)
        for name, extension in _LABEL_EXTENSIONS[label]:
            user_data[key(extension)] = attrs.get(name, SPAN_ATTRS[name])
    doc.spans[spans_key] = sorted(others + kept, key=_ORDER)
    return kept


def label_spans(doc: Doc, label: str | None = None, spans_key: str = SPAN_KEY) -> list[Span]:
    """The doc's trialspacy spans (in group ``spans_key``), of one label or all, sorted by offsets."""
    group = doc.spans.get(spans_key)
    if group is None:
        return []
    if label is None:
        return sorted(group, key=_ORDER)
    label_id = doc.vocab.strings[label]
    return sorted((s for s in group if s.label == label_id), key=_ORDER)


def pipeline_spans_key(nlp: Language) -> str:
    """The span group the trialspacy components of ``nlp`` write (their ``spans_key`` setting),
    :data:`SPAN_KEY` when none of them has the setting; raises ValueError when they disagree."""
    keys = {
        nlp.get_pipe_config(name)["spans_key"]
        for name in nlp.pipe_names
        if nlp.get_pipe_meta(name).factory.startswith("trialspacy_") and "spans_key" in nlp.get_pipe_config(name)
    }
    if len(keys) > 1:
        raise ValueError(Errors.E140.format(keys=sorted(keys)))
    return keys.pop() if keys else SPAN_KEY


def span_attrs(span: Span) -> dict[str, Any]:
    """The contract's ``attrs`` of a span (ranges as lists, also after a DocBin round trip)."""
    user_data = span.doc.user_data
    key = _extension_key(span)
    attrs = {}
    for name, extension in _LABEL_EXTENSIONS[span.label_]:
        value = user_data.get(key(extension), SPAN_ATTRS[name])
        attrs[name] = list(value) if isinstance(value, tuple) else value
    return attrs


def _extension_key(span: Span) -> Callable[[str], Any]:
    """The ``doc.user_data`` key of a span's extension by name, as ``span._`` stores it.

    The span extensions of :data:`SPAN_ATTRS` are plain values (a default, no getter, setter or
    method), so ``span._.x`` is ``doc.user_data.get(key("x"), default)`` and setting it stores
    under that key. Reading and writing ``doc.user_data`` directly costs half of going through
    ``Underscore.__getattr__`` and ``__setattr__`` for each attribute (about 100,000 spans, each
    written and read with 3-5 attributes, in the benchmark corpus); the key is the accessor's
    own, whose layout differs between spaCy versions (later ones add the label and ids): where it
    is the span's offsets alone (see :func:`_offset_keys`), the key is made from them, without the
    accessor object that ``span._`` makes on every access.
    """
    if _offset_keys():
        start, end = span.start_char, span.end_char
        return lambda extension: ("._.", extension, start, end)
    return span._._get_key


@functools.cache
def _offset_keys() -> bool:
    """Whether this spaCy keys a span's extension values by the name and the span's character
    offsets alone (spaCy 3.7: ``("._.", name, start_char, end_char)``), as seen on a probe span."""
    probe = Doc(Vocab(), words=["a", "b"])[1:2]
    return bool(probe._._get_key("x") == ("._.", "x", probe.start_char, probe.end_char))


def sections_at(doc: Doc, start: int, end: int) -> Sequence[str]:
    """Names of the doc's sections containing ``[start, end)``, outermost first."""
    # Imported here: contract.py builds on this module's label table.
    found = [s for s in (doc._.trialspacy_sections or []) if contains(s, start, end)]
    found.sort(key=lambda s: (s["start"], -s["end"]))
    return [s["name"] for s in found]
