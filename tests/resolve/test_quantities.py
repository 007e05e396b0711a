"""Quantities: every way of naming one series, and sub-counts kept apart."""

from __future__ import annotations

import pytest

from newsclaims.resolve.quantities import Quantity, parent_of, quantity_of


@pytest.mark.parametrize(
    ("what", "name", "side"),
    [
        ("people", "people", None),
        ("Palestinians", "people", "PSE"),
        ("Israelis", "people", "ISR"),
        ("victims", "people", None),
        ("Palestinian children", "children", "PSE"),
        ("minors", "children", None),
        ("health workers", "medics", None),
        ("civilians", "civilians", None),
        ("bodies", "bodies", None),
        ("casualties", "casualties", None),
        ("israeli soldiers", "soldiers", "ISR"),
        ("UNRWA staff", "aid workers", None),
        ("olive trees", "olive trees", None),  # unknown: its own series, as written
    ],
)
def test_a_noun_names_one_series(what: str, name: str, side: str | None) -> None:
    quantity = quantity_of(what)
    assert quantity is not None and (quantity.name, quantity.side) == (name, side)


def test_sub_counts_are_parts_of_people_never_people() -> None:
    for part in ("children", "women", "civilians", "journalists", "medics", "bodies"):
        assert parent_of(part) == "people"
    assert parent_of("people") is None and quantity_of("  ") is None


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("More than 10,000 Palestinians have been killed, the ministry said.", "people"),
        ("In Gaza, more than 10,000 Palestinians have been killed.", "people"),
        ("In Israel, 30 Americans were killed in the attack, officials said.", "foreign nationals"),
    ],
)
def test_a_sides_own_people_are_people_others_foreign_nationals(
    analyze_text, text: str, quantity: str
) -> None:
    (figure,) = analyze_text(text).figures
    assert figure.quantity == quantity


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        (
            "The ministry said 15,000 people have been killed, about 6,000 of them children.",
            ["people", "children"],
        ),
        ("At least 40 people were killed, 12 of whom were women.", ["people", "women"]),
        # A part named by its people only counts what its whole counts.
        ("At least 30 journalists have been killed, including 25 Palestinians, two Israelis "
         "and three Syrians.", ["journalists", "journalists", "journalists", "journalists"]),
        ("Some 40 medics have been killed, among them 12 Palestinians.",
         ["medics", "medics"]),
        ("At least 1,000 people have been killed, including 40 Palestinians in Jenin.",
         ["people", "people"]),
    ],
)  # fmt: skip
def test_a_partitive_count_is_a_part_not_the_toll(
    analyze_text, text: str, quantities: list[str]
) -> None:
    assert [figure.quantity for figure in analyze_text(text).figures] == quantities


def test_a_partitive_part_is_a_part_whatever_the_parser_took_as_counted() -> None:
    from newsclaims.model import Figure, Report, Span
    from newsclaims.resolve.stage import resolve_report

    text = "Strikes killed more than 14,500 people, about 6,000 of them children."
    start = text.index("about 6,000")
    part = Figure(id="f1", span=Span(start=start, end=start + 11, text="about 6,000"),
                  value=6000, qualifier="approx", what="people", status="killed")  # fmt: skip
    (resolved,) = resolve_report(Report(id="r", text=text, figures=[part])).figures
    assert resolved.quantity == "children"


@pytest.mark.parametrize(
    ("what", "name", "side"),
    [
        # An armed group's name gives the side of its fighters, however it is written ...
        ("Hamas fighters", "fighters", "PSE"),
        ("RSF fighters", "fighters", "SDN"),
        # ... but not of the captives it holds, and a news agency is no side.
        ("Hamas captives", "hostages", None),
        ("Anadolu journalists", "anadolu journalists", None),
    ],
)
def test_an_armed_groups_name_is_a_side(what: str, name: str, side: str | None) -> None:
    assert quantity_of(what) == Quantity(name, side)
