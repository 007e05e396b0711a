"""Canonical actors: states, metonyms, demonyms, IGOs, groups, agents."""

from importlib import resources

import pytest
import yaml

from newsclaims.extract.actors import ActorIndex, agent_code, country_code, resolve_name
from newsclaims.ingest.readers import text_article
from newsclaims.pipeline import analyze_article


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


def test_possessives_and_articles_are_dropped_before_lookups():
    assert resolve_name("Hezbollah's").canonical == "Hezbollah"
    assert resolve_name("the Arab League's").code == "IGOARL"
    assert resolve_name("the Pope").code == "VAT"


def test_table_keys_are_reachable_and_filed_once():
    raw = yaml.safe_load(
        resources.files("newsclaims.data").joinpath("actors.yaml").read_text("utf-8")
    )
    tables = ("country_aliases", "capitals", "demonyms", "igos", "groups", "persons")
    seen: dict[str, str] = {}
    for table in tables:
        for key in raw[table]:
            # Every lookup drops a leading article and a possessive: such keys never match.
            assert not key.lower().startswith("the "), (table, key)
            assert not key.endswith(("'s", "’s")), (table, key)
            assert key not in seen, (key, seen.get(key), table)
            seen[key] = table


def test_the_pentagon_is_the_us_military_and_kurds_no_one_state():
    assert resolve_name("the Pentagon").code == "USAMIL"
    assert resolve_name("Pentagon officials").code == "USAMIL"
    assert country_code("Kurdish") is None


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("U.S. Secretary of State Antony Blinken arrived in Cairo on Monday.",
         "Antony Blinken", "Secretary of State"),
        ("Israeli Foreign Minister Eli Cohen met his counterpart.", "Eli Cohen",
         "Foreign Minister"),
    ],
)  # fmt: skip
def test_roles_from_the_title_before_a_name(nlp, sentence, name, role):
    person = ActorIndex(nlp(sentence)).person(name)
    assert person is not None and person.role == role


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The AU said it would send observers to the border.", "IGOAFU"),
        ("Ruvian Prime Minister Ana Kell said talks would resume.", None),
        ("Israeli Prime Minister Dana Weiss said the war would go on.", "ISRGOV"),
        ("Egypt's Foreign Minister Omar Nabil said talks were stalled.", "EGYGOV"),
        ("Talks resumed. French President Luc Marchand said Paris was ready.", "FRAGOV"),
    ],
)
def test_speaker_codes_from_igo_abbreviations_and_role_with_country(text, code):
    (quote,) = analyze_article(text_article(text)).quotes
    assert quote.speaker is not None and quote.speaker.code == code


def test_two_letter_words_are_not_iso_country_codes():
    assert country_code("AU") is None and country_code("US") == "USA"


def test_a_known_office_holder_keeps_the_state_of_the_table(nlp):
    # The words before the name hold another place ("Gaza"), read as the title's country.
    sentence = "Captives held in Gaza march from Tel Aviv to Benjamin Netanyahu's office."
    person = ActorIndex(nlp(sentence)).person("Benjamin Netanyahu")
    assert person is not None and (person.code, person.country) == ("ISRGOV", "ISR")
