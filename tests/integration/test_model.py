"""The built pipeline in models/trialspacy_core: current, loadable, and the same as the code's."""

import json
import sys
import warnings

import pytest
import spacy
from conftest import API_V2_SAMPLE, REPO, SEEDS_DIR

import trialspacy
from trialspacy.components.drugs import pack_lexicon, packed_index, unpack_lexicon
from trialspacy.contract import to_document
from trialspacy.lexicon import TermIndex, package_data
from trialspacy.records import iter_records
from trialspacy.run import record_to_doc

MODEL = REPO / "models" / trialspacy.MODEL_NAME
REBUILD = "models/trialspacy_core is stale: run scripts/build_model.py"


@pytest.fixture(scope="module")
def saved():
    """The built pipeline, loaded the way users load it."""
    if not (MODEL / "meta.json").exists():
        pytest.fail(f"no built pipeline at {MODEL}: run scripts/build_model.py")
    return spacy.load(MODEL)


@pytest.fixture(scope="module")
def from_code():
    return trialspacy.build()


def test_model_is_where_load_looks_for_it():
    assert trialspacy.MODEL_PATH == MODEL


def test_model_meta_matches_this_version_and_its_files():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "trialspacy_core"
    assert meta["version"] == trialspacy.__version__, REBUILD
    assert meta["trialspacy_digests"] == trialspacy.source_digests(), REBUILD
    assert trialspacy.stale_reason(meta) is None
    assert meta["components"] == list(trialspacy.COMPONENTS)
    assert "date" not in json.dumps(meta).lower()


def test_model_is_small():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 5_000_000, size


def test_model_gives_the_same_output_as_the_pipeline_built_from_code(saved, from_code):
    records = list(iter_records([SEEDS_DIR, API_V2_SAMPLE]))
    assert len(records) == 17
    for record in records:
        expected = to_document(from_code(record_to_doc(from_code, record)))
        assert to_document(saved(record_to_doc(saved, record))) == expected, f"{record.id}: {REBUILD}"


def test_load_loads_the_built_pipeline_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp = trialspacy.load()
    assert nlp.meta["name"] == "trialspacy_core"
    assert nlp.pipe_names == list(trialspacy.COMPONENTS)


def test_load_accepts_an_explicit_path(saved, tmp_path):
    saved.to_disk(tmp_path / "copy")
    nlp = trialspacy.load(tmp_path / "copy")
    assert nlp.pipe_names == saved.pipe_names
    text = "Patients received pembrolizumab 200 mg; progression-free survival at 12 months."
    assert to_document(nlp(text)) == to_document(saved(text))


