"""trialspacy: structured entities from clinical-trial registry text, as a spaCy pipeline.

``load()`` gives the pipeline; ``extract()`` turns files or records into the contract's dicts.
"""

import gc
import hashlib
import importlib.util
import json
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from .about import __description__, __title__, __version__
from .contract import Document
from .errors import Errors, Warnings
from .tokenizer import blank

# The default components, in an order that meets their factories' ``requires`` (see
# :func:`pipeline_order`); each is a spaCy factory declared in setup.cfg.
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


def pipeline_order(components: Sequence[str]) -> list[str]:
    """``components`` ordered so that each comes after those of them that assign an attribute it
    requires (the factories' ``assigns`` and ``requires``, which ``nlp.analyze_pipes()`` checks);
    otherwise in the order given."""
    from . import components as _components  # noqa: F401  (registers the factories)

    metas = {name: Language.get_factory_meta(name) for name in components}
    before = {
        name: {other for other in components if other != name and set(metas[other].assigns) & set(meta.requires)}
        for name, meta in metas.items()
    }
    ordered: list[str] = []
    remaining = list(components)
    while remaining:
        ready = next((name for name in remaining if before[name] <= set(ordered)), None)
        if ready is None:
            raise ValueError(Errors.E070.format(names=remaining))
        ordered.append(ready)
        remaining.remove(ready)
    return ordered


MODEL_NAME = "trialspacy_core"
# The installable model package made from the built pipeline (scripts/package_model.py), as spaCy
# names it: the language, then the pipeline's name.
MODEL_PACKAGE = f"en_{MODEL_NAME}"
# The spaCy versions the saved pipeline loads in with the same output (tests/integration/test_wheels.py
# loads it in both): spaCy 3.7 on Python 3.11, 3.8 on Python 3.12, as medspaCy requires (setup.cfg).
SPACY_VERSION = ">=3.7.4,<3.9.0"
# The built pipeline of a repository checkout (the package is pipeline/trialspacy/ in it).
MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
_warned: list[str] = []


def pipeline_meta() -> dict[str, str]:
    """What ``nlp.meta`` says of a trialspacy pipeline, built from code or saved."""
    return {
        "name": MODEL_NAME,
        "version": __version__,
        "description": __description__,
        "author": __title__,
        "license": "MIT",
        "spacy_version": SPACY_VERSION,
    }


def build(components: Sequence[str] | None = None) -> Language:
    """Assemble the pipeline from code: trialspacy's tokenizer, then the components (all of
    :data:`COMPONENTS` by default), in :func:`pipeline_order`."""
    nlp = blank()
    nlp.meta.update(pipeline_meta())
    for name in pipeline_order(COMPONENTS if components is None else components):
        nlp.add_pipe(name)
    return nlp


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: loading creates several hundred thousand
    long-lived objects (lexicon entries), and collections triggered while creating them only
    scan objects that survive anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.append(message)
        warnings.warn(message, stacklevel=3)


def source_digests() -> dict[str, str]:
    """SHA-256 of the package files whose content a saved pipeline holds (the tokenizer rules and
    the data files), by path in the package: a saved pipeline records them in its ``meta.json``."""
    package = Path(__file__).resolve().parent
    data = sorted(p for p in (package / "data").iterdir() if p.name.endswith((".jsonl", ".jsonl.gz")))
    return {
        p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in [package / "tokenizer.py", *data]
    }


def stale_reason(meta: dict[str, Any]) -> str | None:
    """Why a saved pipeline with this ``meta.json`` content is not what this code would build,
    or None when it is current."""
    if meta.get("version") != __version__:
        return f"it was built by trialspacy {meta.get('version')}, this is {__version__}"
    recorded = meta.get("trialspacy_digests", {})
    changed = sorted(name for name, digest in source_digests().items() if recorded.get(name) != digest)
    if changed:
        return f"{', '.join(changed)} changed since it was built"
    return None


def _installed_model_meta() -> dict[str, Any] | None:
    """The ``meta.json`` of the installed model package, or None when it is not installed."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    meta = Path(spec.origin).parent / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else None


def _saved_pipeline() -> tuple[str | Path | None, str]:
    """What :func:`load` loads without a path: the installed model package of this version, else
    a checkout's current ``models/trialspacy_core``; or None and the warning that says why neither
    and what to install or run."""
    installed = _installed_model_meta()
    installed_reason = "is not installed" if installed is None else stale_reason(installed)
    if installed_reason is None:
        return MODEL_PACKAGE, ""
    if MODEL_PATH.parent.is_dir():  # the models/ folder of a repository checkout
        meta = MODEL_PATH / "meta.json"
        reason = stale_reason(json.loads(meta.read_text(encoding="utf-8"))) if meta.exists() else "it is absent"
        return (MODEL_PATH, "") if reason is None else (None, Warnings.W007.format(path=MODEL_PATH, reason=reason))
    if installed is not None:
        installed_reason = f"installed is not for this trialspacy: {installed_reason}"
    return None, Warnings.W008.format(package=MODEL_PACKAGE, reason=installed_reason, version=__version__)


def load(path: str | Path | None = None) -> Language:
    """The trialspacy pipeline, ready to use: the pipeline saved at ``path``; by default the
    installed model package ``en_trialspacy_core`` when it is the one of this version; else, in a
    repository checkout, the built pipeline in ``models/trialspacy_core`` (made by
    ``scripts/build_model.py``). Otherwise (no model package, or a stale checkout model: another
    version, or the package's tokenizer rules or data changed since) the pipeline is built from
    code, with one warning that says what to install or run."""
    from . import components as _components  # noqa: F401  (registers the factories)

    if path is None:
        path, warning = _saved_pipeline()
        if path is None:
            _warn_once(warning)
            with _gc_paused():
                return build()
    with _gc_paused():
        return spacy.load(path)


def extract(
    inputs: str | Iterable[str | dict],
    nlp: Language | None = None,
    **reader_options: object,
) -> Iterator[Document]:
    """Yield one output document per input record.

    ``inputs`` are paths (files, directories, ``-``), raw record dicts (API v2 studies or rows
    with a ``text`` field), or a single path. Bad records raise :class:`~trialspacy.errors.RecordError`
    lazily, when reached; use the CLI or :func:`trialspacy.run.run_batch` to collect them instead.
    """
    from .run import extract_docs

    yield from extract_docs(inputs, nlp=nlp, **reader_options)


__all__: list[str] = [
    "COMPONENTS",
    "MODEL_NAME",
    "MODEL_PACKAGE",
    "MODEL_PATH",
    "SPACY_VERSION",
    "__version__",
    "build",
    "extract",
    "load",
    "pipeline_meta",
    "pipeline_order",
    "source_digests",
    "stale_reason",
]
