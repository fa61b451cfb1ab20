"""The DRUG component's word lists, read from package data.

Each file under ``trialspacy/data`` holds one row per item: ``text``, ``role`` (which list of the
file it belongs to) and ``reason`` (why it is there); see ``data/DRUG_LEXICON.md``.
"""

from ...lexicon import package_data


def vocabulary(name: str) -> dict[str, tuple[str, ...]]:
    """The items of data file ``name`` by role, in file order."""
    lists: dict[str, list[str]] = {}
    for row in package_data(name):
        lists.setdefault(row["role"], []).append(row["text"])
    return {role: tuple(items) for role, items in lists.items()}
