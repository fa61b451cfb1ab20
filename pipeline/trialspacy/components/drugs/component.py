"""The DRUG component: sets DRUG spans with ``normalized``, ``kind`` and ``drugbank_id``.

Recognition, in order of trust:

1. the compiled lexicon (``data/drug_lexicon.jsonl.gz``, built by ``scripts/build_drug_lexicon.py``):
   agents from DrugBank and the drug-named-entity-recognition dictionary, curated codes and
   classes, and *blocker* terms (``deny``) that occupy text which looks like a drug but is not
   (``insulin resistance``, lab analytes), so that no other rule claims it;
2. the record's own intervention list (``DRUG: Toripalimab injection combine with Axitinib``)
   as a gazetteer for the whole record, with misspellings of those names resolved (and of the
   dictionary's generic names, one edit away with both ends kept: ``selegeline``); with
   ``authoritative_list`` (contract v1.2) every agent-naming type is read and a listed name is a
   drug whatever its shape (a code the guards take for a gene or a scale);
3. investigational codes by shape (``LM103``, ``BGB-A317``), guarded against trial-text look-alikes;
4. unknown names with an INN/USAN stem (``-mab``, ``-tinib``), vaccine product names
   (``Neo-DCVac``), vaccines named by an abbreviated pathogen (``HPV vaccine``), brand names the
   record marks with ``®`` where one stands as a drug does (``treated with EXPAREL``; see
   :mod:`.marks`), and plurals of generic names, each a family of agents (``amphetamines``);
5. abbreviations defined in the text for a recognised long form;
6. drug classes the lexicon does not list, by their grammar (``MEK inhibitors``, ``anti-CD20
   antibodies``, ``vasoactive drugs``; see :mod:`.classes`);
7. short names given in parentheses right after an agent or a list of agents, which the general
   abbreviation finder cannot tie to the long form ("zidovudine (AZT)", "A/B/C/D (CECP)"; see
   :mod:`.aliases`), and a name in capitals given as one of the drugs named after it ("MEOF or other
   halogenated anesthetics"; see :mod:`.members`);
8. fixed-dose combination products written ``A-B`` with an agent marketed only in combination
   (``piperacillin-tazobactam``, ``carbidopa-levodopa``; see :mod:`.fixed_combinations`);
9. with ``scorer`` on, words in drug contexts that the rules left alone, kept by a learned
   scorer (see :mod:`.learned`).

Codes learn their generic name from the record when it says so: ``Toripalimab injection (JS001)``.
With ``formulations`` (contract v1.2's normalization), an agent's span grows over the formulation and
salt words written with it (``liposomal doxorubicin``, ``imatinib mesylate``; see :mod:`.formulations`)
and over the radionuclide written before it (``iodine I 131 tositumomab``) or a tracer's isotope label
in brackets (``[18F]AH111585``, ``AH111585 (18F)``; see :mod:`.radiolabels`),
and the record's own name for a code or an abbreviation wins over the lexicon's ("NPI-0052 (also
known as marizomib)", "ganciclovir (also known as DHPG)"). A class's span grows over its generic head
and its generation (``third-generation EGFR inhibitor drugs``), a named antibody is one agent
(``monoclonal antibody 81C6``), and an interferon takes its subtype (``IFN alfa-2b``; see
:mod:`.boundaries`).
"""

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList

from ...lexicon import TermIndex, doc_tokens, folded_text, package_data, read_jsonl, tokenize_terms, write_jsonl
from ...spans import DRUG, SPAN_KEY, Candidate, set_label_spans
from ...terms import check_terms, read_terms, term_key
from ..abbreviations import long_form
from .aliases import alias_spans, is_short_name, regimen_gap
from .boundaries import bounded_spans
from .classes import NOT_CLASS, class_spans, grammar_class
from .codes import find_codes, is_code_lookalike
from .context import (
    CONSUMED,
    CYTOKINE_NAME_RE,
    MEASURED_AFTER,
    allergenic_extract,
    compared,
    given_as_product,
    given_as_therapy,
    is_measured,
    listed_beside,
    names_other_after_non,
    names_pathogen,
    names_property,
    names_resistance,
)
from .fixed_combinations import combination_spans
from .formulations import extend_formulations
from .gazetteer import (
    CORE_TYPES,
    GAZETTEER_TYPES,
    NOT_AGENTS,
    listed_names,
    looks_like_name,
    names_agent,
    occurrences,
    resolve_codes,
)
from .learned import SCORER_FILE, DrugScorer, default_scorer_bytes
from .marks import NOT_PRODUCT_AFTER, marked_names
from .members import member_names
from .packing import LEXICON_FILE, pack_lexicon, packed_index, unpack_lexicon
from .radiolabels import extend_isotope_labels, extend_radiolabels, radioactive_spans
from .spelling import SpellingIndex
from .stems import INN_STEMS, LONG_WORD_RE, find_contained_names, find_named_vaccines, find_products, has_inn_stem
from .tracers import compact_label, labelled_code_spans, tracer_names, tracer_spans

# The lexicon in a saved pipeline (see pack_lexicon): its name in ``exclude`` and ``to_bytes``,
# and its file in ``to_disk``.
LEXICON_KEY = "drug_lexicon"
PACKED_FILE = f"{LEXICON_KEY}.msgpack.gz"
# The user's terms (see trialspacy.terms): their key and file, likewise.
TERMS_KEY = "drug_terms"
TERMS_FILE = f"{TERMS_KEY}.jsonl"
# The learned scorer's weights (see learned.DrugScorer.to_bytes): their key and file, likewise.
SCORER_KEY = "drug_scorer"
# The endings of a generic name whose final e German, Dutch and Nordic text leaves off
# (``prednisolon`` for prednisolone, ``morphin`` for morphine): read as that name.
_DROPPED_E_ENDS = frozenset({"on", "in"})

Attrs = dict[str, Any]


def _attrs(payload: Attrs) -> Attrs:
    """Span attributes from a lexicon payload."""
    return {"normalized": payload["normalized"], "kind": payload["kind"], "drugbank_id": payload.get("drugbank_id")}


