from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from store_builders import FILLER, PARTISAN_TEXT

from warwire.clean import syndication as syn


def test_wrapped_copy_is_a_copy_and_shares_a_band() -> None:
    copy = "MIRROR SITE | Menu | Login\n" + PARTISAN_TEXT + "\nShare on social media. (c) Mirror"
    assert syn.is_copy(PARTISAN_TEXT, copy)
    a, b = syn.fingerprint(PARTISAN_TEXT), syn.fingerprint(copy)
    assert set(a.bands) & set(b.bands)
    assert syn.estimated_jaccard(a.signature, b.signature) > 0.5


def test_lightly_edited_copy_found() -> None:
    edited = PARTISAN_TEXT.replace("heavy fighting", "fierce fighting").replace(
        "several", "a number of"
    )
    assert syn.is_copy(PARTISAN_TEXT, edited)
    assert set(syn.fingerprint(PARTISAN_TEXT).bands) & set(syn.fingerprint(edited).bands)


def test_unrelated_texts_are_not_copies() -> None:
    one = ". ".join(FILLER[:6])
    two = ". ".join(FILLER[6:12])
    assert not syn.is_copy(one, two)
    assert not set(syn.fingerprint(one).bands) & set(syn.fingerprint(two).bands)


def test_short_texts_never_copies() -> None:
    assert not syn.is_copy("Shelling in Donetsk.", "Shelling in Donetsk.")


def test_signature_round_trip_and_stability() -> None:
    fp = syn.fingerprint(PARTISAN_TEXT)
    assert syn.deserialize_signature(syn.serialize_signature(fp.signature)) == fp.signature
    assert syn.fingerprint(PARTISAN_TEXT) == fp
    assert len(fp.bands) == syn.BANDS and all(0 <= k < 2**63 for k in fp.bands)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_fingerprint_any_text(text: str) -> None:
    fp = syn.fingerprint(text)
    assert len(fp.signature) == syn.NUM_PERM
    assert syn.overlap(syn.shingles(text), syn.shingles(text)) in (0.0, 1.0)
