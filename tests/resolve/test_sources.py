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


@pytest.mark.parametrize(
    ("written", "kind", "context", "expected"),
    [
        ("Gaza's Ministry of Health", None, None, "pse-health-ministry"),
        ("the health ministry in the Hamas-run territory", None, None, "pse-health-ministry"),
        ("the enclave's health ministry", None, "PSE", "pse-health-ministry"),
        ("health officials in Gaza", "person", None, "pse-health-ministry"),  # tagger's person
        ("Palestinian medical officials", None, None, "pse-health-ministry"),
        (
            "the health ministry in Gaza, which has said that most were children",
            None,
            None,
            "pse-health-ministry",
        ),
        ("An Israeli army spokesperson", None, None, "isr-military"),
        ("the IDF", None, None, "isr-military"),
        ("the army", None, "PSE", "name:army"),  # an army is never the place's by context
        ("the UN agency for Palestinian refugees", None, None, "unrwa"),
        ("WHO", None, None, "who"),
        ("who", None, None, "name:who"),
        ("Antony Blinken", "person", None, "person:antony-blinken"),
        ("the ministry", None, None, "name:ministry"),
    ],
)
def test_one_id_per_institution(
    written: str, kind: str | None, context: str | None, expected: str
) -> None:
    from newsclaims.model import ActorRef
    from newsclaims.resolve.sources import source_identity

    ref = ActorRef(text=written, kind=kind)  # type: ignore[arg-type]
    assert source_identity(ref, context).id == expected


def _resolved_source(text: str, source: str) -> tuple[str | None, str | None]:
    from newsclaims.model import ActorRef, Figure, Report, Span
    from newsclaims.resolve.stage import resolve_report

    start = text.index("40")
    figure = Figure(
        id="f1",
        span=Span(start=start, end=start + 2, text="40"),
        value=40,
        what="people",
        status="killed",
        source=ActorRef(
            text=source, start=text.index(source), end=text.index(source) + len(source)
        ),
        sentence=Span(start=0, end=len(text), text=text),
    )
    got = resolve_report(Report(id="r", text=text, figures=[figure])).figures[0]
    return (got.source.text if got.source else None), got.source_id


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A function word read as a name, an adjective with no noun, an event's page.
        ("Under said that 40 people had been killed.", "Under"),
        ("40 people were killed, the doubtful reported.", "the doubtful"),
        ("Syria civil war live: 40 people killed in Idlib", "Syria civil war live"),
        ("The violence has left 40 people dead, the violence shows.", "the violence"),
    ],
)
def test_a_source_that_names_no_one_is_no_source(text: str, source: str) -> None:
    assert _resolved_source(text, source) == (None, None)


@pytest.mark.parametrize(
    ("text", "source", "source_id"),
    [
        ("40 people were killed, aid groups said.", "aid groups", "name:aid-groups"),
        ("40 people were killed, a witness told reporters.", "a witness", "name:witness"),
        ("40 people were killed, the Associated Press reported.", "the Associated Press", "ap"),
        ("40 people were killed, Agence France-Presse reported.", "Agence France-Presse", "afp"),
    ],
)
def test_vague_or_unlisted_sources_stay_sources(text: str, source: str, source_id: str) -> None:
    assert _resolved_source(text, source) == (source, source_id)


@pytest.mark.parametrize(
    ("written", "canonical", "expected"),
    [
        # An actor named only in a relative clause after the name rules the place; the
        # source is the authorities.
        ("authorities in Gaza, which is ruled by Hamas", "Hamas", "pse-government"),
        ("officials in southern Lebanon, which Hezbollah controls", "Hezbollah", "lbn-government"),
        # A canonical name the words name stays the source.
        ("Blinken", "Antony Blinken", "person:antony-blinken"),
        ("Hamas, which runs Gaza", "Hamas", "hamas"),
    ],
)
def test_an_actor_in_the_sources_relative_clause_is_not_the_source(
    written: str, canonical: str, expected: str
) -> None:
    from newsclaims.model import ActorRef
    from newsclaims.resolve.sources import source_identity

    kind = "person" if canonical == "Antony Blinken" else None
    ref = ActorRef(text=written, canonical=canonical, kind=kind)  # type: ignore[arg-type]
    assert source_identity(ref).id == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # A body that counts the dead, named by the actor that runs it, is that body ...
        ("the Hamas health ministry", "pse-health-ministry"),
        ("Hamas's ministry of health", "pse-health-ministry"),
        ("the Hamas-controlled health authorities", "pse-health-ministry"),
        ("Hamas-led health officials", "pse-health-ministry"),
        ("the Hamas-run civil defence", "pse-civil-defence"),
        # ... while the actor's own officials are the actor.
        ("Hamas officials", "hamas"),
    ],
)
def test_a_counting_body_named_by_its_ruler_is_that_body(written: str, expected: str) -> None:
    from newsclaims.model import ActorRef
    from newsclaims.resolve.sources import source_identity

    assert source_identity(ActorRef(text=written, canonical="Hamas")).id == expected


@pytest.mark.parametrize(
    ("written", "canonical", "kind", "expected"),
    [
        # A speaker who says whom they speak for speaks for that institution ...
        ("a spokeswoman for the health ministry in Gaza", None, "person", "pse-health-ministry"),
        ("a spokesman for the Hamas-run health ministry", "Hamas", "person", "pse-health-ministry"),
        ("a Hamas health official", "Hamas", "person", "pse-health-ministry"),
        ("Hamas health ministry spokesman Karim al-Nasser", "Nasser", "person",
         "pse-health-ministry"),
        ("Israeli army spokesman Avi Dror", "Avi Dror", "person", "isr-military"),
        ("figures from the UN Office for the Coordination of Humanitarian Affairs", None,
         "organization", "ocha"),
        # ... and a state's or the UN's full two-word name qualifies what follows.
        ("the United Nations Office for the Coordination of Humanitarian Affairs (OCHA)", None,
         "organization", "ocha"),
        ("United Nations officials", None, "organization", "un"),
        # A name with a title but no institution stays the person.
        ("Prime Minister Dana Korr", "Dana Korr", "person", "person:dana-korr"),
    ],
)  # fmt: skip
def test_a_speaker_speaks_for_the_institution_they_name(
    written: str, canonical: str | None, kind: str, expected: str
) -> None:
    from newsclaims.model import ActorRef
    from newsclaims.resolve.sources import source_identity

    source = ActorRef(text=written, canonical=canonical, kind=kind)
    assert source_identity(source, "PSE").id == expected
