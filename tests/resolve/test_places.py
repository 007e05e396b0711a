"""Place names: every wording of one place is one series; parts stay apart."""

from __future__ import annotations

import pytest

from newsclaims.resolve.places import normalise_place


@pytest.mark.parametrize(
    ("written", "series"),
    [
        ("Gaza", "Gaza"),
        ("the Gaza Strip", "Gaza"),
        ("in the besieged Gaza Strip", "Gaza"),
        ("the occupied West Bank", "West Bank"),
        ("the illegally occupied West Bank", "West Bank"),
        ("the occupied Palestinian territories", "Palestinian territories"),
        ("the occupied territories", "Palestinian territories"),
        ("Khan Yunis", "Khan Younis"),
        ("northern Gaza", "northern Gaza"),
        ("north Gaza", "northern Gaza"),
        ("Syria", "Syria"),
        ("the Islamic Republic of Iran", "Iran"),
        ("Sheikh Jarrah", "Sheikh Jarrah"),
        ("", None),
        (None, None),
    ],
)
def test_wordings_normalise_to_one_name(written: str | None, series: str | None) -> None:
    assert normalise_place(written) == series


def test_a_common_noun_takes_the_place_named_before_it() -> None:
    text = (
        "Air strikes hit the Gaza Strip and the West Bank city of Jenin. In the besieged "
        "enclave, 30 people were killed; in the city, four."
    )
    assert normalise_place("the besieged enclave", text, text.index("30")) == "Gaza"
    assert normalise_place("the city", text, text.index("four")) == "Jenin"


def test_a_common_noun_without_a_named_place_stays_as_written() -> None:
    assert normalise_place("the enclave", "Twelve people were killed in the enclave.", 0) == (
        "enclave"
    )
