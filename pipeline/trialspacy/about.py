"""Package metadata."""

__title__ = "trialspacy"
__version__ = "0.1.0"
