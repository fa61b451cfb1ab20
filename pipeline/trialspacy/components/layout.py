"""The layout component: a document's sections and outcome items, when its record did not bring them.

Structured input (API v2 studies, AACT rows, NLI4CT reports) arrives with ``doc._.trialspacy_sections`` set by
the record reader, from the structure itself; plain text gets them from
:func:`trialspacy.layout.parse_layout`.
"""

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..layout import parse_layout
from ..lexicon import doc_text


class LayoutDetector(Pipe):
    """Sets ``doc._.trialspacy_sections`` and ``doc._.trialspacy_outcome_items`` from the text when they are None."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.trialspacy_sections is None:
            layout = parse_layout(doc_text(doc))
            doc._.trialspacy_sections = layout.sections
            doc._.trialspacy_outcome_items = layout.outcome_items
        elif doc._.trialspacy_outcome_items is None:
            # Sections without outcome items: the record had no outcome lists.
            doc._.trialspacy_outcome_items = []
        return doc


@Language.factory("trialspacy_layout", assigns=["doc._.trialspacy_sections", "doc._.trialspacy_outcome_items"])
def make_layout(nlp: Language, name: str) -> LayoutDetector:
    """Factory of the layout component."""
    return LayoutDetector(nlp, name)
