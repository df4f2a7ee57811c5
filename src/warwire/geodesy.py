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
