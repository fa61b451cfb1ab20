"""The wheels a user installs (``make dist``: scripts/package_model.py), installed into fresh virtual
environments outside the checkout: from a directory of the user's, ``spacy.load("en_trialspacy_core")``
and ``trialspacy.load()`` load the packaged pipeline with nothing on stderr, and a seed record gives
the spans the checkout gives. On Python 3.11 the new environment borrows the project's installed
dependencies; on Python 3.12 pip installs them from the package index (spaCy 3.8)."""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SEEDS_DIR

import trialspacy

pytestmark = pytest.mark.slow

SEED = sorted(SEEDS_DIR.glob("*.txt"))[0]
# What a user runs after installing the wheels, in a directory of their own; prints what it found.
CHECK = """
import json, sys
import spacy
import trialspacy

by_name = spacy.load("en_trialspacy_core")
nlp = trialspacy.load()
record = next(trialspacy.extract([sys.argv[1]], nlp=nlp))
print(json.dumps({
    "trialspacy": trialspacy.__file__,
    "model": str(nlp.path),
    "meta": {key: by_name.meta[key] for key in ("name", "version", "description", "spacy_version")},
    "spacy": spacy.__version__,
    "python": "%d.%d" % sys.version_info[:2],
    "record": record,
    "by_name_agrees": next(trialspacy.extract([sys.argv[1]], nlp=by_name)) == record,
}))
"""
# Where a Python 3.12 may be: TRIALSPACY_PYTHON312 (.ci/run sets it), else pyenv's versions.
PYENV = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
PYTHON312 = [os.environ.get("TRIALSPACY_PYTHON312", ""), *sorted(glob.glob(f"{PYENV}/versions/3.12*/bin/python3.12"))]


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The library's and the model package's wheels, as ``make dist`` builds them."""
    import package_model

    dist = tmp_path_factory.mktemp("dist")
    wheels = [package_model.library_wheel(dist), package_model.model_wheel(trialspacy.MODEL_PATH, dist)]
    assert [w.name for w in wheels] == [
        f"trialspacy-{trialspacy.__version__}-py3-none-any.whl",
        f"en_trialspacy_core-{trialspacy.__version__}-py3-none-any.whl",
    ]
    return wheels


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A user's directory, outside the checkout, with a copy of a seed record."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(SEED, work / SEED.name)
    return work


def clean_env() -> dict[str, str]:
    """The environment without what would put the checkout's package on the path."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


def run(python: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(python), *args], cwd=cwd, env=clean_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


def site_packages(python: Path) -> Path:
    out = run(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], Path("/"))
    return Path(out.stdout.strip())


def readme_python_example() -> str:
    """The README's Python example (the first ``python`` block of its section "Python")."""
    section = REPO.joinpath("README.md").read_text(encoding="utf-8").split("\n## Python\n", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "no python block in the README's section Python"
    return match.group(1)


def check_installed(python: Path, env: Path, work: Path, nlp: Any) -> dict[str, Any]:
    """Run what a user runs in ``work`` with the environment's ``python``; return what it found
    after checking it loaded the installed packages with nothing on stderr."""
    done = run(python, ["-c", CHECK, str(work / SEED.name)], work)
    assert done.stderr == ""
    found = json.loads(done.stdout)
    assert Path(found["trialspacy"]).is_relative_to(env), found["trialspacy"]  # not the checkout
    assert Path(found["model"]).is_relative_to(env), found["model"]  # the model package, not built from code
    assert found["meta"] == {key: value for key, value in trialspacy.pipeline_meta().items() if key in found["meta"]}
    expected = next(trialspacy.extract([str(work / SEED.name)], nlp=nlp))
    assert found["record"]["spans"], "no spans in the seed record"
    assert found["record"] == expected  # the same spans, attributes, id and meta as the checkout's
    assert found["by_name_agrees"]
    info = run(python, ["-m", "spacy", "info"], work)
    assert f"en_trialspacy_core ({trialspacy.__version__})" in info.stdout, info.stdout
    for command in ([str(env / "bin" / "trialspacy"), "--version"], [str(python), "-m", "trialspacy", "--version"]):
        version = subprocess.run(command, cwd=work, env=clean_env(), capture_output=True, text=True, check=True)
        assert version.stdout.startswith(f"trialspacy {trialspacy.__version__} (spaCy {found['spacy']})")
    example = run(python, ["-c", readme_python_example()], work)
    assert example.stdout and example.stderr == ""
    return found


def test_wheels_install_and_load_by_name_outside_the_checkout(wheels, elsewhere, tmp_path, nlp):
    env = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-index"]
        + [str(w) for w in wheels],
        check=True,
        env=clean_env(),
    )
    # The project's installed dependencies (spaCy & co.) without downloading them again: a path line
    # only, so that the project's own .pth files (its editable trialspacy) are not read.
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages(python) / "trialspacy_project_deps.pth").write_text("\n".join(sorted(paths)) + "\n")
    found = check_installed(python, env, elsewhere, nlp)
    assert found["python"] == "3.11"


def python312() -> str | None:
    for candidate in filter(None, PYTHON312):
        try:
            done = subprocess.run(
                [candidate, "-c", "import sys, venv; print(sys.version_info[:2])"], capture_output=True
            )
        except OSError:
            continue
        if done.returncode == 0 and done.stdout.strip() == b"(3, 12)":
            return candidate
    return None


def test_wheels_install_with_their_dependencies_on_python_312(wheels, elsewhere, tmp_path, nlp):
    python = python312()
    if python is None:
        pytest.skip("no Python 3.12 here (Debian 12 ships 3.11 only; set TRIALSPACY_PYTHON312 or install pyenv's 3.12)")
    env = tmp_path / "venv312"
    subprocess.run([python, "-m", "venv", str(env)], check=True, env=clean_env())
    started = time.perf_counter()
    subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "-c", str(REPO / "requirements-py312.lock")]
        + [str(w) for w in wheels],
        check=True,
        env=clean_env(),
    )
    print(f"Python 3.12: the wheels and their dependencies installed in {time.perf_counter() - started:.0f} s")
    found = check_installed(env / "bin" / "python", env, elsewhere, nlp)
    assert found["python"] == "3.12"
    assert found["spacy"].startswith("3.8.")
