"""Terms of a negotiation move, on invented sentences."""

from __future__ import annotations

import pytest

from newsclaims.track.terms import duration, mediators


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The sides agreed a four-day truce.", "4 days"),
        ("A six-week pause in the fighting was proposed.", "6 weeks"),
        ("Hamas wants the ceasefire to last for 135 days.", "135 days"),
        ("A truce of three days began on Friday.", "3 days"),
        ("Israel has bombed Gaza for 47 days.", None),  # no truce's duration
        ("The 24-hour curfew was lifted.", None),
    ],
)
def test_duration_is_the_truces(sentence: str, expected: str | None) -> None:
    assert duration(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Qatari and Egyptian mediators met the delegation.", ["Qatar", "Egypt"]),
        ("The deal, brokered by the United States, holds.", ["United States"]),
        ("An official told Al Jazeera mediators had made progress.", []),
        ("On Monday mediators in Doha said talks were close.", ["Qatar"]),
        ("The Egyptian-mediated pause began at dawn.", ["Egypt"]),
    ],
)
def test_mediators_are_states(sentence: str, expected: list[str]) -> None:
    assert mediators(sentence) == expected
