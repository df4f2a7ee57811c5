import csv
import io
import json
from dataclasses import replace
from datetime import date

from warwire.export import Admin1Spelling, acled_row, analysis_records, source_scale, write_all
from warwire.serialize import acled_region
from warwire.taxonomy import ACLED_COLUMNS
from warwire.types import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Hedge,
    Place,
    Polarity,
    Quantity,
    Source,
    Span,
    When,
)

TEXT = "Rebels attacked Kidal on Monday. The army said 3 soldiers died."


def analysis() -> Analysis:
    doc = Document("doc1", "in.txt", TEXT, published=date(2024, 1, 3),
                   source=Source(publisher="Wire"))  # fmt: skip
    evidence = Span("doc1", 0, 32)
    event = Event(
        event_id="e1",
        doc_ids=("doc1",),
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1=Actor("Rebels (Mali)", inter=2),
        actor2=Actor("Military Forces of Mali", inter=1),
        place=Place(
            "Kidal", 18.44, 1.41, country="Mali", country_code="ML", place_basis="named town"
        ),
        when=When(date(2024, 1, 1), date(2024, 1, 1), 1),
        fatalities=3,
        claims=(Claim("Military Forces of Mali", Hedge.NONE, Polarity.ASSERTED, evidence),),
    )
    claim = Claim("Wire", Hedge.ACCORDING_TO, Polarity.ASSERTED, Span("doc1", 33, 63),
                  subject="soldiers died", quantity=Quantity(3))  # fmt: skip
    return Analysis(document=doc, events=(event,), claims=(claim,))


def test_jsonl_records_follow_the_contract() -> None:
    records = list(analysis_records(analysis(), with_text=True))
    assert [r["kind"] for r in records] == ["document", "event", "claim"]
    document, event, claim = records
    assert document["text"] == TEXT and document["publisher"] == "Wire"
    assert event["interaction"] == "State forces-Rebel group"
    assert event["iso"] == 466 and event["event_date"] == "2024-01-01"
    ev = event["claims"][0]["evidence"]
    assert ev["text"] == TEXT[ev["start"] : ev["end"]] == "Rebels attacked Kidal on Monday."
    assert claim["quantity"] == {"value": 3, "qualifier": None, "unit": "people"}
    out = io.StringIO()
    write_all(records, "jsonl", out)
    assert [json.loads(line)["kind"] for line in out.getvalue().splitlines()] == [
        "document", "event", "claim",
    ]  # fmt: skip


def test_acled_csv_has_acled_columns_in_order_then_ours() -> None:
    out = io.StringIO()
    write_all(analysis_records(analysis()), "acled-csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0][:31]) == ACLED_COLUMNS
    assert rows[0][31:] == ["date_start", "date_end", "claimant", "hedge", "evidence",
                            "doc_ids", "confidence", "place_basis",
                            "claim_fatalities"]  # fmt: skip
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["source"] == "Wire" and row["year"] == "2024" and row["fatalities"] == "3"
    assert row["place_basis"] == "named town"


def test_geojson_is_a_feature_collection_of_located_events() -> None:
    out = io.StringIO()
    write_all(analysis_records(analysis()), "geojson", out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"]["coordinates"] == [1.41, 18.44]
    assert feature["id"] == feature["properties"]["event_id"]


def test_table_mentions_every_kind() -> None:
    out = io.StringIO()
    write_all(analysis_records(analysis()), "table", out)
    assert "events (1)" in out.getvalue() and "Armed clash" in out.getvalue()


def contested() -> Analysis:
    base = analysis()
    (event,) = base.events
    other = Claim("Rebels (Mali)", Hedge.CLAIMED, Polarity.ASSERTED, Span("doc1", 33, 63),
                  fatalities=9)  # fmt: skip
    return replace(base, events=(replace(event, claims=(*event.claims, other)),))


def test_acled_csv_keeps_every_claim_in_line() -> None:
    out = io.StringIO()
    write_all(analysis_records(contested()), "acled-csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["claimant"] == "Military Forces of Mali | Rebels (Mali)"
    assert row["hedge"] == "none | claimed"
    assert row["claim_fatalities"] == " | 9"
    assert row["evidence"] == "Rebels attacked Kidal on Monday. | The army said 3 soldiers died."
    assert row["region"] == "Western Africa"


def test_one_admin1_spelling_per_export() -> None:
    spelling = Admin1Spelling()
    first = spelling({"country": "Libya", "admin1": "Jabal al Gharbi"})
    second = spelling({"country": "Libya", "admin1": "Al Jabal al Gharbi"})
    third = spelling({"country": "Nigeria", "admin1": "Zamfara State"})
    assert first["admin1"] == second["admin1"] == "Jabal al Gharbi"
    assert spelling({"country": "Nigeria", "admin1": "Zamfara"})["admin1"] == third["admin1"]
    assert spelling({"country": "Libya", "admin1": "Al Marqab"})["admin1"] == "Al Marqab"


def test_source_scale_only_when_every_source_says() -> None:
    wire = {"registry": {"categories": ["wire-service"]}}
    local = {"registry": {"categories": ["local", "independent"]}}
    assert source_scale({"sources": [wire]}) == "International"
    assert source_scale({"sources": [local, wire]}) == "Subnational-International"
    assert source_scale({"sources": [wire, {"registry": None}]}) == ""


def test_acled_region_follows_acled_not_the_un() -> None:
    assert acled_region("SD") == "Eastern Africa"  # the UN puts Sudan in Northern Africa
    assert acled_region("IQ") == "Middle East" and acled_region("GE") == "Caucasus and Central Asia"
    assert acled_region("NG") == "Western Africa" and acled_region(None) is None


def test_demonstrations_get_acleds_crowd_size_tag() -> None:
    record = next(r for r in analysis_records(analysis()) if r["kind"] == "event")
    assert acled_row(record, {})["tags"] == ""
    record = {**record, "event_type": "Protests"}
    assert acled_row(record, {})["tags"] == "crowd size=no report"
