"""Scorers against gold data: ACLED-format CSVs, real articles, UCDP rows, geoparsing corpora."""
