"""A place given as a distance and a bearing from a town is that far from the town."""

from warwire.extract.wheres_offset import offset_place
from warwire.geodesy import haversine_km
from warwire.types import Place, Span

TOWN = Place("Xville", 10.0, 20.0, "Xland", "XL", None, 1, "PPL", 5000, 1, None)


def _moved(text: str) -> Place | None:
    start = text.index("Xville")
    return offset_place(text, Span("d", start, start + len("Xville")), TOWN)


def test_distance_and_bearing_move_the_point() -> None:
    moved = _moved("Jets struck a camp some 30 km north of Xville on Monday.")
    assert moved is not None
    assert abs(haversine_km(10.0, 20.0, moved.latitude, moved.longitude) - 30.0) < 0.5
    assert moved.latitude > 10.2 and abs(moved.longitude - 20.0) < 0.01
    assert moved.geo_precision == 2


def test_miles_and_a_parenthesis_are_read() -> None:
    moved = _moved(
        "The raid hit a village 25 miles (40 km) to the southwest of the town of Xville."
    )
    assert moved is not None
    assert abs(haversine_km(10.0, 20.0, moved.latitude, moved.longitude) - 40.2) < 0.5
    assert moved.latitude < 10.0 and moved.longitude < 20.0


def test_a_plain_or_a_close_mention_stays_at_the_town() -> None:
    assert _moved("Gunmen attacked Xville on Monday.") is None
    assert _moved("Gunmen attacked a farm 2 km east of Xville.") is None


def test_a_side_of_a_towns_countryside_lies_off_the_town_that_way() -> None:
    for text in (
        "Shelling hit the northern countryside of Xville.",
        "Shelling hit Xville's northern countryside.",
        "Shelling hit northern Xville countryside.",
    ):
        moved = _moved(text)
        assert moved is not None, text
        assert 15.0 < haversine_km(10.0, 20.0, moved.latitude, moved.longitude) < 25.0
        assert moved.latitude > 10.0 and abs(moved.longitude - 20.0) < 0.01
    assert _moved("Shelling hit the countryside of Xville.") is None  # no side: the town
