"""The DRUG component: sets DRUG spans with ``normalized``, ``kind`` and ``drugbank_id``.

Recognition, in order of trust:

1. the compiled lexicon (``data/drug_lexicon.jsonl.gz``, built by ``scripts/build_drug_lexicon.py``):
   agents from DrugBank and the drug-named-entity-recognition dictionary, curated codes and
   classes, and *blocker* terms (``deny``) that occupy text which looks like a drug but is not
   (``insulin resistance``, lab analytes), so that no other rule claims it;
2. the record's own intervention list (``DRUG: Toripalimab injection combine with Axitinib``)
   as a gazetteer for the whole record, with misspellings of those names resolved;
3. investigational codes by shape (``LM103``, ``BGB-A317``), guarded against trial-text look-alikes;
4. unknown names with an INN/USAN stem (``-mab``, ``-tinib``) and vaccine product names
   (``Neo-DCVac``);
5. abbreviations defined in the text for a recognised long form.

Codes learn their generic name from the record when it says so: ``Toripalimab injection (JS001)``.
"""

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from ...lexicon import TermIndex, doc_text, package_data, tokenize_terms
from ...spans import DRUG, Candidate, set_label_spans
from .codes import find_codes, is_code_lookalike
from .context import given_as_therapy, is_measured
from .gazetteer import intervention_names, looks_like_name, occurrences, resolve_codes
from .packing import LEXICON_FILE, pack_lexicon, packed_index, unpack_lexicon
from .spelling import SpellingIndex
from .stems import INN_STEMS, LONG_WORD_RE, find_products, has_inn_stem

# The lexicon in a saved pipeline (see pack_lexicon): its name in ``exclude`` and ``to_bytes``,
# and its file in ``to_disk``.
LEXICON_KEY = "drug_lexicon"
PACKED_FILE = f"{LEXICON_KEY}.msgpack.gz"

Attrs = dict[str, Any]


def _attrs(payload: Attrs) -> Attrs:
    """Span attributes from a lexicon payload."""
    return {"normalized": payload["normalized"], "kind": payload["kind"], "drugbank_id": payload.get("drugbank_id")}


def _agent(normalized: str, drugbank_id: str | None = None) -> Attrs:
    """Span attributes of an agent."""
    return {"normalized": normalized, "kind": "agent", "drugbank_id": drugbank_id}


