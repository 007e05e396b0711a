"""Canonical actors: states, metonyms, demonyms, IGOs, groups, agents."""

import pytest

from newsclaims.extract.actors import agent_code, country_code, resolve_name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("U.S.", "USA"), ("US", "USA"), ("the United States", "USA"), ("Washington", "USA"),
        ("Israel", "ISR"), ("Israeli", "ISR"), ("Russia", "RUS"), ("the Kremlin", "RUS"),
        ("Qatar", "QAT"), ("Doha", "QAT"), ("Egypt", "EGY"), ("Britain", "GBR"),
        ("Germany", "DEU"), ("Brazil", "BRA"),  # from pycountry, not our table
    ],
)  # fmt: skip
def test_country_names_and_metonyms(name, code):
    assert country_code(name) == code


def test_metonyms_can_be_switched_off_for_places():
    assert country_code("Vienna") == "AUT"
    assert country_code("Vienna", metonyms=False) is None


def test_unknown_and_tiny_names_resolve_to_nothing():
    assert country_code("Blinken") is None
    assert country_code("it") is None


def test_agents_of_a_state():
    assert resolve_name("Israeli troops").code == "ISRMIL"
    assert resolve_name("the Iraqi government").code == "IRQGOV"
    assert agent_code("a police spokesman") in {"COP", "GOV"}


def test_igos_and_groups_keep_their_names():
    un = resolve_name("the United Nations")
    assert (un.code, un.kind) == ("IGOUNO", "igo")
    hamas = resolve_name("Hamas")
    assert (hamas.canonical, hamas.kind) == ("Hamas", "group")
