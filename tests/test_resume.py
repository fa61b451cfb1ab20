"""--resume's helpers: the key of a written document, and a JSONL output cut back to complete lines."""

import json
from collections import Counter

import pytest

from trialspacy.resume import resume_key, truncate_partial_line, written_keys


@pytest.mark.parametrize(
    "content, kept",
    [
        (b'{"id": "a"}\n{"id": "b"}\n', b'{"id": "a"}\n{"id": "b"}\n'),
        (b'{"id": "a"}\n{"id": "b", "te', b'{"id": "a"}\n'),
        (b'{"id": "a", "te', b""),
        (b"", b""),
    ],
)
def test_truncate_partial_line_keeps_only_complete_lines(tmp_path, content, kept):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    assert truncate_partial_line(str(path)) == len(content) - len(kept)
    assert path.read_bytes() == kept


def test_truncate_partial_line_finds_a_newline_far_back(tmp_path):
    path = tmp_path / "out.jsonl"
    complete = b'{"id": "NCT02413541"}\n'
    path.write_bytes(complete + b"x" * 200_000)
    assert truncate_partial_line(str(path)) == 200_000
    assert path.read_bytes() == complete


def test_written_keys_count_id_and_text_and_reject_foreign_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    lines = [{"id": "NCT0001", "text": "Stereotactic body radiotherapy"}, {"id": "NCT0001", "text": "Pembrolizumab"}]
    path.write_text("".join(json.dumps(d) + "\n" for d in lines + lines[:1]), encoding="utf-8")
    keys = written_keys(str(path))
    assert keys == Counter(
        {resume_key("NCT0001", "Stereotactic body radiotherapy"): 2, resume_key("NCT0001", "Pembrolizumab"): 1}
    )
    path.write_text('{"id": "NCT0001", "text": "x"}\nOverall survival\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        written_keys(str(path))