class DrugRecognizer(Pipe):
    """Sets DRUG spans with ``normalized``, ``kind`` and ``drugbank_id``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "trialspacy_drugs",
        *,
        stems: bool = True,
        products: bool = True,
        gazetteer: bool = True,
        spelling: bool = True,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.stems = stems
        self.products = products
        self.gazetteer = gazetteer
        self.spelling = spelling
        self._rows: list[Attrs] | None = None
        self._index: TermIndex | None = None
        # The lexicon restored by from_disk or from_bytes, as saved (see pack_lexicon).
        self._packed: bytes | None = None

    @property
    def rows(self) -> list[Attrs]:
        """The lexicon's records: those restored by :meth:`from_disk` or :meth:`from_bytes`, else
        the package data, read on first use (so that a restored pipeline reads its lexicon once)."""
        if self._rows is None:
            packed = self._packed
            self._rows = unpack_lexicon(packed) if packed is not None else package_data(LEXICON_FILE)
        return self._rows

    @property
    def index(self) -> TermIndex:
        """The lexicon as a :class:`TermIndex`."""
        if self._index is None:
            packed = self._packed
            self._index = packed_index(packed) if packed is not None else TermIndex.from_records(self.rows)
        return self._index

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = self._lexicon_spans(doc)
        listed = self._listed_names(doc, text) if self.gazetteer else []
        for name, attrs in listed:
            found.extend((start, end, attrs) for start, end in occurrences(text, name))
        taken = _taken_chars(found)
        shaped = find_codes(text) + (find_products(text) if self.products else [])
        found.extend((s, e, _agent(text[s:e].lower())) for s, e in shaped if not _overlaps(taken, s, e))
        if self.spelling:
            found.extend(self._misspelt_spans(text, found, listed))
        if self.stems:
            found.extend(self._stem_spans(doc, text, _taken_chars(found)))
        found.extend(_abbreviation_spans(doc, text, found))
        resolved = resolve_codes(text, found)
        if resolved:
            found = [(s, e, {**a, **resolved.get(text[s:e].lower(), {})}) for s, e, a in found]
        set_label_spans(doc, DRUG, found)
        return doc

    def _lexicon_spans(self, doc: Doc) -> list[Candidate]:
        """Lexicon matches, minus blockers, measured substances and cytokines not given as therapy."""
        found = []
        for start, end, payload in self.index.find(doc):
            if payload.get("deny") or is_measured(doc, start, end):
                continue
            if payload.get("context") == "therapy" and not given_as_therapy(doc, end):
                continue
            found.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), _attrs(payload)))
        return found

    def _listed_names(self, doc: Doc, text: str) -> list[tuple[str, Attrs]]:
        """Names from the record's interventions section with their attributes: the lexicon's
        when it knows the name, else the name as an agent if it looks like a proper name."""
        names: list[tuple[str, Attrs]] = []
        for section in doc._.sections or []:
            if section["name"] != "interventions":
                continue
            for name in intervention_names(text[section["start"] : section["end"]]):
                payload = self.index.get(tokenize_terms(self.nlp, [name])[0])
                if payload is not None:
                    if not payload.get("deny"):
                        names.append((name, _attrs(payload)))
                elif looks_like_name(name) and not is_code_lookalike(name):
                    names.append((name, _agent(name.lower())))
        return names

    def _stem_spans(self, doc: Doc, text: str, taken: set[int]) -> Iterator[Candidate]:
        """Single words not in the lexicon that carry an INN stem."""
        for match in LONG_WORD_RE.finditer(text):
            start, end = match.span()
            word = match.group().lower()
            if not word.endswith(INN_STEMS) or start in taken or not has_inn_stem(word):
                continue
            if self.index.get([match.group()]) is not None:
                continue
            span = doc.char_span(start, end)
            if span is not None and not is_measured(doc, span.start, span.end):
                yield start, end, _agent(word)

    def _misspelt_spans(
        self, text: str, found: Sequence[Candidate], listed: Sequence[tuple[str, Attrs]]
    ) -> Iterator[Candidate]:
        """Words that misspell an agent named in this record (``acitinib`` for ``Axitinib``)."""
        names: dict[str, Attrs] = {}
        for start, end, attrs in found:
            surface = text[start:end].lower()
            if attrs["kind"] == "agent" and surface.isalpha() and len(surface) >= 6:
                names.setdefault(surface, attrs)
        for name, attrs in listed:
            if name.isalpha() and len(name) >= 6:
                names.setdefault(name.lower(), attrs)
        index = SpellingIndex(names)
        if not index:
            return
        taken = _taken_chars(found)
        targets: dict[str, str | None] = {}
        for match in LONG_WORD_RE.finditer(text):
            word = match.group()
            if word not in targets:
                # The spelling look-up rejects most words at once; the lexicon look-up is dearer.
                target = None if word.isupper() else index.match(word.lower())
                targets[word] = target if target is None or self.index.get([word]) is None else None
            target = targets[word]
            if target is not None and match.start() not in taken:
                yield match.start(), match.end(), dict(names[target])

    def _packed_lexicon(self) -> bytes:
        """The lexicon in its saved form: as restored, else packed from the rows."""
        return self._packed if self._packed is not None else pack_lexicon(self.rows)

    def _write_lexicon(self, path: Path) -> None:
        path.write_bytes(self._packed_lexicon())

    def _restore(self, packed: bytes) -> None:
        """Take the lexicon of a saved pipeline and index it now, so that the first document
        does not pay for it (the package's copy is never read)."""
        self._packed = packed
        self._rows = None
        self._index = packed_index(packed)

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The lexicon, packed (see :func:`pack_lexicon`), as a bytestring."""
        return util.to_bytes({LEXICON_KEY: self._packed_lexicon}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "DrugRecognizer":
        """Restore the lexicon saved by :meth:`to_bytes`."""
        util.from_bytes(bytes_data, {LEXICON_KEY: self._restore}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the lexicon beside the component's config, packed (see :func:`pack_lexicon`)."""
        util.to_disk(path, {PACKED_FILE: self._write_lexicon}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "DrugRecognizer":
        """Restore the lexicon saved by :meth:`to_disk`."""
        util.from_disk(path, {PACKED_FILE: lambda p: self._restore(p.read_bytes())}, exclude)
        return self


def _taken_chars(found: Iterable[Candidate]) -> set[int]:
    """Character offsets covered by ``found``."""
    taken: set[int] = set()
    for start, end, _ in found:
        taken.update(range(start, end))
    return taken


def _overlaps(taken: set[int], start: int, end: int) -> bool:
    """True when any character of ``[start, end)`` is taken."""
    return any(i in taken for i in range(start, end))


def is_short_form(text: str) -> bool:
    """True for a plausible abbreviation: 2 to 10 characters without spaces, with a capital."""
    return 2 <= len(text) <= 10 and " " not in text and any(c.isupper() for c in text)


def _abbreviation_spans(doc: Doc, text: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """Every occurrence of a short form defined in the text for a recognised long form: a DRUG
    span equal to the long form, covering it, or ending it after one modifier word
    ("autologous [tumor infiltrating lymphocytes]")."""
    definitions = doc._.abbreviation_defs if doc.has_extension("abbreviation_defs") else None
    if not definitions:
        return
    for definition in definitions:
        long_start, long_end = definition["long"]
        if not is_short_form(definition["short_text"]) or is_code_lookalike(definition["short_text"]):
            continue
        for start, end, attrs in found:
            covers = start <= long_start and end >= long_end
            ends = end == long_end and long_start <= start and len(text[long_start:start].split()) <= 1
            if covers or ends:
                yield from ((s, e, attrs) for s, e in definition["occurrences"])
                break


@Language.factory(
    "trialspacy_drugs",
    assigns=["doc.spans", "span._.normalized", "span._.kind", "span._.drugbank_id"],
    requires=["doc._.sections", "doc._.abbreviation_defs"],
    default_config={"stems": True, "products": True, "gazetteer": True, "spelling": True},
)
def make_drugs(
    nlp: Language, name: str, stems: bool, products: bool, gazetteer: bool, spelling: bool
) -> DrugRecognizer:
    """Factory of the DRUG component."""
    return DrugRecognizer(nlp, name, stems=stems, products=products, gazetteer=gazetteer, spelling=spelling)
