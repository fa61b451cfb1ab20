"""Workarounds for third-party libraries, each gated on the versions it was written against.

medspaCy 1.3 (the negation component's ConText backend) costs more to import than it needs to and
changes the process around it: ``medspacy.util`` imports QuickUMLS, whose module imports NLTK, which
imports scipy.stats and scikit-learn (1.5 s or more and about 150 MB, none of it used by ConText);
importing medspaCy resets the process's warning filters; and PyRuSH, which it imports, logs every
sentence at DEBUG through loguru. :func:`import_medspacy` imports it without those effects. Another
medspaCy version is imported plainly: what it imports and does may differ.
"""

import contextlib
import importlib
import sys
import types
import warnings
from collections.abc import Iterator, Sequence
from importlib import metadata
from typing import Any

# The medspaCy versions the workaround was tested with (major, minor).
MEDSPACY_TESTED: tuple[int, int] = (1, 3)
# Modules that medspaCy imports but ConText never uses.
DEFERRED_MODULES: tuple[str, ...] = ("nltk",)


class _DeferredModule(types.ModuleType):
    """Stands in for a module while medspaCy is imported; the first use of one of its attributes
    imports the real module and answers from it, so QuickUMLS still works if someone uses it."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


@contextlib.contextmanager
def _deferring(names: Sequence[str]) -> Iterator[None]:
    """Within the block, ``import name`` of a module not yet imported binds a stand-in;
    afterwards ``sys.modules`` is as before, so a later import gets the real module."""
    stand_ins = {name: _DeferredModule(name) for name in names if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


def medspacy_is_tested() -> bool:
    """Whether the installed medspaCy is a version the workaround was tested with."""
    major, minor, *_ = metadata.version("medspacy").split(".")
    return (int(major), int(minor)) == MEDSPACY_TESTED


def import_medspacy() -> types.ModuleType:
    """medspaCy with its ConText module. For the tested versions: imported without the modules
    in :data:`DEFERRED_MODULES`, with the process's warning filters kept and PyRuSH's logging
    disabled."""
    if not medspacy_is_tested():
        import medspacy
        import medspacy.context

        return medspacy
    with warnings.catch_warnings(), _deferring(DEFERRED_MODULES):
        import medspacy
        import medspacy.context
    from loguru import logger

    logger.disable("PyRuSH")
    return medspacy
