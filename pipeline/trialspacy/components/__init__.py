"""spaCy components of trialspacy, one module each; importing this registers their factories."""

from . import abbreviations, criteria, doses, drugs, endpoints, ents, layout, negation, sentences, timeframes  # noqa: F401
