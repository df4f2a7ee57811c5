"""The actor registry: alias tables, generic categories, sentence scans, document context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.resolve.actors import ActorRegistry, default_registry, resolve_in_document

GNA = "Government of National Accord (GNA)"
LNA = "Libyan National Army (LNA)"


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return default_registry()


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("GNA", "LY", GNA),
        ("the Tripoli-based government", "LY", GNA),
        ("Turkish-backed forces", "LY", GNA),
        ("Tripoli-based Government of National Accord", None, GNA),
        ("GNA forces", "LY", GNA),
        ("Libyan troops", "LY", GNA),  # rival governments: the registry decides
        ("Haftar's forces", "LY", LNA),
        ("LNA", None, LNA),
        ("Libyan National Army", None, LNA),
        (["forces", "loyal", "to", "Haftar"][-1], "LY", LNA),
        ("Houthi rebels", "YE", "Houthis (Ansar Allah)"),
        ("Ansar Allah", None, "Houthis (Ansar Allah)"),
        ("Iran-backed Houthis", None, "Houthis (Ansar Allah)"),
        ("Emirati-backed forces", "YE", "Southern Transitional Council (STC)"),
        ("Nigerian troops", "NG", "Military Forces of Nigeria"),
        ("two Nigerian soldiers", None, "Military Forces of Nigeria"),
        ("Nigeria's army", None, "Military Forces of Nigeria"),
        ("Nigerien soldiers", None, "Military Forces of Niger"),
        ("the army", "NG", "Military Forces of Nigeria"),
        ("soldiers", "ML", "Military Forces of Mali"),
        ("police", "KE", "Police Forces of Kenya"),
        ("Syrian army", None, "Military Forces of Syria"),
        ("regime forces", "SY", "Military Forces of Syria"),
        ("Israeli forces", None, "Military Forces of Israel"),
        ("IDF", None, "Military Forces of Israel"),
        ("Russian forces", "UA", "Military Forces of Russia"),
        ("Ukrainian forces", "UA", "Military Forces of Ukraine"),
        ("US troops", None, "Military Forces of the United States"),
        ("Ankara", "LY", "Military Forces of Turkey"),
        ("unidentified gunmen", "NG", "Unidentified Armed Group (Nigeria)"),
        ("bandits", "NG", "Unidentified Armed Group (Nigeria)"),
        ("suspected herdsmen", "NG", "Fulani Ethnic Militia (Nigeria)"),
        ("villagers", "NG", "Civilians (Nigeria)"),
        ("civilians", None, "Civilians"),
        ("protesters", "KE", "Protesters (Kenya)"),
        ("rioters", "IN", "Rioters (India)"),
        ("journalists", "MX", "Journalists (Mexico)"),
        ("Al-Shabab fighters", "SO", "Al Shabaab"),
        ("al-Shabaab insurgents", "MZ", "Islamic State Mozambique Province (ISM)"),
        ("Boko Haram", None, "Boko Haram (JAS)"),
        ("Boko Harram", None, "Boko Haram (JAS)"),  # fuzzy
        ("ISWAP", None, "Islamic State West Africa Province (ISWAP)"),
        ("IS militants", None, "Islamic State (IS)"),
        ("Daesh", None, "Islamic State (IS)"),
        ("HTS", None, "Hayat Tahrir al-Sham (HTS)"),
        ("YPG", None, "Syrian Democratic Forces (SDF)"),
        ("SNA", "SY", "Syrian National Army (SNA)"),
        ("SNA", "SO", "Military Forces of Somalia"),
        ("Wagner mercenaries", None, "Wagner Group"),
        ("Russian private military contractors", "LY", "Wagner Group"),
        ("Syrian militants", "LY", "Syrian militants (Turkish-backed)"),
        ("RSF", None, "Rapid Support Forces (RSF)"),
        ("Sudanese army", None, "Military Forces of Sudan"),
        ("M23 rebels", None, "March 23 Movement (M23)"),
        ("JNIM", None, "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("the Taliban", None, "Taliban"),
        ("Pakistani Taliban", None, "Tehrik-i-Taliban Pakistan (TTP)"),
        ("Qassam Brigades", None, "Hamas Movement"),
        ("Hizbollah", None, "Hezbollah"),
        ("Kurdistan Workers' Party", None, "Kurdistan Workers' Party (PKK)"),
        ("Ejército de Liberación Nacional", None, "National Liberation Army (ELN)"),
        ("Arakan Army", None, "Arakan Army (AA)"),
        ("junta troops", "MM", "Military Forces of Myanmar"),
        ("PDF", "MM", "People's Defence Force (PDF)"),
        ("Fano militiamen", None, "Fano Militia"),
        ("Maoists", "IN", "Communist Party of India (Maoist)"),
        # a country's possessive says where: the rest says who
        ("Mali's JNIM", None, "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("Somalia's army", None, "Military Forces of Somalia"),
    ],
)
def test_alias_table(reg: ActorRegistry, text: str, country: str | None, name: str) -> None:
    actor = reg.resolve(text, country)
    assert actor is not None, text
    assert actor.name == name


@pytest.mark.parametrize(
    ("text", "country"),
    [("is", None), ("SNA", None), ("the weather", "LY"), ("soldiers", None), ("Nigerian", None),
     ("", None), ("PDF", "NG"), ("Zomi Revolutionary Front", "MM")],
)  # fmt: skip
def test_unknown_or_ambiguous(reg: ActorRegistry, text: str, country: str | None) -> None:
    assert reg.resolve(text, country) is None


def test_inter_and_backers(reg: ActorRegistry) -> None:
    gna, lna = reg.resolve("GNA"), reg.resolve("LNA")
    assert gna is not None and lna is not None
    assert (gna.inter, lna.inter, gna.country) == (1, 2, "LY")
    assert "Military Forces of Turkey" in gna.backers
    assert {"Military Forces of Egypt", "Wagner Group"} <= set(lna.backers)
    assert gna.actor_id == "government-of-national-accord-gna"


@pytest.mark.parametrize(
    ("text", "name", "inter"),
    [
        ("the Kebbi Vigilante Group", "Kebbi Vigilante Group", 4),
        ("Zamfara militia", "Zamfara militia", 3),
        ("Zomi Revolutionary Front", "Zomi Revolutionary Front", 2),
        ("farm workers' protesters", "farm workers' protesters", 6),
        ("Acme Holdings", "Acme Holdings", None),
    ],
)
def test_resolve_or_keep(reg: ActorRegistry, text: str, name: str, inter: int | None) -> None:
    actor = reg.resolve_or_keep(text, "NG")
    assert (actor.name, actor.inter, actor.country) == (name, inter, "NG")
    assert actor.actor_id and actor.actor_id.startswith("unknown:")


def test_state_forces(reg: ActorRegistry) -> None:
    assert reg.state_forces("ng").name == "Military Forces of Nigeria"
    assert reg.state_forces("KE", "police").name == "Police Forces of Kenya"
    assert reg.state_forces("LY").name == GNA
    assert reg.state_forces("CD").name == "Military Forces of the Democratic Republic of Congo"
    assert reg.state_forces("NO").name == "Military Forces of Norway"  # not in the registry
    with pytest.raises(ValueError):
        reg.state_forces("NG", "navy")


def test_find_in_sentence(reg: ActorRegistry) -> None:
    s = (
        "LNA forces said Haftar's troops and Turkish-backed Syrian militants clashed; "
        "Ankara sent drones, and officials met in Ankara. This is it, IS claimed."
    )
    got = [(s[a:b], actor.name) for a, b, actor in reg.find(s, "LY")]
    assert got == [
        ("LNA forces", LNA),
        ("Haftar's troops", LNA),
        ("Turkish-backed Syrian militants", "Syrian militants (Turkish-backed)"),
        ("Ankara", "Military Forces of Turkey"),
        ("IS", "Islamic State (IS)"),
    ]


def test_find_longest_first(reg: ActorRegistry) -> None:
    s = "Nigerian Air Force jets bombed Boko Haram positions."
    got = [(s[a:b], actor.name) for a, b, actor in reg.find(s, "NG")]
    assert got == [("Nigerian Air Force", "Military Forces of Nigeria"),
                   ("Boko Haram", "Boko Haram (JAS)")]  # fmt: skip


def test_document_context() -> None:
    names = ["LNA forces", "GNA", "Tripoli-based government", "the army", "its forces",
             "Turkish-backed forces", "Ankara"]  # fmt: skip
    got = resolve_in_document(names, "LY")
    assert got["LNA forces"].name == LNA
    assert got["the army"].name == LNA  # the army named in the story, not a state's
    assert got["its forces"].name == LNA
    assert {got[n].name for n in ("GNA", "Tripoli-based government", "Turkish-backed forces")} == {
        GNA
    }
    assert got["Ankara"].name == "Military Forces of Turkey"


def test_document_context_sequence(reg: ActorRegistry) -> None:
    seq = reg.resolve_in_document(["the army", "Boko Haram", "its fighters"], "NG")
    assert [a.name for _, a in seq] == [
        "Military Forces of Nigeria", "Boko Haram (JAS)", "Boko Haram (JAS)"
    ]  # fmt: skip


def test_from_data_minimal() -> None:
    reg = ActorRegistry.from_data(
        {
            "states": [{"iso": "ZZ", "name": "Zedland", "demonyms": ["Zed"]}],
            "groups": [{"name": "Zed Front (ZF)", "inter": 2, "country": "ZZ", "aliases": ["ZF"]}],
            "generics": [{"template": "Civilians ({country})", "inter": 7, "words": ["civilians"]}],
        }
    )
    assert reg.resolve("Zed soldiers").name == "Military Forces of Zedland"  # type: ignore[union-attr]
    assert reg.resolve("ZF fighters").name == "Zed Front (ZF)"  # type: ignore[union-attr]
    assert reg.resolve("civilians", "ZZ").name == "Civilians (Zedland)"  # type: ignore[union-attr]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([None, "LY", "NG", "SY"]))
def test_find_never_raises_and_spans_are_ordered(text: str, country: str | None) -> None:
    reg = default_registry()
    last = 0
    for start, end, actor in reg.find(text, country):
        assert last <= start < end <= len(text)
        assert actor.name
        last = end
    try:
        assert reg.resolve_or_keep(text, country).name
    except ValueError:  # only blank names are refused
        assert not text.strip().strip(".,;:!?\"'()[]").split()


def test_backed_generic_goes_to_the_client(reg: ActorRegistry) -> None:
    sdf = reg.resolve("US-backed fighters", "SY")
    assert sdf is not None and sdf.name == "Syrian Democratic Forces (SDF)"
    assert reg.resolve("Iran-backed militias", "ZZ") is None


def test_find_generic_words_only_on_request(reg: ActorRegistry) -> None:
    s = "Unidentified gunmen fired at troops near the military base."
    assert reg.find(s, "NG") == []
    got = [(s[a:b], actor.name) for a, b, actor in reg.find(s, "NG", include_generic=True)]
    assert got[:2] == [
        ("Unidentified gunmen", "Unidentified Armed Group (Nigeria)"),
        ("troops", "Military Forces of Nigeria"),
    ]
