"""DRUG recognition: the ``trialspacy_drugs`` component and the pure functions it is built from.

- :mod:`.codes`: investigational codes by shape, and their look-alikes;
- :mod:`.stems`: INN/USAN stems and vaccine product names;
- :mod:`.marks`: brand names the record marks with ``®`` or ``™``, where a drug stands;
- :mod:`.context`: words saying a substance is measured, or a cytokine given;
- :mod:`.classes`: drug classes by their grammar;
- :mod:`.gazetteer`: the record's intervention list, and the generic names it gives its codes;
- :mod:`.formulations`: formulations that are their own product, and salt forms that are not;
- :mod:`.boundaries`: class names with their generic head or generation, named antibodies, interferons;
- :mod:`.spelling`: misspellings of the record's drug names;
- :mod:`.packing`: the lexicon as a saved pipeline stores it;
- :mod:`.component`: :class:`DrugRecognizer` and its factory ``make_drugs``;
- :mod:`.vocabulary`: the word lists of ``data/drug_*.jsonl`` these read.
"""

from .codes import CODE_GUARD_RE, CODE_RE, find_codes, is_code, is_code_lookalike
from .component import LEXICON_KEY, PACKED_FILE, DrugRecognizer, is_short_form, make_drugs
from .context import (
    MEASURED_AFTER,
    MEASURED_BEFORE,
    THERAPY_AFTER,
    THERAPY_BEFORE,
    given_as_therapy,
    is_measured,
    next_word,
)
from .formulations import extend_formulations, product_name
from .gazetteer import (
    CORE_TYPES,
    DOSE_FORM_WORDS,
    DOSE_RE,
    GAZETTEER_TYPES,
    NOT_AGENTS,
    PLAN_WORDS,
    ListedName,
    intervention_names,
    listed_names,
    looks_like_name,
    occurrences,
    resolve_codes,
)
from .packing import LEXICON_FILE, pack_lexicon, packed_index, unpack_lexicon
from .spelling import SpellingIndex, spelling_limit, within_edit_distance
from .stems import (
    INN_STEMS,
    LONG_WORD_RE,
    PRODUCT_RE,
    STEM_STOP_ENDINGS,
    find_named_vaccines,
    find_products,
    has_inn_stem,
)

__all__ = [
    "CODE_GUARD_RE",
    "CODE_RE",
    "CORE_TYPES",
    "DOSE_FORM_WORDS",
    "DOSE_RE",
    "GAZETTEER_TYPES",
    "INN_STEMS",
    "LEXICON_FILE",
    "LEXICON_KEY",
    "LONG_WORD_RE",
    "MEASURED_AFTER",
    "MEASURED_BEFORE",
    "NOT_AGENTS",
    "PACKED_FILE",
    "PLAN_WORDS",
    "PRODUCT_RE",
    "STEM_STOP_ENDINGS",
    "THERAPY_AFTER",
    "THERAPY_BEFORE",
    "DrugRecognizer",
    "ListedName",
    "SpellingIndex",
    "extend_formulations",
    "find_codes",
    "find_named_vaccines",
    "find_products",
    "given_as_therapy",
    "has_inn_stem",
    "intervention_names",
    "is_code",
    "is_code_lookalike",
    "is_measured",
    "is_short_form",
    "listed_names",
    "looks_like_name",
    "make_drugs",
    "next_word",
    "occurrences",
    "pack_lexicon",
    "packed_index",
    "product_name",
    "resolve_codes",
    "spelling_limit",
    "unpack_lexicon",
    "within_edit_distance",
]
