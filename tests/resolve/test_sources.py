"""Source names: one source however written, and different sources kept apart."""

from __future__ import annotations

import pytest

from newsclaims.resolve.sources import same_source, source_country, source_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Gaza's Ministry of Health", "the health ministry in Gaza"),
        ("the Hamas-run health ministry", "the Palestinian Ministry of Health"),
        ("the health ministry in northern Gaza", "Gaza’s health ministry"),
        ("the health ministry in the war-torn enclave", "the Gaza Ministry of Health"),
        ("the ministry of health in Ramallah", "the health ministry"),
        ("the Office of the Prime Minister", "the prime minister's office"),
        ("the ministry", "Gaza's Ministry of Health"),
        ("the Israeli military", "its military"),
    ],
)
def test_one_source_written_two_ways(first: str, second: str) -> None:
    assert same_source(source_key(first), source_key(second))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hamas officials", "U.S. officials"),
        ("the Hamas-run health ministry", "Israel's health ministry"),
        ("Israel's foreign ministry", "France's foreign ministry"),
        ("UN officials", "Israeli officials"),
        ("The Health Ministry", "Health officials"),
        ("Iraq", "Iran"),
    ],
)
def test_two_sources_stay_two(first: str, second: str) -> None:
    assert not same_source(source_key(first), source_key(second))


def test_two_letters_are_no_country_unless_listed() -> None:
    assert source_key("the PA health ministry").country is None
    assert source_key("US officials").country == "USA"


def test_the_side_a_source_speaks_for() -> None:
    assert source_country("The Iranian news agency IRNA") == "IRN"
    assert source_country("INA") == "IRQ"  # a state news agency, listed with its country
    assert source_country("Tehran Radio") == "IRN"
    assert source_country("witnesses") is None


def test_a_very_long_name_is_cut_not_analysed_for_ever() -> None:
    assert source_key("officials in " * 10_000).head
