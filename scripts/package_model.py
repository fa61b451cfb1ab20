"""Build the two wheels a user installs: the library and the model package (see models/README.md).

- ``trialspacy-X-py3-none-any.whl``: the library, built by ``pip wheel`` from a clean copy of the
  sources (setuptools would otherwise reuse ``build/`` in the checkout, where files deleted from the
  package survive and end up in the wheel).
- ``en_trialspacy_core-X-py3-none-any.whl``: the built pipeline ``models/trialspacy_core`` as a spaCy
  model package, made the way spaCy and scispaCy make theirs (``spacy package``), so that
  ``spacy.load("en_trialspacy_core")`` works from any directory and ``spacy info`` lists it. It
  requires the trialspacy of the same version (its components and tokenizer are trialspacy's).

``make dist`` runs this. Usage: python scripts/package_model.py [DIST] [--model models/trialspacy_core]
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import srsly
from spacy.cli.package import package

import trialspacy
import trialspacy.components  # registers the factories: spacy package loads the pipeline

REPO = Path(__file__).resolve().parent.parent
# What setuptools reads to build the library's wheel (setup.cfg names the rest: pipeline/).
LIBRARY_FILES = ("setup.cfg", "pyproject.toml", "README.md", "LICENSE")


def pip_wheel(source: Path, dist: Path) -> Path:
    """``pip wheel`` of the project at ``source``, moved into ``dist`` (replacing one of the same
    name); the wheel's path."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out, str(source)],
            check=True,
        )
        (built,) = Path(out).glob("*.whl")
        return Path(shutil.move(built, dist / built.name))


def library_wheel(dist: Path) -> Path:
    """Build ``trialspacy-X-py3-none-any.whl`` into ``dist``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "trialspacy"
        source.mkdir()
        for name in LIBRARY_FILES:
            shutil.copy2(REPO / name, source / name)
        shutil.copytree(
            REPO / "pipeline", source / "pipeline", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
        return pip_wheel(source, dist)


def model_wheel(model: Path, dist: Path) -> Path:
    """Build ``en_trialspacy_core-X-py3-none-any.whl`` from the saved pipeline ``model`` into ``dist``."""
    meta = srsly.read_json(model / "meta.json")
    if (reason := trialspacy.stale_reason(meta)) is not None:
        raise SystemExit(f"{model} is stale ({reason}): run scripts/build_model.py")
    # The pipeline's components are this trialspacy's (its data digests are in the meta).
    meta["requirements"] = [f"trialspacy=={trialspacy.__version__}"]
    with tempfile.TemporaryDirectory() as tmp:
        meta_path = Path(tmp) / "meta.json"
        srsly.write_json(meta_path, meta)
        package(
            model,
            Path(tmp),
            meta_path=meta_path,
            name=trialspacy.MODEL_NAME,
            version=trialspacy.__version__,
            create_sdist=False,
        )
        return pip_wheel(Path(tmp) / f"{trialspacy.MODEL_PACKAGE}-{trialspacy.__version__}", dist)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, nargs="?", default=REPO / "dist", help="directory to write the wheels to")
    parser.add_argument("--model", type=Path, default=trialspacy.MODEL_PATH, help="the saved pipeline to package")
    args = parser.parse_args()
    args.dist.mkdir(parents=True, exist_ok=True)
    for wheel in (library_wheel(args.dist), model_wheel(args.model, args.dist)):
        print(f"wrote {wheel} ({wheel.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
