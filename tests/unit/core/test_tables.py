"""Terminal tables: fit the width, cut at words with an ellipsis, TSV when piped."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.tables import ELLIPSIS, TableWriter, fit, parse_columns, truncate

words = st.lists(st.text("abcdefghij", min_size=1, max_size=12), min_size=1, max_size=12)


@given(words, st.integers(min_value=2, max_value=60))
def test_truncate_fits_and_cuts_between_words(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    out = truncate(text, width)
    assert len(out) <= width
    if out == text:
        return
    assert out.endswith(ELLIPSIS)
    kept = out[: -len(ELLIPSIS)]
    assert text.startswith(kept)
    # the kept part ends at the end of a word unless the first word alone is too long
    if " " in text[: width - 1].strip():
        assert text[len(kept)] == " "


def test_truncate_keeps_short_text_and_cuts_long_words_with_an_ellipsis() -> None:
    assert truncate("Battles", 10) == "Battles"
    assert truncate("Government of National Accord", 16) == "Government of…"
    assert truncate("Explosions/Remote", 8) == "Explosi…"


def test_fit_shrinks_free_text_but_never_dates_or_ids() -> None:
    headers = ["event_id", "event_date", "actor1", "location"]
    rows = [["ev-12345678", "2024-06-08", "Military Forces of Somewhere Far", "A long place name"]]
    widths = fit(headers, rows, 50)
    assert sum(widths) + 2 * 3 <= 50
    assert widths[0] == 11 and widths[1] == 10


def event(i: int) -> dict[str, object]:
    return {"kind": "event", "event_id": f"ev-{i:016x}", "event_date": "2024-06-08",
            "country": "Chad", "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": "Military Forces of the Central African Republic", "actor2": None,
            "location": "Somewhere with a long name", "fatalities": i,
            "claims": [{"claimant": "Chadian army", "hedge": "claimed"}]}  # fmt: skip


def test_table_at_80_columns_fits_without_split_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    writer = TableWriter(out)
    for i in range(3):
        writer.write(event(i))
    writer.close()
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert len(lines) == 3 + 3  # title, header, rule and one line per row: nothing wraps
    assert "2024-06-08" in lines[3] and "ev-00000000" in lines[3]
    values = [str(v) for v in event(0).values() if isinstance(v, str)]
    words = {w for v in values for w in v.split()}
    for token in lines[3].split():
        if token.endswith(ELLIPSIS):  # cut after a whole word, or a lone first word cut short
            kept = token[: -len(ELLIPSIS)]
            assert kept in words or any(v.startswith(kept) for v in values)


def test_piped_table_is_tsv_with_full_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = io.StringIO()
    writer = TableWriter(out, columns=("event_id", "actor1", "claimant"))
    writer.write(event(7))
    writer.close()
    header, row = out.getvalue().splitlines()
    assert header.split("\t") == ["event_id", "actor1", "claimant"]
    assert row.split("\t") == [f"ev-{7:016x}", "Military Forces of the Central African Republic",
                               "Chadian army"]  # fmt: skip


def test_unknown_columns_are_refused_with_the_known_ones() -> None:
    assert parse_columns("event_id, country", "event") == ("event_id", "country")
    with pytest.raises(ValueError, match="unknown column bogus; known: kind, event_id"):
        parse_columns("event_id,bogus", "event")
