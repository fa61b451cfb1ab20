"""The notebooks: committed without outputs, and run top to bottom on the bundled data (nbclient,
in a kernel of this interpreter), each producing its tables and plots without an error."""

import time

import nbformat
import pytest
from conftest import REPO
from nbclient import NotebookClient

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
# Plots each notebook draws (image/png outputs) when it runs to the end.
PLOTS = {"01_extract_and_explore": 5, "02_evaluate": 2, "03_trial_landscape": 3}


def test_the_three_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS] == sorted(PLOTS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name}: strip the outputs before committing"
            )


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, record_property):
    # kernel "python3" is ipykernel's own kernel of this interpreter (the project's venv).
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.perf_counter()
    client.execute()  # raises CellExecutionError, with the cell and traceback, when a cell fails
    record_property("seconds", round(time.perf_counter() - started, 1))
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    plots = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(plots) == PLOTS[path.stem]
    warnings = [o["text"] for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert warnings == [], f"{path.name} wrote to stderr: {warnings}"
