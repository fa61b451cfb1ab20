"""A user's own vocabulary: drug and endpoint names added to the pipeline's lexicons.

A terms file is JSONL, one name a line; ``label`` (default ``DRUG``) says which component takes it:

- ``{"text": "zorvalimab", "normalized": "zorvalimab", "kind": "agent", "drugbank_id": null}``:
  a DRUG (``kind`` ``agent`` or ``class``; ``drugbank_id`` optional; ``case_sensitive`` optional,
  default false);
- ``{"label": "ENDPOINT", "text": "time to treatment failure", "canonical": "time to treatment
  failure", "abbreviation": "TTF"}``: an ENDPOINT (``abbreviation`` optional; ``family`` ``efficacy``
  (default), ``safety`` or ``other``). A row whose text is its abbreviation is a short form,
  matched case-sensitively, as the built-in ones are.

An added name replaces a built-in entry of the same name (in any case). The components keep their
terms and save them with the pipeline (``to_disk``, ``to_bytes``).
"""

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from spacy.language import Language

from .errors import Errors
from .lexicon import read_jsonl
from .spans import DRUG, ENDPOINT

Term = dict[str, Any]

# The component (by factory) that takes each label's terms.
TERM_FACTORIES: dict[str, str] = {DRUG: "trialspacy_drugs", ENDPOINT: "trialspacy_endpoints"}
DRUG_KINDS: tuple[str, ...] = ("agent", "class")
ENDPOINT_FAMILIES: tuple[str, ...] = ("efficacy", "safety", "other")


@runtime_checkable
class TermTaker(Protocol):
    """A component that takes terms: the DRUG and ENDPOINT components."""

    def add_terms(self, rows: Iterable[Mapping[str, Any]]) -> None: ...


def _where(n: int, row: Mapping[str, Any]) -> str:
    text = row.get("text")
    return f"{n}" + (f" ({text!r})" if isinstance(text, str) else "")


def _field(row: Mapping[str, Any], where: str, name: str, expected: str, ok: bool) -> None:
    if not ok:
        raise ValueError(Errors.E141.format(where=where, field=name, expected=expected, value=row.get(name)))


def check_term(row: Mapping[str, Any], n: int = 1) -> Term:
    """The term row ``row`` (number ``n``, for messages) with its defaults filled in; raises
    ValueError saying which field is wrong."""
    where = _where(n, row)
    _field(row, where, "row", "a JSON object", isinstance(row, Mapping))
    label = row.get("label", DRUG)
    _field(row, where, "label", " or ".join(TERM_FACTORIES), label in TERM_FACTORIES)
    text = row.get("text")
    _field(row, where, "text", "a non-empty string", isinstance(text, str) and bool(text.strip()))
    case_sensitive = row.get("case_sensitive", False)
    _field(row, where, "case_sensitive", "true or false", isinstance(case_sensitive, bool))
    if label == DRUG:
        normalized, kind, drugbank_id = row.get("normalized"), row.get("kind"), row.get("drugbank_id")
        _field(row, where, "normalized", "a lower-case string", isinstance(normalized, str) and normalized.islower())
        _field(row, where, "kind", " or ".join(DRUG_KINDS), kind in DRUG_KINDS)
        _field(row, where, "drugbank_id", "a string or null", drugbank_id is None or isinstance(drugbank_id, str))
        return {
            "label": label,
            "text": text,
            "normalized": normalized,
            "kind": kind,
            "drugbank_id": drugbank_id,
            "case_sensitive": case_sensitive,
        }
    canonical, abbreviation = row.get("canonical"), row.get("abbreviation")
    family = row.get("family", "efficacy")
    _field(row, where, "canonical", "a lower-case string", isinstance(canonical, str) and canonical.islower())
    _field(row, where, "abbreviation", "a string or null", abbreviation is None or isinstance(abbreviation, str))
    _field(row, where, "family", " or ".join(ENDPOINT_FAMILIES), family in ENDPOINT_FAMILIES)
    return {
        "label": label,
        "text": text,
        "canonical": canonical,
        "abbreviation": abbreviation,
        "family": family,
        "case_sensitive": case_sensitive,
    }


def check_terms(rows: Iterable[Mapping[str, Any]], label: str | None = None) -> list[Term]:
    """The rows checked (see :func:`check_term`); with ``label``, every row must have it."""
    checked = [check_term(row, n) for n, row in enumerate(rows, 1)]
    for n, term in enumerate(checked, 1):
        if label is not None and term["label"] != label:
            raise ValueError(Errors.E142.format(where=_where(n, term), label=term["label"], expected=label))
    return checked


def read_terms(path: str | Path) -> list[Term]:
    """The checked rows of a terms file (JSONL, gzip when its name ends in ``.gz``)."""
    try:
        rows = read_jsonl(path)
    except (OSError, ValueError) as exc:
        raise ValueError(Errors.E144.format(path=path, reason=exc)) from None
    return check_terms(rows)


def term_key(term: Mapping[str, Any]) -> str:
    """What makes two terms the same name: the text, lower-case unless case-sensitive."""
    return term["text"] if term["case_sensitive"] else term["text"].lower()


def add_terms(nlp: Language, terms: str | Path | Iterable[Mapping[str, Any]]) -> None:
    """Add terms (rows, or a terms file) to the pipeline's components: each row to the component
    of its label (see :data:`TERM_FACTORIES`)."""
    rows = read_terms(terms) if isinstance(terms, (str, Path)) else check_terms(terms)
    for label, factory in TERM_FACTORIES.items():
        mine = [row for row in rows if row["label"] == label]
        if not mine:
            continue
        takers: list[TermTaker] = []
        for name, pipe in nlp.pipeline:
            if nlp.get_pipe_meta(name).factory == factory and isinstance(pipe, TermTaker):
                takers.append(pipe)
        if not takers:
            raise ValueError(Errors.E143.format(factory=factory, label=label))
        for taker in takers:
            taker.add_terms(mine)
