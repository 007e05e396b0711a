"""Parties to a negotiation: the conflicts a sentence names and who takes part in them."""

from __future__ import annotations

import pytest

from newsclaims.track.parties import opponents, party_role


@pytest.mark.parametrize(
    ("code", "written", "text", "counterpart", "move", "role"),
    [
        # The Iran-Iraq war is named by the war itself: today's news of the two states
        # is no move in its negotiation ...
        ("IRN", "Iran", "Iran rejected the US proposal for talks in Baghdad.", "USA",
         "rejection", None),
        ("IRQ", "Iraq", "Iraq agreed a ceasefire with Iranian-backed militias.", None,
         "agreement", None),
        # ... but a move in that war is.
        ("IRN", "Iran", "Iran rejected Iraq's offer to end the Iran-Iraq war.", "IRQ",
         "rejection", "side"),
    ],
)  # fmt: skip
def test_a_conflict_is_named_by_its_own_words(code, written, text, counterpart, move, role):
    assert party_role(code, written, text, counterpart, move) == role


def test_opponents_come_from_two_sided_conflicts_only() -> None:
    assert opponents("IRQ") == {"IRN"}
    assert opponents("ARE") == frozenset()  # Yemen's war has three parties listed
