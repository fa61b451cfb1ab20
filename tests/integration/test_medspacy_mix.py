"""trialspacy in one pipeline with medspaCy's PyRuSH sentencizer, sectionizer and ConText: no
crash, trialspacy's output unchanged, medspaCy's own attributes as medspaCy alone sets them, and a
saved mixed pipeline run by ``extract --model``."""

import io
import json
import subprocess
import sys
import warnings

import pytest
from conftest import REPO

import trialspacy
from trialspacy._compat import import_medspacy
from trialspacy.cli import extract_command
from trialspacy.contract import to_document
from trialspacy.tokenizer import blank

TEXT = (
    "History of Present Illness: The patient denies aspirin use.\n\n"
    "Inclusion Criteria:\n- No prior nivolumab\n- Age 18 or over\n"
    "Plan: start docetaxel every 3 weeks; the primary endpoint is progression-free survival."
)
MEDSPACY = ("medspacy_pyrush", "medspacy_sectionizer", "medspacy_context")


@pytest.fixture(scope="module")
def plain():
    return trialspacy.build()


def mixed(medspacy_first: bool):
    """trialspacy with medspaCy's components before it (sentencizer, sectionizer) or after it, its
    entities in doc.ents (which ConText reads) and ConText last."""
    import_medspacy()
    nlp = trialspacy.build()
    nlp.add_pipe("trialspacy_ents")
    if medspacy_first:
        nlp.add_pipe("medspacy_pyrush", first=True)
        nlp.add_pipe("medspacy_sectionizer", after="medspacy_pyrush")
    else:
        nlp.add_pipe("medspacy_pyrush", before="trialspacy_ents")
        nlp.add_pipe("medspacy_sectionizer", before="trialspacy_ents")
    nlp.add_pipe("medspacy_context", last=True)
    return nlp


def medspacy_alone(doc):
    """What medspaCy's components alone set on the same tokens with the same entities."""
    nlp = blank()
    for name in MEDSPACY:
        nlp.add_pipe(name)
    alone = nlp.make_doc(doc.text)
    alone.ents = [alone.char_span(e.start_char, e.end_char, label=e.label_) for e in doc.ents]
    for _, component in nlp.pipeline:
        alone = component(alone)
    return alone


def sections(doc):
    return [(s.category, tuple(s.section_span)) for s in doc._.sections]


@pytest.mark.parametrize("medspacy_first", [True, False], ids=["medspacy-first", "medspacy-after"])
def test_mixed_pipeline_keeps_both_libraries_outputs(plain, medspacy_first):
    nlp = mixed(medspacy_first)
    with warnings.catch_warnings():
        # medspaCy's sectionizer runs a token Matcher that has no patterns: spaCy's W036, medspaCy's own.
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        doc = nlp(TEXT)
        alone = medspacy_alone(doc)
    assert to_document(doc) == to_document(plain(TEXT))
    # medspaCy's sectionizer owns doc._.sections; trialspacy's are under its prefix.
    assert sections(doc) == sections(alone) and sections(doc)[0][0] == "history_of_present_illness"
    assert [s["name"] for s in doc._.trialspacy_sections] == ["eligibility", "inclusion"]
    # ConText over trialspacy's entities, with its own rules and PyRuSH's sentences: the same as
    # medspaCy alone; trialspacy's own negation is beside it, under its prefix.
    negated = [(e.text, e._.is_negated) for e in doc.ents]
    assert negated == [(e.text, e._.is_negated) for e in alone.ents]
    assert dict(negated)["aspirin"] is True and dict(negated)["nivolumab"] is True
    assert {e.text: e._.trialspacy_negated for e in doc.ents}["docetaxel"] is False


def test_mixed_pipeline_saved_and_run_by_extract_model(tmp_path, plain):
    nlp = mixed(medspacy_first=True)
    # medspaCy 1.3's PyRuSH sentencizer cannot be saved (spaCy's Sentencizer.to_disk wants its
    # punct_chars); the sectionizer and ConText can.
    nlp.remove_pipe("medspacy_pyrush")
    nlp.to_disk(tmp_path / "mixed")
    source = tmp_path / "record.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        status = extract_command([str(source)], str(out), stderr=io.StringIO(), model=str(tmp_path / "mixed"))
    assert status == 0
    assert json.loads(out.read_text(encoding="utf-8"))["spans"] == to_document(plain(TEXT))["spans"]


# The filter after the imports: spaCy's own import sets W036 to "once", ahead of earlier filters.
SCRIPT = """
import json, sys, warnings
{importing}
import trialspacy
from trialspacy.contract import to_document
warnings.filterwarnings("ignore", message=r"\\[W036\\]")
nlp = trialspacy.build()
nlp.add_pipe("trialspacy_ents")
nlp.add_pipe("medspacy_pyrush", first=True)
nlp.add_pipe("medspacy_sectionizer", after="medspacy_pyrush")
nlp.add_pipe("medspacy_context", last=True)
doc = nlp({text!r})
print(json.dumps(to_document(doc)["spans"]))
"""


@pytest.mark.parametrize(
    "importing",
    ["from trialspacy._compat import import_medspacy; import_medspacy()", "import medspacy"],
    ids=["through-compat", "plainly"],
)
def test_medspacy_imported_either_way_gives_the_same_spans(plain, importing):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(importing=importing, text=TEXT)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == to_document(plain(TEXT))["spans"]
    if "_compat" in importing:
        # Quiet: no PyRuSH debug log, no warning but medspaCy's W036 (filtered above).
        assert done.stderr == ""
