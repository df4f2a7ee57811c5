from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwire.clean.boilerplate import (
    boilerplate_reason,
    furniture,
    is_boilerplate,
    is_teaser_headline,
    parse_rules,
)


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
        "READ ALSO: Market fire leaves traders counting losses",
        "Read also: Talks on river dispute stall again",
        "Also read - Drought forces herders south",
        "Related: Bridge reopens after flood repairs",
        "Related stories",
        "RELATED Ferry service resumes on the lake",
        "More from Example Daily",
        "Recommended",
        "Recommended for you:",
        "Read More »Harvest festival draws record crowds",
        ">> More stories that are trending",
        "Lire aussi : La saison des pluies arrive tôt",
    ],
)
def test_related_links_are_furniture(line: str) -> None:
    found = furniture(line)
    assert found is not None and found.reason == "related link"


@pytest.mark.parametrize(
    "line",
    [
        "Watch: Crowds gather at the harbour for the regatta",
        "VIDEO: How the new bridge was built",
        "Photos: A week on the river",
        "(Photo: Example Daily)",
        "Photo by Jane Roe",
        "File photo of a checkpoint outside a market town.",
        "Image caption, Traders pack up their stalls at dusk",
        "Picture: a fishing boat leaves the harbour",
        "A boy carries water past a row of tents on Sunday — AFP",
        "Residents queue for bread in the old quarter — Example/File",
        "Residents queue for bread in the old quarter. PHOTO: FILE",
        "Residents queue for bread in the old quarter. [Jane Roe/Example Photo]",
        "Residents queue for bread in the old quarter (Example/File)",
        "Residents queue for bread. Photograph: Jane Roe/Example Agency",
        "Photo gallery",
        "Fishermen haul a net onto the beach near the old harbour, Monday, Jan. 9, 2023.",
        "Pupils walk past a burned bus in the market town, March 2, 2021.",
    ],
)
def test_media_titles_and_captions_are_furniture(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize(
    "line",
    [
        "#harvest #festival #weekend",
        "Share this",
        "Share on Facebook",
        "Tweet",
        "WhatsApp",
        "Facebook Twitter WhatsApp Email",
        "Leave a comment",
        "12 comments",
        "No comments:",
        "Subscribe to our newsletter for a daily digest",
        "Sign up for breaking news alerts",
        "Get the latest headlines delivered straight to your inbox every morning",
        "Click here to read the full report",
        "We use cookies to give you the best experience on our website.",
        "This site uses cookies. By continuing to browse you agree to our cookie policy.",
        "Skip to main content",
        "Advertisement",
        "02:15",
    ],
)
def test_sharing_comments_newsletters_cookies_are_furniture(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Militants attacked a police post in the district on Friday, killing three officers.",
        "Support for the ceasefire has grown among tribal elders, the envoy said.",
        "The charity said donations of food had not reached the camp since March.",
        "Police arrested 14 protesters outside the parliament building.",
        "The newspaper's editor was detained.",
        "Related to the attack, police said they had detained two men at a checkpoint.",
        "Related incidents were reported in two other villages, residents said.",
        "More from the convoy were missing after the ambush, an officer said.",
        "Watch towers along the border were shelled overnight.",
        "Photographs circulated online showed smoke over the barracks.",
        "Recommended measures include a curfew in the market district, the governor said.",
        "Comments made by the minister angered opposition lawmakers.",
        "Sign language interpreters joined the rally outside the courthouse.",
        "Copyright disputes are not what the strike was about, the union said.",
        "Gunmen blocked the road between the two towns — the only route to the coast.",
        "In reply to the attack, the army shelled positions north of the river.",
        "Also on Monday, a roadside bomb hit a bus near the market — the second such blast.",
        "Share prices fell after the explosion at the refinery, officials said.",
        "The truce was signed in the capital on March 28, 2022.",
        "Gunmen attacked the convoy on Monday, the army said in a statement dated Jan. 9, 2023.",
    ],
)
def test_news_prose_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None, furniture(line)


def test_a_bare_related_heading_opens_a_teaser_list() -> None:
    heading = furniture("Related stories")
    assert heading is not None and heading.opens_list
    single = furniture("Related: Bridge reopens after flood repairs in the valley town")
    assert single is not None and not single.opens_list


def test_comment_box_heading_ends_the_body() -> None:
    found = furniture("Leave a comment")
    assert found is not None and found.ends_body


def test_teaser_headline_shape() -> None:
    assert is_teaser_headline("Harvest festival draws record crowds")
    assert not is_teaser_headline("Harvest festival drew record crowds on Sunday.")
    assert not is_teaser_headline("x" * 400)


def test_rules_reject_unknown_mode() -> None:
    with pytest.raises(ValueError):
        parse_rules({"groups": [{"reason": "r", "mode": "middle", "patterns": ["a"]}]})


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    assert boilerplate_reason(text) is None or isinstance(boilerplate_reason(text), str)
