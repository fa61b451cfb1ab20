"""The documentation stands on its own in a plain clone: every relative link resolves to a file of the
repository, and docs/contract.md is the shared entity contract, word for word."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import CORPORA, REPO

# The Markdown a user reads: the README, the changelog, the docs, the notes beside the model, annotations
# and data.
DOCS = sorted(
    [REPO / "README.md", REPO / "CHANGELOG.md", REPO / "models" / "README.md"]
    + [p for pattern in ("docs/*.md", "annotations/*.md", "pipeline/trialspacy/data/*.md") for p in REPO.glob(pattern)]
)
NOTEBOOKS = sorted(REPO.glob("notebooks/*.ipynb"))
# The shared folder beside the clone holds the corpora and the specification.
CONTRACT_SOURCE = CORPORA.parent / "spec" / "ENTITIES.md"
# The note on docs/contract.md's first line (and the blank line after it) that says where it comes from.
CONTRACT_NOTE_LINES = 2

_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_CODE = re.compile(r"`[^`\n]*`")
_MARKDOWN_LINK = re.compile(r"\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"<a\s[^>]*href=[\"']([^\"']+)[\"']", re.I)


def links(markdown: str) -> list[str]:
    """The targets of the Markdown links and HTML anchors outside code blocks and code spans."""
    text = _FENCE.sub("", markdown)
    text = _CODE.sub(lambda m: m.group(0) if "](" in m.group(0) else "", text)
    return _MARKDOWN_LINK.findall(text) + _HREF.findall(text)


def markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def tracked_files() -> set[Path] | None:
    """The files a clone has (git's index), or None outside a git checkout."""
    done = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True)
    if done.returncode != 0:
        return None
    return {(REPO / name).resolve() for name in done.stdout.decode().split("\0") if name}


def test_links_regex_reads_markdown_and_html_links():
    text = 'See [a](docs/a.md#x) and [b](<b c.md>) and <a href="d.md">d</a>, not `[e](e.md)` or [f](https://f).\n'
    assert links(text + "```\n[g](g.md)\n```\n") == ["docs/a.md#x", "e.md", "https://f", "d.md"]


@pytest.mark.parametrize("path", DOCS + NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_resolves_to_a_file_of_the_clone(path):
    tracked = tracked_files()
    broken = []
    for target in links(markdown_of(path)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            continue  # a web address, mail, or an anchor in the same page
        resolved = (path.parent / target.split("#", 1)[0]).resolve()
        inside = resolved.is_relative_to(REPO.resolve())
        in_clone = tracked is None or resolved in tracked or any(p.is_relative_to(resolved) for p in tracked)
        if not (inside and resolved.exists() and in_clone):
            broken.append(target)
    assert broken == [], f"{path.relative_to(REPO)}: links that do not resolve in a clone: {broken}"


def test_no_doc_links_to_the_shared_folder_beside_the_clone():
    for path in DOCS + NOTEBOOKS:
        assert not [t for t in links(markdown_of(path)) if "shared/" in t], path


def test_contract_is_the_shared_specification_word_for_word():
    if not CONTRACT_SOURCE.exists():
        pytest.skip(f"the source of the contract is not here: {CONTRACT_SOURCE}")
    copy = REPO.joinpath("docs", "contract.md").read_text(encoding="utf-8")
    note, body = copy.split("\n", CONTRACT_NOTE_LINES)[:-1], copy.split("\n", CONTRACT_NOTE_LINES)[-1]
    assert "shared/spec/ENTITIES.md" in note[0]
    assert body == CONTRACT_SOURCE.read_text(encoding="utf-8"), (
        "docs/contract.md differs from ../shared/spec/ENTITIES.md: copy the source below the note"
    )
