"""After install: entry points and data files resolve, and a saved pipeline gives the same output."""

from importlib import metadata, resources

import pytest
import spacy
from conftest import API_V2_SAMPLE, SEEDS_DIR

import trialspacy
from trialspacy.contract import to_document
from trialspacy.records import iter_records
from trialspacy.run import record_to_doc


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