def test_load_builds_from_code_with_one_warning_when_the_model_is_absent(monkeypatch, tmp_path):
    monkeypatch.setattr(trialspacy, "MODEL_PATH", tmp_path / "absent")
    monkeypatch.setattr(trialspacy, "MODEL_PACKAGE", "en_trialspacy_not_installed")
    monkeypatch.setattr(trialspacy, "_warned", [])
    with pytest.warns(UserWarning, match="run scripts/build_model.py"):
        nlp = trialspacy.load()
    assert nlp.pipe_names == list(trialspacy.COMPONENTS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trialspacy.load()


def fake_model_package(root, meta):
    """A package named like a model package whose meta.json is ``meta`` (importable, not a model)."""
    package = root / "en_trialspacy_fake"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return package.name


def test_load_outside_a_checkout_without_the_model_package_says_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(trialspacy, "MODEL_PATH", tmp_path / "site-packages" / "models" / "trialspacy_core")
    monkeypatch.setattr(trialspacy, "MODEL_PACKAGE", "en_trialspacy_not_installed")
    monkeypatch.setattr(trialspacy, "_warned", [])
    with pytest.warns(UserWarning) as caught:
        nlp = trialspacy.load()
    (warning,) = caught
    message = str(warning.message)
    assert "en_trialspacy_not_installed is not installed" in message
    assert f"pip install en_trialspacy_not_installed-{trialspacy.__version__}-py3-none-any.whl" in message
    assert "scripts/build_model.py" not in message  # not a checkout: nothing to run there
    assert nlp.pipe_names == list(trialspacy.COMPONENTS)
    assert nlp.meta["name"] == "trialspacy_core"


def test_load_skips_a_model_package_of_another_version(monkeypatch, tmp_path):
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(trialspacy, "MODEL_PACKAGE", fake_model_package(tmp_path, dict(meta, version="0.0.9")))
    monkeypatch.setattr(trialspacy, "_warned", [])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp = trialspacy.load()  # a checkout: its current models/trialspacy_core
    assert nlp.path == MODEL
    monkeypatch.setattr(trialspacy, "MODEL_PATH", tmp_path / "site-packages" / "models" / "trialspacy_core")
    with pytest.warns(UserWarning, match="installed is not for this trialspacy: it was built by trialspacy 0.0.9"):
        trialspacy.load()


def test_build_and_the_saved_model_say_what_they_are_in_their_meta(saved, from_code):
    expected = {"name": "trialspacy_core", "version": trialspacy.__version__, "spacy_version": ">=3.7.4,<3.9.0"}
    for nlp in (saved, from_code):
        assert {key: nlp.meta[key] for key in expected} == expected
        assert nlp.meta["description"] == trialspacy.about.__description__
        assert nlp.meta["license"] == "MIT"
    assert spacy.util.is_compatible_version(spacy.__version__, saved.meta["spacy_version"])


def test_stale_reason_names_the_changed_file():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    meta["trialspacy_digests"] = dict(meta["trialspacy_digests"], **{"data/endpoints.jsonl": "0" * 64})
    assert "data/endpoints.jsonl" in trialspacy.stale_reason(meta)
    assert "0.0.0" in trialspacy.stale_reason(dict(meta, version="0.0.0"))


def test_loading_the_model_does_not_import_nltk_scipy_or_sklearn():
    """medspaCy's import chain (QuickUMLS → NLTK → scipy.stats, scikit-learn) costs seconds that
    ConText never uses; the negation component imports medspaCy without it."""
    import subprocess

    code = (
        "import sys, trialspacy; nlp = trialspacy.load(); nlp('No prior nivolumab.'); "
        "print(sorted(m for m in ('nltk', 'scipy.stats', 'sklearn') if m in sys.modules))"
    )
    env = {"PYTHONPATH": str(REPO / "pipeline"), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_quickumls_still_reaches_the_real_nltk_after_the_deferred_import():
    trialspacy.load()
    import quickumls.core

    assert quickumls.core.nltk.edit_distance("nivolumab", "nivolumav") == 1


def test_packed_drug_lexicon_round_trips_and_indexes_like_the_rows():
    rows = package_data("drug_lexicon.jsonl.gz")
    data = pack_lexicon(rows)
    assert pack_lexicon(unpack_lexicon(data)) == data
    assert unpack_lexicon(data) == rows
    index, expected = packed_index(data), TermIndex.from_records(rows)
    assert len(index) == len(expected)
    for tokens in (["pembrolizumab"], ["Keytruda"], ["insulin", "resistance"], ["PD-1", "inhibitor"]):
        assert index.get(tokens) == expected.get(tokens)


def test_drug_component_saves_the_packed_lexicon_it_loaded(saved, tmp_path):
    component = saved.get_pipe("trialspacy_drugs")
    component.to_disk(tmp_path)
    saved_bytes = (MODEL / "trialspacy_drugs" / "drug_lexicon.msgpack.gz").read_bytes()
    assert (tmp_path / "drug_lexicon.msgpack.gz").read_bytes() == saved_bytes
    assert component.rows == package_data("drug_lexicon.jsonl.gz")


def test_build_model_is_byte_reproducible(tmp_path):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import build_model
    finally:
        sys.path.remove(str(REPO / "scripts"))
    build_model.build_model(tmp_path / "model")
    built = sorted(p.relative_to(tmp_path / "model") for p in (tmp_path / "model").rglob("*") if p.is_file())
    assert built == sorted(p.relative_to(MODEL) for p in MODEL.rglob("*") if p.is_file())
    for rel in built:
        assert (tmp_path / "model" / rel).read_bytes() == (MODEL / rel).read_bytes(), f"{rel}: {REBUILD}"
