"""After install: entry points and data files resolve, and a saved pipeline gives the same output."""

import configparser
import subprocess
import sys
from importlib import metadata, resources

import pytest
import spacy
from conftest import API_V2_SAMPLE, REPO, SEEDS_DIR
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from typer.testing import CliRunner

import trialspacy
from trialspacy.cli import app
from trialspacy.contract import to_document
from trialspacy.records import iter_records
from trialspacy.run import record_to_doc
from trialspacy.tokenizer import blank


def installed() -> bool:
    try:
        metadata.distribution("trialspacy")
    except metadata.PackageNotFoundError:
        return False
    return True


needs_install = pytest.mark.skipif(not installed(), reason="trialspacy is not pip-installed here (run `make test`)")


@needs_install
def test_every_component_is_a_spacy_factory_entry_point():
    points = {ep.name: ep for ep in metadata.entry_points(group="spacy_factories")}
    for name in trialspacy.COMPONENTS:
        assert name in points, f"{name} missing from setup.cfg spacy_factories"
        assert callable(points[name].load())


@needs_install
def test_console_script_entry_point_resolves():
    (script,) = [ep for ep in metadata.entry_points(group="console_scripts") if ep.name == "trialspacy"]
    assert callable(script.load())


def test_package_data_files_are_installed_and_readable():
    data = resources.files("trialspacy").joinpath("data")
    names = sorted(p.name for p in data.iterdir())
    assert any(n.startswith("drug_") for n in names), names
    for entry in data.iterdir():
        if entry.name.endswith((".jsonl", ".jsonl.gz")):
            assert entry.read_bytes(), entry.name


