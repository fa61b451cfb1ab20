"""Package metadata."""

__title__ = "trialspacy"
__version__ = "0.1.0"
# The pipeline's description in ``nlp.meta``, for one built from code and the saved one alike.
__description__ = (
    "trialspacy's rule- and lexicon-based pipeline for clinical-trial registry text: DRUG, "
    "RADIATION_DOSE, ENDPOINT, TIMEFRAME and CRITERION spans with attributes in "
    "doc.spans['trialspacy']."
)
