"""Near-duplicate signatures: an edited copy is close, a different report is not."""

from __future__ import annotations

from newsclaims.store.stories import SAME_STORY, signature, signature_bytes, signature_from_bytes

BASE = (
    "Rescue teams searched through the rubble of a collapsed apartment block in the port city "
    "on Sunday after heavy rain brought down three floors overnight. Officials said nine "
    "residents were taken to hospital and two people were still missing. The building had "
    "been declared unsafe last year, but families continued to live there because they could "
    "not afford to move, a neighbour told reporters. The mayor promised an inquiry into why "
    "the order to evacuate was never enforced, and said temporary housing would be offered."
)
UPDATE = BASE.replace("two people were still missing", "the two missing people were found alive")
OTHER = (
    "The central bank left its main interest rate unchanged on Thursday, saying inflation was "
    "easing more slowly than it had expected in the spring. Economists had been split on the "
    "decision, with several forecasting a small cut after weak retail figures. The governor "
    "said the board would watch wage growth closely and was ready to act if prices rose again "
    "in the coming months, while exporters complained that the strong currency hurt sales."
)


def test_lightly_edited_copy_is_the_same_story() -> None:
    first, second = signature(BASE), signature(UPDATE)
    assert first is not None and second is not None
    assert first.jaccard(second) >= SAME_STORY


def test_different_report_is_another_story() -> None:
    first, other = signature(BASE), signature(OTHER)
    assert first is not None and other is not None
    assert first.jaccard(other) < 0.2


def test_short_texts_get_no_signature() -> None:
    assert signature("Two killed in a road accident near the border.") is None


def test_signature_survives_storage() -> None:
    original = signature(BASE)
    assert original is not None
    restored = signature_from_bytes(signature_bytes(original))
    assert restored.jaccard(original) == 1.0
    assert restored.jaccard(signature(UPDATE)) == original.jaccard(signature(UPDATE))
