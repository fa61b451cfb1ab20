"""trialspacy: structured entities from clinical-trial registry text, as a spaCy pipeline.

``load()`` gives the pipeline; ``extract()`` turns files or records into the contract's dicts.
"""

from typing import Iterable, Iterator, List, Optional, Sequence, Union

import spacy
from spacy.language import Language

from .about import __version__
from .spans import register_extensions
from .tokenizer import customize_tokenizer

# Components in pipeline order; each is a spaCy factory declared in setup.cfg.
COMPONENTS: Sequence[str] = (
    "trialspacy_layout",
    "trialspacy_sentences",
    "trialspacy_abbreviations",
    "trialspacy_drugs",
    "trialspacy_endpoints",
    "trialspacy_doses",
    "trialspacy_timeframes",
    "trialspacy_criteria",
    "trialspacy_negation",
)


def build(components: Optional[Sequence[str]] = None) -> Language:
    """Assemble the pipeline from code: a blank English tokenizer with trial rules, then the
    components (all of :data:`COMPONENTS` by default)."""
    from . import components as _components  # noqa: F401  (registers the factories)

    register_extensions()
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    for name in components or COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def load() -> Language:
    """The trialspacy pipeline, ready to use."""
    return build()


def extract(
    inputs: Union[str, Iterable[Union[str, dict]]],
    nlp: Optional[Language] = None,
    **reader_options: object,
) -> Iterator[dict]:
    """Yield one contract dict per input document.

    ``inputs`` are paths (files, directories, ``-``), raw record dicts (API v2 studies or rows
    with a ``text`` field), or a single path. Bad records raise :class:`~trialspacy.errors.RecordError`
    lazily, when reached; use the CLI or :func:`trialspacy.run.run_batch` to collect them instead.
    """
    from .run import extract_docs

    yield from extract_docs(inputs, nlp=nlp, **reader_options)


__all__: List[str] = ["__version__", "build", "load", "extract", "COMPONENTS"]
