"""Reading a file the user hands the app: only regular files, capped while reading, bounded
nesting, and every refusal a message in the user's language (never a hang or a traceback)."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from docentwijzer import i18n
from docentwijzer.userfiles import MAX_DEPTH, UserFileError, parse_json, read_json, read_text
from tests.core.userfile_support import finishes, make_hostile, release_fifo

LIMIT = 1_000_000


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = make_hostile(tmp_path / "pijp.json", "fifo")
    yield path
    release_fifo(path)


def test_a_symlink_to_dev_zero_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "nul.json"
    link.symlink_to("/dev/zero")
    tracemalloc.start()
    try:
        result = finishes(lambda: read_text(link, limit=LIMIT))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, UserFileError)
    assert "geen gewoon bestand" in str(result)
    assert peak < 20_000_000


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    result = finishes(lambda: read_text(fifo, limit=LIMIT))
    assert isinstance(result, UserFileError)
    assert "geen gewoon bestand" in str(result)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="geen gewoon bestand"):
        read_text(tmp_path, limit=LIMIT)


def test_a_huge_file_is_refused_while_reading_not_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "groot.json"
    with big.open("wb") as handle:  # sparse: 200 MB without using the disk
        handle.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(UserFileError, match="te groot"):
            read_text(big, limit=LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_the_cap_holds_when_the_size_on_disk_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grows after it was looked at (or a size that lies) is still capped."""
    grows = tmp_path / "groeit.json"
    grows.write_bytes(b" " * (LIMIT + 10))
    real_stat = os.stat_result

    def small(fd: int) -> os.stat_result:
        found = os.stat(grows)
        fields = list(found)
        fields[6] = 10  # st_size
        return real_stat(fields)

    monkeypatch.setattr("docentwijzer.userfiles.os.fstat", small)
    with pytest.raises(UserFileError, match="te groot"):
        read_text(grows, limit=LIMIT)


def test_invalid_utf8_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"naam": "\xe9"}')
    with pytest.raises(UserFileError, match="UTF-8"):
        read_text(bad, limit=LIMIT)


def test_a_missing_file_is_a_message_not_an_oserror(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="kan niet worden gelezen"):
        read_text(tmp_path / "weg.json", limit=LIMIT)


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deep_nesting_is_refused_before_json_recurses(opening: str) -> None:
    text = opening * 100_000
    with pytest.raises(UserFileError, match="te diep"):
        parse_json(text)


def test_nesting_up_to_the_bound_is_fine_and_brackets_in_strings_do_not_count() -> None:
    nested = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_json(nested) is not None
    assert parse_json('{"tekst": "' + "[" * 10_000 + '"}') == {"tekst": "[" * 10_000}
    assert parse_json('{"t": "\\"[[[[["}') == {"t": '"[[[[['}


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.json"
    path.write_text('{\n"a": 1,\n}', encoding="utf-8")
    with pytest.raises(UserFileError, match="regel 3"):
        read_json(path, limit=LIMIT)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}')
    assert read_json(path, limit=LIMIT) == {"a": 1}


def test_messages_follow_the_users_language(tmp_path: Path) -> None:
    i18n.set_language("en")
    with pytest.raises(UserFileError, match="not a regular file"):
        read_text(tmp_path, limit=LIMIT)
