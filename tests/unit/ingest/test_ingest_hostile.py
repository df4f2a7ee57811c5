"""Hostile inputs to the readers: each costs one rejection, never the rest of
the file, and the work done is bounded by caps on bytes, not by the input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.config import Settings
from warwire.errors import MESSAGE_MAX, DecodeError
from warwire.ingest import read_inputs
from warwire.ingest.decode import decode_text
from warwire.ingest.jsonl import read_jsonl
from warwire.ingest.raw import reject
from warwire.ingest.warc import read_warc
from warwire.types import RawDocument, Rejection

GOOD_LINE = json.dumps({"id": "ok", "text": "Gunmen burned a market stall in the old quarter."})


def test_deep_nesting_costs_one_line(settings: Settings) -> None:
    deep = '{"text": ' + "[" * 5000 + "]" * 5000 + "}"
    items = list(read_jsonl(io.BytesIO(f"{deep}\n{GOOD_LINE}\n".encode()), "f.jsonl", settings))
    assert [type(i) for i in items] == [Rejection, RawDocument]
    assert items[0].input_id == "f.jsonl:1" and "nested too deeply" in items[0].detail
    assert isinstance(items[1], RawDocument) and items[1].input_id == "ok"


def test_overlong_integer_costs_one_line(settings: Settings) -> None:
    huge = '{"id": ' + "7" * 5000 + ', "text": "a"}'
    items = list(read_jsonl(io.BytesIO(f"{huge}\n{GOOD_LINE}\n".encode()), "f.jsonl", settings))
    assert [type(i) for i in items] == [Rejection, RawDocument]
    assert "number too long" in items[0].detail


@settings(max_examples=150, deadline=None)
@given(st.lists(st.binary(max_size=80) | st.text(max_size=80).map(str.encode), max_size=6))
def test_any_bytes_give_one_item_per_nonblank_line(lines: list[bytes]) -> None:
    flat = [part for line in lines for part in line.replace(b"\r", b"").split(b"\n")]
    data = b"\n".join([*flat, GOOD_LINE.encode()]) + b"\n"
    items = list(read_jsonl(io.BytesIO(data), "f.jsonl", Settings(max_document_bytes=1000)))
    assert len(items) == sum(1 for part in flat if part.strip()) + 1
    last = items[-1]
    assert isinstance(last, RawDocument) and last.input_id == "ok"


def _gz(*chunks: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as g:
        for chunk in chunks:
            g.write(chunk)
    return out.getvalue()


def test_gzip_bomb_rejected_before_expanding(settings: Settings) -> None:
    bomb = _gz(*(bytes(2**20) for _ in range(64)))  # 64 MiB of zeros, ~64 KB packed
    stream = io.BytesIO(bomb)
    items = list(read_warc(stream, "bomb.warc.gz", settings))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].reason == "malformed"
    assert stream.tell() < len(bomb)  # stopped at the head, never read it through


def test_archive_past_its_expansion_cap_rejected(settings: Settings) -> None:
    header = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
    body = _gz(header, *(b"WARC/1.0\r\n" * 100_000 for _ in range(4)))
    items = list(read_warc(io.BytesIO(body), "big.warc.gz", settings, expansion=2**20))
    assert isinstance(items[-1], Rejection) and items[-1].reason == "too_large"
    assert "expands past 1048576" in items[-1].detail


def test_endless_header_line_rejected(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "line.warc.gz"
    path.write_bytes(_gz(b"WARC/1.0\r\nX-Pad: ", *(b"a" * 2**20 for _ in range(12))))
    items = list(read_inputs([str(path)], settings))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].reason == "too_large" and "a line runs past" in items[0].detail


def test_rejection_is_one_bounded_line() -> None:
    bad = reject("evil\nname.txt", "malformed", "x" * 10_000 + "\nforged: line")
    message = bad.message()
    assert "\n" not in message and "\\n" in bad.input_id
    assert len(bad.detail) <= MESSAGE_MAX


def test_file_name_with_newline_stays_one_line(settings: Settings, tmp_path: Path) -> None:
    items = list(read_inputs([str(tmp_path / "gone\nwarwire: forged.txt")], settings))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert "\n" not in items[0].message()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(encoding: str) -> None:
    line = "Gunmen burned a market stall in the old quarter, witnesses said."
    assert decode_text(line.encode(encoding), "x") == line


def test_nul_bytes_that_are_not_utf16_stay_binary() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_text(b"\x00\x01\x02abc\x00\x00PK", "x")
    assert caught.value.reason == "binary"
