"""Distances on the earth, one definition for every stage that compares places."""

from __future__ import annotations

import math

from warwire.types import Place

EARTH_KM = 6371.0088  # mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' points, in kilometres."""
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` (degrees clockwise from north)."""
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    d = km / EARTH_KM
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0
