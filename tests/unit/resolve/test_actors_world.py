"""The registry covers the world's current conflicts: named groups and state forces resolve in
their country's stories, their aliases stay silent on ordinary text, and local aliases hold only
at home. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from warwire.resolve.actor_kinds import inter_of
from warwire.resolve.actors import ActorRegistry, default_registry


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return default_registry()


@pytest.mark.parametrize(
    ("text", "country", "name", "inter"),
    [
        # Africa
        ("JNIM fighters", "BF", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", 2),
        ("Ansarul Islam", "BF", "Ansaroul Islam", 2),
        ("Dozo hunters", "ML", "Dozo Communal Militia", 4),
        ("Dan Na Ambassagou", "ML", "Dan Na Ambassagou", 4),
        ("FLA", "ML", "Azawad Liberation Front (FLA)", 2),
        ("Tuareg rebels", "ML", "Azawad Liberation Front (FLA)", 2),
        ("Lakurawa militants", "NG", "Lakurawa", 2),
        ("IPOB", "NG", "Indigenous People of Biafra (IPOB)", 3),
        ("CJTF", "NG", "Civilian Joint Task Force (CJTF)", 3),
        ("FACT rebels", "TD", "Front for Change and Concord in Chad (FACT)", 2),
        ("Ambazonian separatists", "CM", "Ambazonian Separatists", 2),
        ("ADF", "CM", "Ambazonian Separatists", 2),
        ("ADF", "CD", "Allied Democratic Forces (ADF)", 2),
        ("BIR", "CM", "Military Forces of Cameroon", 1),
        ("CODECO", "CD", "Cooperative for the Development of Congo (CODECO)", 3),
        ("CODECO militiamen", None, "Cooperative for the Development of Congo (CODECO)", 3),
        ("Mai-Mai", "CD", "Mai-Mai Militia", 3),
        ("FDLR", None, "Democratic Forces for the Liberation of Rwanda (FDLR)", 2),
        ("Twirwaneho", "CD", "Twirwaneho Militia", 4),
        ("UN peacekeepers", "CD", "United Nations Organization Stabilization Mission in the DR "
         "Congo (MONUSCO)", 8),
        ("UN peacekeepers", "LB", "United Nations Interim Force in Lebanon (UNIFIL)", 8),
        ("3R", "CF", "Return, Reclamation and Rehabilitation (3R)", 2),
        ("anti-balaka militiamen", "CF", "Anti-Balaka", 3),
        ("Imbonerakure", "BI", "Imbonerakure", 3),
        ("SPLA-IO", "SS", "Sudan People's Liberation Movement-in-Opposition (SPLM-IO)", 2),
        ("White Army", "SS", "White Army", 4),
        ("Janjaweed", "SD", "Arab Ethnic Militia (Sudan)", 4),
        ("JEM", "SD", "Justice and Equality Movement (JEM)", 2),
        ("the joint forces", "SD", "Joint Darfur Force", 2),
        ("Macawisley", "SO", "Macawisley Militia", 3),
        ("ATMIS", "SO", "African Union Support and Stabilization Mission in Somalia (AUSSOM)", 8),
        ("Shane", "ET", "Oromo Liberation Army (OLA)", 2),
        ("Fano", "ET", "Fano Militia", 3),
        ("Radaa", "LY", "Special Deterrence Force (Radaa)", 3),
        # Middle East
        ("Hamas", "PS", "Hamas Movement", 2),
        ("HAMAS", None, "Hamas Movement", 2),
        ("Al-Aqsa Martyrs' Brigades", "PS", "Al Aqsa Martyrs Brigade", 2),
        ("the Jenin Brigade", "PS", "Jenin Brigade", 2),
        ("Border Police", "PS", "Police Forces of Israel", 1),
        ("Asaib Ahl al-Haq", "IQ", "Asa'ib Ahl al-Haq (AAH)", 3),
        ("Peshmerga", "IQ", "Peshmerga (Kurdistan Regional Government)", 1),
        ("Giants Brigades", "YE", "Giants Brigades", 3),
        ("General Security", "SY", "Military Forces of Syria", 1),
        ("Druze fighters", "SY", "Druze Militia (Syria)", 4),
        ("PJAK", None, "Party of Free Life of Kurdistan (PJAK)", 2),
        ("Jaish al-Adl", "IR", "Jaish al-Adl", 2),
        # South and Southeast Asia
        ("TTP", "PK", "Tehrik-i-Taliban Pakistan (TTP)", 2),
        ("BLF", "PK", "Balochistan Liberation Front (BLF)", 2),
        ("CTD", "PK", "Police Forces of Pakistan", 1),
        ("LeT", "IN", "Lashkar-e-Taiba (LeT)", 2),
        ("JeM", "IN", "Jaish-e-Mohammed (JeM)", 2),
        ("TRF", "IN", "The Resistance Front (TRF)", 2),
        ("ULFA-I", "IN", "United Liberation Front of Asom-Independent (ULFA-I)", 2),
        ("NSCN-IM", "IN", "National Socialist Council of Nagaland-Isak-Muivah (NSCN-IM)", 2),
        ("Maoists", "IN", "Communist Party of India (Maoist)", 2),
        ("DRG", "IN", "Police Forces of India", 1),
        ("KIA", "MM", "Kachin Independence Army (KIA)", 2),
        ("TNLA", "MM", "Ta'ang National Liberation Army (TNLA)", 2),
        ("MNDAA", None, "Myanmar National Democratic Alliance Army (MNDAA)", 2),
        ("KNU", "MM", "Karen National Union (KNU)", 2),
        ("the junta", "MM", "Military Forces of Myanmar", 1),
        ("junta forces", "ML", "Military Forces of Mali", 1),
        ("ARSA", "BD", "Arakan Rohingya Salvation Army (ARSA)", 2),
        ("BRN", "TH", "Barisan Revolusi Nasional (BRN)", 2),
        ("insurgents", "TH", "Malay Muslim Separatists (Thailand)", 2),
        ("NPA", "PH", "New People's Army (NPA)", 2),
        ("communist rebels", "PH", "New People's Army (NPA)", 2),
        ("MILF", "PH", "Moro Islamic Liberation Front (MILF)", 2),
        ("BIFF", "PH", "Bangsamoro Islamic Freedom Fighters (BIFF)", 2),
        ("ASG bandits", "PH", "Abu Sayyaf Group (ASG)", 2),
        ("Dawlah Islamiyah", "PH", "Dawlah Islamiyah-Maute Group", 2),
        ("Armed Forces of the Philippines", None, "Military Forces of the Philippines", 1),
        ("Papuan rebels", "ID", "West Papua National Liberation Army (TPNPB)", 2),
        ("TPNPB", None, "West Papua National Liberation Army (TPNPB)", 2),
        ("KKB", "ID", "West Papua National Liberation Army (TPNPB)", 2),
        ("OPM", "ID", "West Papua National Liberation Army (TPNPB)", 2),
        # Americas
        ("Gulf Cartel", "MX", "Gulf Cartel (CDG)", 3),
        ("La Familia Michoacana", "MX", "La Familia Michoacana", 3),
        ("National Guard", "MX", "Military Forces of Mexico", 1),
        ("MS-13", "SV", "Mara Salvatrucha (MS-13)", 3),
        ("Barrio 18", "GT", "Barrio 18", 3),
        ("Viv Ansanm", "HT", "Viv Ansanm", 3),
        ("Gran Grif", "HT", "Gran Grif Gang", 3),
        ("ELN", "CO", "National Liberation Army (ELN)", 2),
        ("Estado Mayor Central", "CO", "FARC Dissidents", 2),
        ("Clan del Golfo", "CO", "Gulf Clan (AGC)", 3),
        ("Tren de Aragua", "VE", "Tren de Aragua", 3),
        ("colectivos", "VE", "Colectivos (Venezuela)", 3),
        ("Los Choneros", "EC", "Los Choneros", 3),
        ("Los Lobos", "EC", "Los Lobos", 3),
        ("Shining Path", "PE", "Shining Path (Militarized Communist Party of Peru)", 2),
        ("Comando Vermelho", "BR", "Comando Vermelho (CV)", 3),
        ("PCC", "BR", "Primeiro Comando da Capital (PCC)", 3),
        ("military police", "BR", "Police Forces of Brazil", 1),
        # Europe and the Caucasus
        ("Azov Brigade", "UA", "Military Forces of Ukraine", 1),
        ("Kadyrovites", "UA", "Military Forces of Russia", 1),
        ("Russian Volunteer Corps", "RU", "Russian Volunteer Corps (RDK)", 2),
        ("North Korean troops", "RU", "Military Forces of North Korea", 1),
        ("Guatemalan soldiers", None, "Military Forces of Guatemala", 1),
    ],
)  # fmt: skip
def test_world_actor_resolves(
    reg: ActorRegistry, text: str, country: str | None, name: str, inter: int
) -> None:
    actor = reg.resolve(text, country)
    assert actor is not None, text
    assert (actor.name, actor.inter) == (name, inter)


def test_found_in_a_sentence(reg: ActorRegistry) -> None:
    text = (
        "Suspected ASG bandits ambushed a patrol of the Armed Forces of the Philippines "
        "while NPA guerrillas torched a crane."
    )
    names = [a.name for _, _, a in reg.find(text, "PH")]
    assert names == [
        "Abu Sayyaf Group (ASG)",
        "Military Forces of the Philippines",
        "New People's Army (NPA)",
    ]
    text = "TPNPB fighters shot at Indonesian troops near the airstrip, the KKB said."
    names = [a.name for _, _, a in reg.find(text, "ID")]
    assert names[:2] == [
        "West Papua National Liberation Army (TPNPB)",
        "Military Forces of Indonesia",
    ]


# Ordinary text full of words some alias folds to: fact, let, return, bra, sap, Hama,
# Shane, Amal, Fano, Azov, rangers, junta, coalition, joint forces ...
ORDINARY = """
In fact, the council let residents return their library books late this spring, and the
bakery on Main Street sold out of bread before noon. Shane and Amal met at the Fano film
festival, then drove along the Sea of Azov coast to watch the sunset. The Rangers beat the
Lions two goals to one on Saturday, and the Red Dragons lost at home. A junta of retired
teachers runs the chess club, which plans a joint forces evening with the drama society. The
maple sap ran early; a new bra shop opened beside the post office. Hama is a city on the
Orontes river famous for its water wheels. The National Guard band played at the county fair,
and the Border Police museum opened a new wing. Scientists at the institute said the vaccine
trial enrolled 400 volunteers; the AFP photographer filed pictures of the harvest. Our
colleagues from the Federal Police choir sang carols, and the militia museum reopened after
repairs. Farmers in the valley expect a good harvest of wheat, maize and potatoes, and the
cooperative will open a new warehouse. The school's debating team, the Lobos, won the
regional final, and the insurgents in the novel finally lose. The Gulf of Mexico was calm,
the Sinaloa state fair opened, and the Jalisco orchestra toured Europe. Students in Jenin
and Tulkarm sat their exams. The KIA dealership, the PCC pipe maker and the NPA clinic
announced results; the BRN of the chess federation is a rating. Karen, Chin and Wa are
also common words in recipes and names. Let us meet at the CODEC conference about audio.
The return of migratory birds to the delta delighted the Rangers of the national park.
"""


@pytest.mark.parametrize("country", [None, "US", "GB", "FR", "DE", "AU"])
def test_no_false_hits_on_ordinary_text(reg: ActorRegistry, country: str | None) -> None:
    hits = [(ORDINARY[a:b], actor.name) for a, b, actor in reg.find(ORDINARY, country)]
    allowed = {"Military Forces of Mexico", "Police Forces of Israel"}  # named states, not groups
    assert [h for h in hits if h[1] not in allowed and not h[1].startswith("Government of")] == []


@pytest.mark.parametrize(
    ("text", "home", "abroad"),
    [
        ("NPA", "PH", "GB"),
        ("BRN", "TH", "MY"),
        ("KIA", "MM", "US"),
        ("KKB", "ID", "AU"),
        ("OPM", "ID", "US"),
        ("Shane", "ET", "US"),
        ("ASG", "PH", "US"),
        ("TRF", "IN", "GB"),
        ("National Guard", "MX", "US"),
        ("insurgents", "TH", "NG"),
        ("Popular Resistance", "SD", "FR"),
        ("Rangers", "PK", "GB"),
        ("PCC", "BR", "CN"),
        ("junta", "MM", "ML"),
    ],
)
def test_local_aliases_stay_at_home(reg: ActorRegistry, text: str, home: str, abroad: str) -> None:
    at_home = reg.resolve(text, home)
    assert at_home is not None and at_home.country in (home, None)
    away = reg.resolve(text, abroad)
    assert away is None or away.country != at_home.country or away.name != at_home.name


def test_cased_acronyms_need_their_capitals(reg: ActorRegistry) -> None:
    assert reg.resolve("LeT", "IN") is not None
    assert reg.resolve("let", "IN") is None
    assert reg.resolve("fact", "TD") is None
    assert reg.resolve("Hama", "SY") is None


def test_every_group_is_well_formed(reg: ActorRegistry) -> None:
    for actor in reg.actors.values():
        assert actor.inter in range(1, 9), actor.name
        assert actor.country is None or (len(actor.country) == 2 and actor.country.isupper())
        for backer in actor.backers:
            assert backer in reg.actors, (actor.name, backer)


@pytest.mark.parametrize(
    ("phrase", "inter"), [("UN peacekeepers", 8), ("foreign mercenaries", 8), ("pirates", 3)]
)
def test_generic_kinds(phrase: str, inter: int) -> None:
    assert inter_of(phrase) == inter
