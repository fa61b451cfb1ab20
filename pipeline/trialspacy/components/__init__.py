"""spaCy components of trialspacy, one module each; importing this registers their factories."""

from . import abbreviations, drugs, endpoints, layout  # noqa: F401