def _agent(normalized: str, drugbank_id: str | None = None) -> Attrs:
    """Span attributes of an agent."""
    return {"normalized": normalized, "kind": "agent", "drugbank_id": drugbank_id}


def _listed_agent(name: str) -> Attrs:
    """Span attributes of a name the record lists that the lexicon does not know: an agent, unless
    its grammar makes it a class (``DRUG: PD-1 Inhibitors``)."""
    return grammar_class(name) or _agent(name.lower())


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
        class_grammar: bool = True,
        authoritative_list: bool = True,
        formulations: bool = True,
        aliases: bool = True,
        scorer: bool = False,
        spans_key: str = SPAN_KEY,
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.stems = stems
        self.products = products
        self.gazetteer = gazetteer
        self.spelling = spelling
        self.class_grammar = class_grammar
        self.authoritative_list = authoritative_list
        self.formulations = formulations
        self.aliases = aliases
        self.scorer = scorer
        self.spans_key = spans_key
        self._rows: list[Attrs] | None = None
        self._index: TermIndex | None = None
        # The lexicon restored by from_disk or from_bytes, as saved (see pack_lexicon).
        self._packed: bytes | None = None
        # The user's terms by name (trialspacy.terms.term_key), on top of the lexicon.
        self._terms: dict[str, Attrs] = {}
        # The scorer's weights as saved: restored by from_disk or from_bytes, else the package's.
        self._scorer_bytes: bytes | None = None
        self._scorer: DrugScorer | None = None
        # The lexicon's generic names by name, the (first two letters, last three, length) a
        # one-edit misspelling of one of them has, and their spelling index (see generic_ends).
        self._generic_names: dict[str, Attrs] | None = None
        self._generic_ends: frozenset[tuple[str, str, int]] = frozenset()
        self._generic_spellings: SpellingIndex | None = None
        # The tracers' names without their isotope label (see tracers.tracer_names), read on first use.
        self._tracer_names: dict[str, Attrs] | None = None

    @property
    def drug_scorer(self) -> DrugScorer:
        """The learned scorer, read on first use."""
        if self._scorer is None:
            self._scorer = DrugScorer.from_bytes(self._saved_scorer())
        return self._scorer

    def _saved_scorer(self) -> bytes:
        if self._scorer_bytes is None:
            self._scorer_bytes = default_scorer_bytes()
        return self._scorer_bytes

    def _write_scorer(self, path: Path) -> None:
        path.write_bytes(self._saved_scorer())

    def _restore_scorer(self, data: bytes) -> None:
        self._scorer_bytes = data
        self._scorer = None

    @property
    def rows(self) -> list[Attrs]:
        """The lexicon's records: those restored by :meth:`from_disk` or :meth:`from_bytes`, else
        the package data, read on first use (so that a restored pipeline reads its lexicon once)."""
        if self._rows is None:
            packed = self._packed
            self._rows = unpack_lexicon(packed) if packed is not None else package_data(LEXICON_FILE)
        return self._rows

    @property
    def generic_names(self) -> dict[str, Attrs]:
        """The generic names the drug dictionary writes as one word of eight letters or more, with
        their attributes, read on first use: for their misspellings (``selegeline``, ``fulvestant``)
        and plurals (``amphetamines``), which the lexicon does not hold."""
        if self._generic_names is None:
            self._read_generic_names()
        return self._generic_names or {}

    @property
    def tracer_names(self) -> dict[str, Attrs]:
        """The names of the lexicon's tracers without their isotope label (``FDG``, ``FLT``,
        ``fluorodeoxyglucose``), with their attributes, read on first use (see :mod:`.tracers`)."""
        if self._tracer_names is None:
            self._tracer_names = tracer_names(self.rows)
        return self._tracer_names

    @property
    def generic_ends(self) -> frozenset[tuple[str, str, int]]:
        """The ends and lengths of one-edit misspellings of :attr:`generic_names`: a cheap first
        test, as the spelling index itself is built only for a word that passes it."""
        if self._generic_names is None:
            self._read_generic_names()
        return self._generic_ends

    def _read_generic_names(self) -> None:
        self._generic_names = {row["normalized"]: _attrs(row) for row in self.rows if _is_generic_name(row)}
        self._generic_ends = frozenset(
            (name[:2], name[-3:], length)
            for name in self._generic_names
            for length in (len(name) - 1, len(name), len(name) + 1)
        )

    @property
    def index(self) -> TermIndex:
        """The lexicon, with the user's terms, as a :class:`TermIndex`."""
        if self._index is None:
            packed = self._packed
            self._index = packed_index(packed) if packed is not None else TermIndex.from_records(self.rows)
            self._index_terms(self._index, self._terms.values())
        return self._index

    @property
    def terms(self) -> list[Attrs]:
        """The user's terms (rows as :func:`trialspacy.terms.check_term` gives them)."""
        return list(self._terms.values())

    def add_terms(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Add DRUG terms (see :mod:`trialspacy.terms`): found, and normalized, like the lexicon's
        names; a term replaces the lexicon's entry, or an earlier term, of the same name."""
        checked = check_terms(rows, DRUG)
        self._terms.update((term_key(term), term) for term in checked)
        if self._index is not None:
            self._index_terms(self._index, checked)

    def _index_terms(self, index: TermIndex, terms: Iterable[Attrs]) -> None:
        terms = list(terms)
        for term, tokens in zip(terms, tokenize_terms(self.nlp, [t["text"] for t in terms])):
            payload = {"normalized": term["normalized"], "kind": term["kind"], "drugbank_id": term["drugbank_id"]}
            index.add(tokens, payload, case_sensitive=term["case_sensitive"], override=True)

    def _restore_terms(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Take the terms of a saved pipeline in place of the component's own."""
        if self._terms:
            self._index = None  # built with the terms replaced: rebuilt on first use
        self._terms = {}
        self.add_terms(rows)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        terms: str | Path | None = None,
    ) -> None:
        """Add the DRUG rows of the terms file ``terms`` (``[initialize.components.trialspacy_drugs]
        terms = "my_terms.jsonl"``); its other rows are for other components."""
        if terms is not None:
            self.add_terms(row for row in read_terms(terms) if row["label"] == DRUG)

    def __call__(self, doc: Doc) -> Doc:
        text = folded_text(doc)
        listed = self._listed_names(doc, text) if self.gazetteer else []
        found = self._lexicon_spans(doc, listed)
        for name, attrs, blocked in listed:
            found.extend((s, e, attrs) for s, e in occurrences(text, name) if not (blocked and _measured(doc, s, e)))
        if self.products:
            tracers = tracer_spans(text, self.tracer_names, found)
            found.extend((s, e, attrs) for s, e, attrs in tracers if not _measured(doc, s, e))
        taken = _taken_chars(found)
        shaped = find_codes(text)
        if self.products:
            shaped += find_products(text) + find_named_vaccines(text)
            shaped += [(s, e) for s, e in find_contained_names(text) if not is_code_lookalike(text[s:e])]
        found.extend(
            (s, e, _agent(text[s:e].lower()))
            for s, e in shaped
            if not _overlaps(taken, s, e) and not _names_pathogen(doc, s, e)
        )
        if self.products:
            found.extend(marked_names(doc, text, found))
        # The distinct words of six letters or more: the misspelling and INN-stem passes look each up once.
        long_words = set(LONG_WORD_RE.findall(text)) if self.spelling or self.stems else set()
        if self.spelling:
            found.extend(self._misspelt_spans(text, long_words, found, listed))
        if self.stems:
            found.extend(self._stem_spans(doc, text, long_words, found))
            found.extend(self._plural_spans(doc, text, long_words, _taken_chars(found)))
        found = _merged_repeats(doc, text, found)
        found.extend(_abbreviation_spans(doc, text, found))
        if self.class_grammar:
            found.extend(self._known_name(text, c) for c in class_spans(doc, text, found))
            found.extend(radioactive_spans(text, found))
        found.extend(combination_spans(text, found))
        found = bounded_spans(text, found)
        if self.formulations:
            found = extend_radiolabels(text, extend_formulations(text, found))
        # After the formulations: a short name takes the product's name ("indium In 111
        # pentetreotide (OctreoScan)", "cisplatin liposomal (SPI-77)"), not the unlabelled agent's.
        resolved = resolve_codes(text, found, aliases=self.formulations)
        if resolved:
            found = [(s, e, {**a, **resolved.get(text[s:e].lower(), {})}) for s, e, a in found]
        if self.formulations:
            # After the codes are resolved: "[18F]AH111585" is the code AH111585 with its label.
            found = extend_isotope_labels(text, found)
        if self.products:
            found = _with_labelled_codes(found, [self._known_label(text, c) for c in labelled_code_spans(text)])
        found = _without_excipients(text, found)
        if self.aliases:
            found.extend(alias_spans(doc, text, found))
            found.extend(member_names(text, found, self._lookup))
        found = [
            c for c in found if not _is_type_label(text, c[0], c[1]) and not names_other_after_non(text, c[0], c[1])
        ]
        redefined = _defined_otherwise(doc, text, found, {name.lower() for name, _, _ in listed})
        redefined |= _spelled_otherwise(text, found, {name.lower() for name, _, _ in listed})
        if redefined:
            found = [c for c in found if text[c[0] : c[1]] not in redefined]
        if self.scorer:
            # Last, beside the rules' final spans (those it was trained beside): a word it took
            # earlier would hide the record's own definitions from the passes after it (an
            # alias defined as ``fludarabine melphalan (FLU/MEL)``, a code resolved by its neighbour).
            found.extend(self.drug_scorer.find(doc, text, found))
        set_label_spans(doc, DRUG, found, self.spans_key)
        return doc

    def _known_label(self, text: str, candidate: Candidate) -> Candidate:
        """A labelled code with the lexicon's attributes when the lexicon knows the product with its
        label written otherwise ("Samarium 153-EDTMP", "153 Sm-EDTMP": ``153Sm-EDTMP``, samarium
        lexidronam)."""
        start, end, _ = candidate
        payload = self.index.get(tokenize_terms(self.nlp, [compact_label(text[start:end])])[0])
        if payload is None or payload.get("deny") or payload.get("kind") != "agent":
            return candidate
        return start, end, _attrs(payload)

    def _lexicon_spans(self, doc: Doc, listed: Sequence[tuple[str, Attrs, bool]] = ()) -> list[Candidate]:
        """Lexicon matches, minus blockers, measured substances, classes that name a property
        (``anti-emetic effect``) and cytokines not given as therapy (neither by the words around them,
        nor by a list they share with a drug, nor by the record's intervention list, which names
        what the trial gives: ``BIOLOGICAL: recombinant interleukin-12`` gives ``interleukin-12``
        wherever the record writes it, as in "the response rate of interleukin-12")."""
        given_names = [name.lower() for name, _, _ in listed]
        given_normalized = {attrs["normalized"] for _, attrs, _ in listed}
        kept: list[tuple[int, int, Attrs]] = []
        pending: list[tuple[int, int, Attrs]] = []
        view = doc_tokens(doc)  # the tokens' offsets and lengths, without a Token object each
        for start, end, payload in self.index.find(doc, across_wraps=True, across_hyphens=True):
            if payload.get("deny"):
                continue
            # Resistance to a class is resistance to its drugs ("antiretroviral resistance", as
            # "platinum-resistant"); resistance after a substance is the body's ("insulin resistance").
            if is_measured(doc, start, end) and not (payload.get("kind") == "class" and names_resistance(doc, end)):
                continue
            if payload.get("kind") == "class" and names_property(doc, start, end):
                continue
            if payload.get("normalized") in CONSUMED and not given_as_product(doc, start, end):
                continue
            if (
                payload.get("context") == "therapy"
                and not given_as_therapy(doc, start, end, reaction=not allergenic_extract(payload))
                and not _listed_as_given(doc[start:end].text, payload, given_names, given_normalized)
            ):
                pending.append((start, end, payload))
                continue
            kept.append((start, end, payload))
        if pending:
            # The evidence is a drug that is no cytokine: listed with cytokines, a cytokine is as
            # likely measured ("cytokines such as INF-gamma, interleukin-2"). A short name or a
            # hormone that the words around it say is given is such a drug ("hypersensitivity to
            # LDV/SOF": ``LDV`` lets ``SOF`` in).
            drugs = [(start, end) for start, end, _ in kept if not CYTOKINE_NAME_RE.search(doc[start:end].text)]
            starts, ends = {start for start, _ in drugs}, {end for _, end in drugs}
            # A list may chain cytokines ("nivolumab, interferon, IL-2"): each one taken lets its neighbour in.
            while taken := [item for item in pending if listed_beside(doc, item[0], item[1], starts, ends)]:
                kept.extend(taken)
                pending = [item for item in pending if item not in taken]
                starts.update(start for start, _, _ in taken)
                ends.update(end for _, end, _ in taken)
            # A name the record shows given is the drug at its other occurrences too ("receiving
            # treatment with TCZ 8 mg/kg", then "any other investigational agent besides TCZ"); not a
            # cytokine, as likely measured elsewhere in the record, nor a value or a score ("ASA> 3"
            # beside "allergy to ASA"); measured words were read above.
            given = {
                view.text[view.starts[start] : view.starts[end - 1] + len(view.words[end - 1])].lower()
                for start, end, payload in kept
                if payload.get("context") == "therapy"
            }
            kept.extend(
                item
                for item in pending
                if not CYTOKINE_NAME_RE.search(doc[item[0] : item[1]].text)
                and not compared(doc, item[1])
                and view.text[view.starts[item[0]] : view.starts[item[1] - 1] + len(view.words[item[1] - 1])].lower()
                in given
            )
        return [
            (view.starts[start], view.starts[end - 1] + len(view.words[end - 1]), _attrs(payload))
            for start, end, payload in sorted(kept, key=lambda item: item[:2])
        ]

    def _listed_names(self, doc: Doc, text: str) -> list[tuple[str, Attrs, bool]]:
        """Names from the record's interventions section with their attributes: the lexicon's
        when it knows the name, else the name as an agent if it looks like a proper name; and
        whether the lexicon blocks the name or takes it only when given (``calcium``,
        ``glutamine``), so that where the record measures it ("serum glutamine") it is no drug.

        With ``authoritative_list`` (contract v1.2) items of every agent-naming type are read, and
        the record's word is final: a proper name the lexicon blocks or the code guards take for a
        gene, a scale or a trial code (``CA-4948``, ``Glutamine``) is an agent, and so is a whole item
        in lower case that names an agent (``niacin``, ``anti-thymocyte globulin``; see
        :func:`names_agent`), unless it was cut from a longer name at ``/`` or a
        parenthesis (``HER-2`` of ``HER-2/neu peptide vaccine``)."""
        authoritative = self.authoritative_list
        names: list[tuple[str, Attrs, bool]] = []
        for section in doc._.trialspacy_sections or []:
            if section["name"] != "interventions":
                continue
            section_text = text[section["start"] : section["end"]]
            for name, whole in listed_names(section_text, GAZETTEER_TYPES if authoritative else CORE_TYPES):
                payload = self.index.get(tokenize_terms(self.nlp, [name])[0])
                blocked = payload is not None
                if blocked and not payload.get("deny"):
                    names.append((name, _attrs(payload), payload.get("context") == "therapy"))
                elif (
                    authoritative
                    and whole
                    and (looks_like_name(name) or (names_agent(name, blocked) and not self._names_known_agent(name)))
                ):
                    names.append((name, _listed_agent(name), blocked))
                elif looks_like_name(name) and not blocked and not is_code_lookalike(name):
                    names.append((name, _listed_agent(name), False))
        return names

    def _lookup(self, name: str) -> Attrs | None:
        """The lexicon's payload of ``name`` written alone, or None."""
        return self.index.get(tokenize_terms(self.nlp, [name])[0])

    def _known_name(self, text: str, candidate: Candidate) -> Candidate:
        """``candidate`` with the lexicon's attributes when its words, a doubled hyphen written
        single, are a lexicon term that the lexicon's pass could not find there: in a word the
        tokenizer kept whole ("Anti-Checkpoint Inhibitor": ``immune checkpoint inhibitors``) or
        with a doubled hyphen (``anti--PD-1`` is ``anti-PD-1``, ``pd-1 inhibitors``)."""
        start, end, _ = candidate
        surface = text[start:end]
        payload = self.index.get(tokenize_terms(self.nlp, [_DOUBLED_HYPHEN_RE.sub("-", surface)])[0])
        return (start, end, _attrs(payload)) if payload is not None and not payload.get("deny") else candidate

    def _names_known_agent(self, name: str) -> bool:
        """True when the lexicon finds an agent in the words of ``name``: the record describes a
        known agent (``Nimotuzumab Humanized Monoclonal Antibody``, ``Amphotericin B fat
        emulsion``), which keeps its own name."""
        matches = self.index.find(self.nlp.make_doc(name))
        return any(not payload.get("deny") and payload.get("kind") == "agent" for _, _, payload in matches)

    def _stem_spans(
        self, doc: Doc, text: str, long_words: AbstractSet[str], found: Sequence[Candidate]
    ) -> Iterator[Candidate]:
        """Single words not in the lexicon that carry an INN stem (of ``long_words``, the text's
        words that :data:`LONG_WORD_RE` finds); the text is read for their places only if there are any."""
        stemmed = {
            word
            for word in long_words
            if (lower := word.lower()).endswith(INN_STEMS) and has_inn_stem(lower) and self.index.get([word]) is None
        }
        if not stemmed:
            return
        taken = _taken_chars(found)
        for match in LONG_WORD_RE.finditer(text):
            start, end = match.span()
            if match.group() not in stemmed or start in taken:
                continue
            span = doc.char_span(start, end)
            if span is not None and not is_measured(doc, span.start, span.end):
                yield start, end, _agent(match.group().lower())

    def _plural_spans(self, doc: Doc, text: str, long_words: AbstractSet[str], taken: set[int]) -> Iterator[Candidate]:
        """Plurals of generic names the lexicon lacks, each the family of agents it names
        (``amphetamines``, ``tetracyclines``, ``fenofibrates``); of ``long_words``, the text's words
        that :data:`LONG_WORD_RE` finds (every word :data:`_PLURAL_RE` finds is one), the text is
        read for their places only if there are any."""
        generic = self.generic_names
        plurals = {w for w in long_words if w.endswith("s") and not w.isupper() and w[:-1].lower() in generic}
        if not plurals:
            return
        for match in _PLURAL_RE.finditer(text):
            start, end = match.span()
            word = match.group()
            if start in taken or word not in plurals:
                continue
            span = doc.char_span(start, end)
            if span is not None and self.index.get([word]) is None and not is_measured(doc, span.start, span.end):
                yield start, end, {"normalized": word.lower(), "kind": "class", "drugbank_id": None}

    def _misspelt_spans(
        self,
        text: str,
        long_words: AbstractSet[str],
        found: Sequence[Candidate],
        listed: Sequence[tuple[str, Attrs, bool]],
    ) -> Iterator[Candidate]:
        """Words that misspell an agent named in this record (``acitinib`` for ``Axitinib``), of
        ``long_words``, the text's words that :data:`LONG_WORD_RE` finds."""
        names: dict[str, Attrs] = {}
        for start, end, attrs in found:
            surface = text[start:end].lower()
            if attrs["kind"] == "agent" and surface.isalpha() and len(surface) >= 6:
                names.setdefault(surface, attrs)
        for name, attrs, _ in listed:
            if name.isalpha() and len(name) >= 6:
                names.setdefault(name.lower(), attrs)
        index = SpellingIndex(names)
        # Each distinct word is looked up once; the text is read again only for the words that misspell
        # a name, which most records have none of.
        targets: dict[str, Attrs] = {}
        keys, ends = index.keys, self.generic_ends
        for word in long_words:
            lower = word.lower()
            first, last, size = lower[:2], lower[-3:], len(lower)
            # The first tests of _misspelt, here without a call: most words share no end with a name
            # the record mentions (SpellingIndex.keys) and not both with a generic name.
            if (
                (size, first) not in keys
                and (size, last) not in keys
                and (first, last, size) not in ends
                and not (last[-2:] in _DROPPED_E_ENDS and f"{lower}e" in self.generic_names)
            ):
                continue
            misspelt = self._misspelt(word, index, names)
            if misspelt is not None:
                targets[word] = misspelt
        if not targets:
            return
        taken = _taken_chars(found)
        for match in LONG_WORD_RE.finditer(text):
            misspelt = targets.get(match.group())
            if misspelt is not None and match.start() not in taken:
                yield match.start(), match.end(), dict(misspelt)

    def _misspelt(self, word: str, index: SpellingIndex, names: Mapping[str, Attrs]) -> Attrs | None:
        """The attributes of the agent ``word`` misspells: one this record names, else a generic
        name of the dictionary one edit away with the same first two and last three letters
        (``selegeline``; English words rarely keep both ends of a drug name, ``indicate`` does
        not); None for a word in capitals (a heading), one the lexicon knows, or an adjective that
        names no class (``antineoplastic`` is no misspelling of a listed ``Antineoplaston``)."""
        if word.isupper():
            return None
        lower = word.lower()
        if lower in NOT_CLASS:
            return None
        target = index.match(lower) if index else None
        if target is not None:
            # The spelling look-up rejects most words at once; the lexicon look-up is dearer.
            return names[target] if self.index.get([word]) is None else None
        if lower[-2:] in _DROPPED_E_ENDS and (dropped := self.generic_names.get(f"{lower}e")) is not None:
            # The name as German, Dutch or Nordic text writes it (``prednisolon``, ``dexamethason``,
            # ``amiodaron``, ``morphin``): the generic name without its final e.
            return dropped if self.index.get([word]) is None else None
        if (lower[:2], lower[-3:], len(lower)) not in self.generic_ends or self.index.get([word]) is not None:
            return None  # most words: no generic name has both their ends; else a known name
        generic = self.generic_names
        if self._generic_spellings is None:
            self._generic_spellings = SpellingIndex(generic, most=1)
        target = self._generic_spellings.match(lower)
        if target is None or lower[:2] != target[:2] or lower[-3:] != target[-3:]:
            return None
        return generic[target]

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
        self._generic_names = self._generic_spellings = None
        self._tracer_names = None
        self._index = packed_index(packed)
        self._index_terms(self._index, self._terms.values())

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """The lexicon, packed (see :func:`pack_lexicon`), and the user's terms, as a bytestring."""
        return util.to_bytes(
            {
                LEXICON_KEY: self._packed_lexicon,
                TERMS_KEY: lambda: srsly.msgpack_dumps(self.terms),
                SCORER_KEY: self._saved_scorer,
            },
            exclude,
        )

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> "DrugRecognizer":
        """Restore the lexicon and the terms saved by :meth:`to_bytes`."""
        setters = {
            LEXICON_KEY: self._restore,
            TERMS_KEY: lambda b: self._restore_terms(srsly.msgpack_loads(b)),
            SCORER_KEY: self._restore_scorer,
        }
        util.from_bytes(bytes_data, setters, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Save the lexicon beside the component's config, packed (see :func:`pack_lexicon`), the
        user's terms as JSONL, and the learned scorer's weights (saved whether ``scorer`` is on or
        not, so that a config override can turn it on in the saved pipeline)."""
        util.to_disk(
            path,
            {
                PACKED_FILE: self._write_lexicon,
                TERMS_FILE: lambda p: write_jsonl(p, self.terms),
                SCORER_FILE: self._write_scorer,
            },
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "DrugRecognizer":
        """Restore the lexicon, the terms and the scorer saved by :meth:`to_disk` (a pipeline saved
        before terms existed has no terms file: no terms; one saved before the scorer existed uses
        the package's)."""
        readers = {
            PACKED_FILE: lambda p: self._restore(p.read_bytes()),
            TERMS_FILE: lambda p: self._restore_terms(read_jsonl(p) if p.exists() else []),
            SCORER_FILE: lambda p: self._restore_scorer(p.read_bytes()) if p.exists() else None,
        }
        util.from_disk(path, readers, exclude)
        return self


# A plural of a generic name of eight letters or more (see DrugRecognizer.generic_names).
_PLURAL_RE = re.compile(r"(?<![\w-])[A-Za-z]{8,}s(?![\w-])")

_LABEL_END_RE = re.compile(r"[ \t]*:")
_DOUBLED_HYPHEN_RE = re.compile(r"-{2,}")


def _is_type_label(text: str, start: int, end: int) -> bool:
    """True for an intervention type written as an item's label, at the start of a line or after a
    ``|`` (``Dietary Supplement: curcumin``): the class ``dietary supplements`` names the type there."""
    item_start = text[:start].rstrip(" \t")
    return (
        text[start:end].lower() in GAZETTEER_TYPES
        and _LABEL_END_RE.match(text, end) is not None
        and (not item_start or item_start[-1] in "\n|")
    )


def _is_generic_name(row: Mapping[str, Any]) -> bool:
    """True for a lexicon row that writes an agent's generic name as one word of eight letters or
    more, from the drug dictionary (DrugBank-only names include experimental compounds whose
    names are one letter from English words: ``indocate``)."""
    tokens = row["tokens"]
    name = row.get("normalized", "")
    return (
        row.get("source") == "fds"
        and row.get("kind") == "agent"
        and not row.get("deny")
        and len(tokens) == 1
        and tokens[0].lower() == name
        and len(name) >= 8
        and name.isalpha()
    )


def _names_pathogen(doc: Doc, start: int, end: int) -> bool:
    """True when the characters ``[start, end)`` name an organism by the word after them (a code
    shape such as ``EV71`` in "EV71 infection")."""
    span = doc.char_span(start, end)
    return span is not None and names_pathogen(doc, span.end)


def _measured(doc: Doc, start: int, end: int) -> bool:
    """True when the words around the characters ``[start, end)`` say the substance is measured."""
    span = doc.char_span(start, end)
    return span is not None and is_measured(doc, span.start, span.end)


def _with_labelled_codes(found: list[Candidate], labelled: Iterable[Candidate]) -> list[Candidate]:
    """``found`` with the tracers named by an isotope label and a code (``99mTc-H7ND``, see
    :func:`.tracers.labelled_code_spans`): a span found for the name alone grows over the label,
    its attributes kept (``123I-MIBG``) unless the lexicon knows the labelled product (see
    :meth:`DrugRecognizer._known_label`); one for the label alone (``177Lu`` in ``177Lu-CC49``) gives
    way to the whole; a span reaching beyond it (a lexicon row with the label) is left as it is."""
    for start, end, attrs in labelled:
        inside = [c for c in found if start <= c[0] and c[1] <= end]
        if any(c[0] == start and c[1] == end for c in inside) or any(
            c[0] < end and start < c[1] for c in found if c not in inside
        ):
            continue
        named = [c for c in inside if c[1] == end and c[0] > start]
        found = [c for c in found if c not in inside]
        if named and attrs.get("drugbank_id") is None:
            found.append((start, end, named[0][2]))
        else:
            found.append((start, end, attrs))
    return found


def _taken_chars(found: Iterable[Candidate]) -> set[int]:
    """Character offsets covered by ``found``."""
    taken: set[int] = set()
    for start, end, _ in found:
        taken.update(range(start, end))
    return taken


def _overlaps(taken: set[int], start: int, end: int) -> bool:
    """True when any character of ``[start, end)`` is taken."""
    return any(i in taken for i in range(start, end))


# A substance before "-free" and a drug name is what the product is made without, not given
# ("propylene glycol-free melphalan", "Cremophor-free paclitaxel").
_FREE_OF_RE = re.compile(r"-free[ \t]+", re.IGNORECASE)


def _without_excipients(text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """``found`` without the substances a drug named right after them is free of."""
    starts = {start for start, _, _ in found}
    return [
        (start, end, attrs)
        for start, end, attrs in found
        if (free := _FREE_OF_RE.match(text, end)) is None or free.end() not in starts
    ]


def is_short_form(text: str) -> bool:
    """True for a plausible abbreviation: 2 to 10 characters without spaces, with a capital."""
    return 2 <= len(text) <= 10 and " " not in text and any(c.isupper() for c in text)


def _outer_agents(found: Sequence[Candidate]) -> list[tuple[tuple[int, int], Attrs]]:
    """The agent spans of ``found`` not inside another agent span (a salt or formulation word grows
    an agent's span over the lexicon's), in order: one per offsets, the last attributes written."""
    spans = {(s, e): a for s, e, a in found if a["kind"] == "agent"}
    outer: list[tuple[tuple[int, int], Attrs]] = []
    reach = -1
    # By start, the longest first: a span is inside another exactly when an earlier one reaches its end.
    for key in sorted(spans, key=lambda k: (k[0], -k[1])):
        if key[1] <= reach:
            continue
        outer.append((key, spans[key]))
        reach = key[1]
    return outer


def _regimen_agents(
    text: str, agents: Sequence[tuple[tuple[int, int], Attrs]], long_start: int, long_end: int, before: bool
) -> Attrs | None:
    """The attributes of the regimen a defined long form writes out as its agents, or None: two
    agents or more one after the other filling the long form, and, when the short form is written
    ``before`` it, the agents listed right before them in the parentheses (the abbreviation finder
    starts the long form at the letter the short form starts with: "MINE (mesna, ifosfamide,
    mitoxantrone, etoposide)" gives "mitoxantrone, etoposide"); three or more, or
    two slashed, as :func:`.aliases.alias_spans` reads a regimen ("MCE
    (mitoxantrone/cytarabine/etoposide)", "doxorubicin/docetaxel (DD)"). ``normalized`` names the
    agents in order, as a curated regimen's does; two agents joined otherwise are left to the rules
    for one agent."""
    if "(" in text[long_start:long_end] or ")" in text[long_start:long_end]:
        return None
    inside = [i for i, ((s, e), _) in enumerate(agents) if long_start <= s and e <= long_end]
    if not inside or agents[inside[0]][0][0] != long_start or agents[inside[-1]][0][1] != long_end:
        return None
    first, last = inside[0], inside[-1]
    if first == last:
        return None  # one agent: its short name (``abacavir (ABC)``), read by the rules for one agent
    while before and first > 0 and regimen_gap(text[agents[first - 1][0][1] : agents[first][0][0]]):
        first -= 1
    gaps = [regimen_gap(text[agents[i][0][1] : agents[i + 1][0][0]]) for i in range(first, last)]
    if any(gap is None for gap in gaps):
        return None
    if len(gaps) < 2 and not (gaps and all(gap.group().strip() in ("/", "-") for gap in gaps if gap is not None)):
        return None
    names = "/".join(a["normalized"] for _, a in agents[first : last + 1])
    return {"normalized": names, "kind": "agent", "drugbank_id": None}


def _merged_repeats(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the two agents that fill a defined long form as one name, the second a part
    of the first's name written again, joined into one span with the first's attributes: the record
    gives the pair one short form, so it is one garbled name ("Medroxyprogesterone progesterone
    acetate (MPA)"), not two agents as in a list ("Methylprednisolone Prednisolone Allopurinol")."""
    definitions = doc._.trialspacy_abbreviation_defs if doc.has_extension("trialspacy_abbreviation_defs") else None
    for definition in definitions or []:
        long_start, long_end = definition["long"]
        agents = [(key, attrs) for key, attrs in _outer_agents(found) if long_start <= key[0] and key[1] <= long_end]
        if len(agents) != 2:
            continue
        ((first_start, first_end), first), ((second_start, second_end), second) = agents
        name, part = first["normalized"], second["normalized"]
        if (
            first_start == long_start
            and not text[first_end:second_start].strip()
            and len(text[second_end:long_end].split()) <= 1
            and name != part
            and name.endswith(part)
        ):
            # The record writes the garbled name so wherever it writes it.
            # The span is the long form (its salt word is the formulations' to drop from ``normalized``).
            for match in re.finditer(rf"(?<![\w-]){re.escape(text[first_start:long_end])}(?![\w-])", text):
                inside = [c for c in found if match.start() <= c[0] and c[1] <= match.end()]
                if inside:
                    found = [c for c in found if c not in inside] + [(match.start(), match.end(), first)]
    return found


def _listed_as_given(
    surface: str, payload: Mapping[str, Any], names: Sequence[str], normalized: AbstractSet[str]
) -> bool:
    """True when the record's intervention list names the cytokine ``surface`` (of lexicon entry
    ``payload``): a listed name is the same agent or holds its words (``recombinant interleukin-12``)."""
    if payload.get("normalized") in normalized:
        return True
    words = re.compile(rf"(?<![\w-]){re.escape(surface.lower())}(?![\w-])")
    return any(words.search(name) for name in names)


def _abbreviation_spans(doc: Doc, text: str, found: Sequence[Candidate]) -> Iterator[Candidate]:
    """Every occurrence of a short form defined in the text for a recognised long form: a DRUG
    span equal to the long form, covering it, or ending it after one modifier word
    ("autologous [tumor infiltrating lymphocytes]"); not a salt, route or isotope label written so
    ("doxorubicin hydrochloride (HCl)": see :func:`.aliases.is_short_name`)."""
    definitions = doc._.trialspacy_abbreviation_defs if doc.has_extension("trialspacy_abbreviation_defs") else None
    if not definitions:
        return
    outer: list[tuple[tuple[int, int], Attrs]] | None = None
    for definition in definitions:
        long_start, long_end = definition["long"]
        if not is_short_form(definition["short_text"]) or not is_short_name(definition["short_text"]):
            continue
        if outer is None:
            outer = _outer_agents(found)
        regimen = _regimen_agents(text, outer, long_start, long_end, definition["short"][1] <= long_start)
        if regimen is not None:
            # A curated regimen of the same agents keeps its name, in the acronym's order (EPOCH).
            agents = set(regimen["normalized"].split("/"))
            if not any(
                text[s:e] == definition["short_text"] and set(a["normalized"].split("/")) == agents for s, e, a in found
            ):
                yield from ((s, e, dict(regimen)) for s, e in definition["occurrences"])
            continue
        for start, end, attrs in found:
            covers = start <= long_start and end >= long_end
            ends = end == long_end and long_start <= start and len(text[long_start:start].split()) <= 1
            if covers or ends:
                yield from ((s, e, attrs) for s, e in definition["occurrences"])
                break


# Letters of a name, for comparing a long form with a drug's name however it is hyphenated or spaced.
_NOT_LETTERS_RE = re.compile(r"[^a-z]+")
# The head nouns that make a defined long form something other than a drug: a modality or a plan
# ("neoadjuvant chemotherapy (NAC)"), a device, test, score, scale or programme ("American Society
# of Anesthesiologists score (ASA)"), a measurement ("... levels (GH)"). A long form
# that holds no drug found but ends otherwise is mostly a drug the lexicon does not know as written
# ("2',3'-dideoxyinosine (ddI)", "Bacille Calmette Guérin (BCG)"): its short form stays a drug.
_NOT_DRUG_HEADS = (
    NOT_PRODUCT_AFTER
    | MEASURED_AFTER
    | (NOT_AGENTS & {"chemotherapy", "immunotherapy", "radiotherapy", "radiation", "surgery", "therapy", "treatment"})
)


# A short form defined in parentheses with the head noun of what it stands for after it: "copy
# number instability score (CNI value)"; scispaCy's definitions take the whole bracket as the short
# form, which the long form's letters do not spell.
_QUALIFIED_SHORT_RE = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9-]{1,9})[ \t]+(?P<head>[a-z]{3,})\)")


def _qualified_definitions(doc: Doc, text: str, found: Sequence[Candidate]) -> Iterator[dict[str, Any]]:
    """Definitions of the names ``found`` written as a short form in parentheses before a head noun
    that names no drug (``(CNI value)``; the short form there is taken for measured and is not among
    them), their long forms before the parenthesis as scispaCy finds one."""
    if "(" not in text:
        return
    names = {text[start:end] for start, end, _ in found}
    view = doc_tokens(doc)
    for match in _QUALIFIED_SHORT_RE.finditer(text):
        if match.group("short") not in names or match.group("head") not in _NOT_DRUG_HEADS:
            continue
        span = doc.char_span(*match.span("short"))
        if span is None or span.start < 2 or len(span) != 1:
            continue
        length = len(view.words[span.start])
        candidate = (max(span.start - 1 - min(length + 5, length * 2), 0), span.start - 1)
        long = long_form(view, candidate, (span.start, span.end))
        if long is None or long[0] == long[1]:
            continue
        long_end = view.starts[long[1] - 1] + len(view.words[long[1] - 1])
        yield {"short_text": match.group("short"), "long": [view.starts[long[0]], long_end]}


def _defined_otherwise(doc: Doc, text: str, found: Sequence[Candidate], listed: AbstractSet[str]) -> set[str]:
    """The short forms the record defines for something that is no drug: an abbreviation defined
    in the text ("neoadjuvant chemotherapy (NAC)", "American Society of Anesthesiologists (ASA)")
    whose long form holds no DRUG span found and does not write the name the short form was given
    ("N-acetyl cysteine (NAC)"). The record's own definition wins over the lexicon's reading of the
    short form (``NAC`` -> acetylcysteine) wherever the record writes it, unless the record lists
    the short form as an intervention."""
    definitions = doc._.trialspacy_abbreviation_defs if doc.has_extension("trialspacy_abbreviation_defs") else None
    definitions = [*(definitions or []), *_qualified_definitions(doc, text, found)]
    if not definitions:
        return set()
    names: dict[str, list[str]] = {}
    for start, end, attrs in found:
        names.setdefault(text[start:end], []).append(attrs["normalized"])
    redefined: set[str] = set()
    for definition in definitions:
        short = definition["short_text"]
        if short not in names or short.lower() in listed:
            continue
        long_start, long_end = definition["long"]
        if any(start < long_end and long_start < end for start, end, _ in found):
            continue
        words = text[long_start:long_end].lower().split()
        if not words or words[-1].strip(".,;:") not in _NOT_DRUG_HEADS:
            continue
        letters = _NOT_LETTERS_RE.sub("", "".join(words))
        if any(_NOT_LETTERS_RE.sub("", name.lower()) in letters for name in names[short]):
            continue
        redefined.add(short)
    return redefined


# A short form of three to six capitals, the only kind a phrase of as many words can spell by chance
# rarely enough; the phrase's words are content words of four letters or more ("for less than" and
# "that alter cardiac" spell ``FLT`` and ``TAC`` by chance).
_CAPITALS_RE = re.compile(r"[A-Z]{3,6}")
_FUNCTION_WORDS = frozenset(
    [
        "also",
        "been",
        "both",
        "does",
        "each",
        "from",
        "have",
        "into",
        "less",
        "more",
        "most",
        "only",
        "other",
        "over",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "under",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "within",
        "without",
    ]
)


def _spelled_otherwise(text: str, found: Sequence[Candidate], listed: AbstractSet[str]) -> set[str]:
    """The capitals-only short forms of agents that the record writes out, without parentheses and more than
    once, as a phrase in lower case (a common noun's, not a proper name the lexicon may not know as
    written: "Bacillus Calmette-Gurin") whose words' initials they are and which holds no DRUG span
    ("the acellular dermal matrix AlloDerm RTU ... AlloDerm RTU ADM products": ``ADM`` is the
    matrix, not doxorubicin), unless the record lists the short form as an intervention: the
    record's own long form wins over the lexicon's reading, as for a defined abbreviation
    (:func:`_defined_otherwise`)."""
    shorts = {text[s:e] for s, e, a in found if a["kind"] == "agent" and _CAPITALS_RE.fullmatch(text[s:e])}
    spelled: set[str] = set()
    for short in shorts:
        if short.lower() in listed:
            continue
        words = r"[ \t-]+".join(f"{c.lower()}[a-z]{{3,}}" for c in short)
        phrases = [
            match.group()
            for match in re.finditer(rf"(?<![\w-]){words}(?![\w-])", text)
            if not any(s < match.end() and match.start() < e for s, e, _ in found)
            and _FUNCTION_WORDS.isdisjoint(re.split(r"[ \t-]+", match.group()))
        ]
        if any(phrases.count(phrase) > 1 for phrase in phrases):
            spelled.add(short)
    return spelled


@Language.factory(
    "trialspacy_drugs",
    assigns=["doc.spans", "span._.trialspacy_normalized", "span._.trialspacy_kind", "span._.trialspacy_drugbank_id"],
    requires=["doc._.trialspacy_sections", "doc._.trialspacy_abbreviation_defs"],
    default_config={
        "stems": True,
        "products": True,
        "gazetteer": True,
        "spelling": True,
        "class_grammar": True,
        "authoritative_list": True,
        "formulations": True,
        "aliases": True,
        "scorer": False,
        "spans_key": SPAN_KEY,
    },
)
def make_drugs(
    nlp: Language,
    name: str,
    stems: bool,
    products: bool,
    gazetteer: bool,
    spelling: bool,
    class_grammar: bool,
    authoritative_list: bool,
    formulations: bool,
    aliases: bool,
    scorer: bool,
    spans_key: str,
) -> DrugRecognizer:
    """Factory of the DRUG component. ``class_grammar``: drug classes by their grammar (see
    :mod:`.classes`). ``authoritative_list`` (false: before contract v1.2, the
    intervention list of types DRUG, BIOLOGICAL, COMBINATION_PRODUCT only, under the blockers and
    code guards) and ``formulations`` (false: no formulation, salt or radionuclide names, and the
    record's names for its codes only when the lexicon has none) switch parts of contract v1.2 off,
    for ablation. ``aliases``: a short name in parentheses right after an agent, or after a
    regimen's agents, is a DRUG throughout the record (see :mod:`.aliases`).
    ``scorer``: the learned scorer for names the lexicon lacks (off: see models/drug_scorer/README.md)."""
    return DrugRecognizer(
        nlp,
        name,
        stems=stems,
        products=products,
        gazetteer=gazetteer,
        spelling=spelling,
        class_grammar=class_grammar,
        authoritative_list=authoritative_list,
        formulations=formulations,
        aliases=aliases,
        scorer=scorer,
        spans_key=spans_key,
    )
