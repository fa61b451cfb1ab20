"""The entities component: trialspacy's spans also as ``doc.ents``, for tools that read only those
(``displacy.render(doc, style="ent")``, scispaCy's entity linker, medspaCy's ConText by default).

``doc.ents`` cannot overlap while the span group does (a DRUG inside a CRITERION, a TIMEFRAME inside
an ENDPOINT's measure): the spans of the chosen labels are made non-overlapping longest first
(spaCy's ``filter_spans``). CRITERION is left out by default, since a criterion spans whole lines and
would hide every entity inside it. The entities are the group's spans (same offsets and label), so
their ``._.trialspacy_*`` attributes read the same values.
"""

from collections.abc import Sequence

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..spans import DRUG, ENDPOINT, RADIATION_DOSE, SPAN_KEY, TIMEFRAME, label_spans

ENT_LABELS: tuple[str, ...] = (DRUG, RADIATION_DOSE, ENDPOINT, TIMEFRAME)


class Entities(Pipe):
    """Writes the spans of ``labels`` in group ``spans_key`` to ``doc.ents``, without overlaps;
    entities already there (another component's) are kept unless ``overwrite_ents``, and ours
    fill the tokens they leave free, as spaCy's entity ruler does."""

    def __init__(
        self,
        nlp: Language,
        name: str = "trialspacy_ents",
        *,
        spans_key: str = SPAN_KEY,
        labels: Sequence[str] = ENT_LABELS,
        overwrite_ents: bool = False,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.ent_labels = frozenset(labels)
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        ours = filter_spans([s for s in label_spans(doc, spans_key=self.spans_key) if s.label_ in self.ent_labels])
        kept = [] if self.overwrite_ents else list(doc.ents)
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        free = [s for s in ours if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(kept + free, key=lambda s: s.start)
        return doc


@Language.factory(
    "trialspacy_ents",
    assigns=["doc.ents"],
    requires=["doc.spans"],
    default_config={"spans_key": SPAN_KEY, "labels": list(ENT_LABELS), "overwrite_ents": False},
)
def make_ents(nlp: Language, name: str, spans_key: str, labels: list[str], overwrite_ents: bool) -> Entities:
    """Factory of the entities component (not in the default pipeline: add it with
    ``nlp.add_pipe("trialspacy_ents")``)."""
    return Entities(nlp, name, spans_key=spans_key, labels=labels, overwrite_ents=overwrite_ents)
