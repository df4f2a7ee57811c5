"""Resolution: actors to canonical actors, places to gazetteer entries,
date expressions to ACLED date ranges with precision."""
