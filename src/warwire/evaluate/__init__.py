"""Scorers against gold data: ACLED-format CSVs and geoparsing corpora."""
