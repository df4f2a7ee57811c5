"""The country authority: ISO codes and English names, never an ordinary word."""

import pytest

from warwire.resolve.countries import country


@pytest.mark.parametrize(("key", "iso2"), [("NG", "NG"), ("ng", "NG"), ("Syria", "SY")])
def test_codes_in_one_case_and_names_are_countries(key: str, iso2: str) -> None:
    found = country(key)
    assert found is not None and found.iso2 == iso2


@pytest.mark.parametrize("word", ["Al", "In", "Ed", "Is"])
def test_a_title_cased_pair_of_letters_is_a_word_not_a_code(word: str) -> None:
    assert country(word) is None