def test_the_package_is_typed_and_licensed():
    assert resources.files("trialspacy").joinpath("py.typed").is_file()
    assert REPO.joinpath("LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    names = {p.name for p in resources.files("trialspacy").joinpath("data").iterdir()}
    assert {"DRUG_LEXICON.md", "ENDPOINTS.md"} <= names  # the bundled data's sources and terms


def setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    return config


def test_each_python_gets_a_spacy_the_saved_pipeline_declares():
    """Python 3.11 installs spaCy 3.7, Python 3.12 spaCy 3.8 (medspaCy's ranges); the saved
    pipeline's spacy_version admits both."""
    options = setup_cfg()["options"]
    assert options["python_requires"] == ">=3.11,<3.13"
    spacys = [Requirement(line) for line in options["install_requires"].splitlines() if line.startswith("spacy")]
    declared = SpecifierSet(trialspacy.SPACY_VERSION)
    for python, lowest, highest in (("3.11", "3.7.4", "3.7.99"), ("3.12", "3.8.0", "3.8.99")):
        (req,) = [r for r in spacys if r.marker is not None and r.marker.evaluate({"python_version": python})]
        assert req.specifier.contains(lowest) and req.specifier.contains(highest), (python, req)
        assert declared.contains(lowest) and declared.contains(highest)
    assert not declared.contains("3.9.0")
    assert declared.contains(spacy.__version__)
    classifiers = setup_cfg()["metadata"]["classifiers"]
    assert "Python :: 3.11" in classifiers and "Python :: 3.12" in classifiers


def test_version_option_prints_trialspacy_and_spacy_versions():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"trialspacy {trialspacy.__version__} (spaCy {spacy.__version__})\n"


def test_python_dash_m_trialspacy_is_the_command_line():
    done = subprocess.run([sys.executable, "-m", "trialspacy", "--version"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"trialspacy {trialspacy.__version__} ")
    done = subprocess.run([sys.executable, "-m", "trialspacy", "extract", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "extract" in done.stdout


def test_add_pipe_by_name_works_with_a_blank_pipeline():
    nlp = spacy.blank("en")
    for name in trialspacy.COMPONENTS:
        nlp.add_pipe(name)
    assert nlp.pipe_names == list(trialspacy.COMPONENTS)


def test_pipeline_round_trips_through_disk_with_identical_output(tmp_path, nlp):
    nlp.to_disk(tmp_path / "pipe")
    reloaded = spacy.load(tmp_path / "pipe")
    assert reloaded.pipe_names == nlp.pipe_names
    records = list(iter_records([SEEDS_DIR, API_V2_SAMPLE]))
    for record in records[:10]:
        a = to_document(nlp(record_to_doc(nlp, record)))
        b = to_document(reloaded(record_to_doc(reloaded, record)))
        assert a == b


# --- the pipeline's contract with spaCy -----------------------------------------------------------


def test_analyze_pipes_finds_no_problem_in_the_default_order():
    analysis = trialspacy.build().analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in trialspacy.COMPONENTS}
    assert analysis["attrs"]["doc.spans"]["requires"] == ["trialspacy_negation"]


def test_analyze_pipes_reports_negation_before_the_span_writers():
    nlp = blank()
    for name in ("trialspacy_layout", "trialspacy_sentences", "trialspacy_negation", "trialspacy_doses"):
        nlp.add_pipe(name)
    assert nlp.analyze_pipes(pretty=False)["problems"]["trialspacy_negation"] == ["doc.spans"]


def test_pipeline_order_comes_from_requires_and_assigns():
    assert trialspacy.pipeline_order(trialspacy.COMPONENTS) == list(trialspacy.COMPONENTS)
    reordered = trialspacy.build(list(reversed(trialspacy.COMPONENTS)))
    assert reordered.pipe_names[-1] == "trialspacy_negation"
    assert not any(reordered.analyze_pipes(pretty=False)["problems"].values())


def test_a_failing_component_raises_and_the_error_handler_is_called_once():
    """spaCy's own Pipe.pipe calls the pipeline's error handler; a component that answered the
    handler itself would hand None to the next component."""
    nlp = trialspacy.build(["trialspacy_layout", "trialspacy_criteria", "trialspacy_doses", "trialspacy_negation"])
    good = "Inclusion Criteria:\n- Age 18 or over\n- No prior nivolumab"
    broken = nlp.make_doc(good)
    broken._.trialspacy_sections = [
        {"name": "inclusion", "start": 0, "end": "12"}
    ]  # the criteria component fails on it
    with pytest.raises(TypeError):
        nlp(broken)
    failures = []
    nlp.set_error_handler(lambda name, proc, docs, error: failures.append((name, len(docs), type(error))))
    docs = list(nlp.pipe([good, broken, good]))
    assert failures == [("trialspacy_criteria", 1, TypeError)]
    assert [[s.text for s in doc.spans["trialspacy"]] for doc in docs] == [["Age 18 or over", "No prior nivolumab"]] * 2


def test_a_pipeline_made_from_its_config_alone_tokenizes_like_the_saved_one(tmp_path):
    built = trialspacy.build([])
    built.to_disk(tmp_path / "pipe")
    from_config = spacy.util.load_model_from_config(built.config, auto_fill=True)
    saved = spacy.load(tmp_path / "pipe")
    text = "Patients received 60Gy/30fx, then 800-1200cGy×3f and 1Gy/F. for life>3 months."
    expected = [t.text for t in built(text)]
    assert expected[2:7] == ["60", "Gy", "/", "30", "fx"]
    assert [t.text for t in from_config(text)] == expected
    assert [t.text for t in saved(text)] == expected


def test_a_saved_tokenizer_with_other_rules_is_restored(tmp_path):
    """The tokenizer skips restoring the state it was made with, but not another one."""
    built = trialspacy.build([])
    built.tokenizer.add_special_case("60Gy/30fx", [{"ORTH": "60Gy/30fx"}])
    built.to_disk(tmp_path / "pipe")
    assert [t.text for t in spacy.load(tmp_path / "pipe")("60Gy/30fx")] == ["60Gy/30fx"]
    assert [t.text for t in trialspacy.build([])("60Gy/30fx")] == ["60", "Gy", "/", "30", "fx"]


@needs_install
def test_the_tokenizer_is_a_spacy_tokenizers_entry_point():
    points = {ep.name: ep for ep in metadata.entry_points(group="spacy_tokenizers")}
    assert "trialspacy.Tokenizer.v1" in points, "re-install the package (pip install -e .)"
    assert callable(points["trialspacy.Tokenizer.v1"].load())
