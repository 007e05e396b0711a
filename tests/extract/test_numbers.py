import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclaims.extract.numbers import is_digits, is_number_word, is_vague, number_value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("31,490", 31490),
        ("250", 250),
        ("1.4 million", 1_400_000),
        ("3.2 mln", 3_200_000),
        ("six", 6),
        ("Thirteen", 13),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("two and a half million", 2_500_000),
        ("three and a half", 3.5),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a hundred", 100),
        ("2 million", 2_000_000),
    ],
)
def test_values_of_written_numbers(written, value):
    assert number_value(written) == value


@pytest.mark.parametrize(
    "written", ["dozens", "hundreds", "Thousands", "tens of thousands", "several dozen"]
)
def test_vague_quantities_have_no_value(written):
    assert is_vague(written)
    assert number_value(written) is None


@pytest.mark.parametrize("written", ["half", "many", "7am", "", "and"])
def test_unreadable_numbers_have_no_value(written):
    assert number_value(written) is None


def test_digits_and_number_words():
    assert is_digits("1,160") and is_digits("1.4") and not is_digits("13-17")
    assert is_number_word("Eighteen") and is_number_word("million")
    assert not is_number_word("people")


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_values_round_trip(number):
    assert number_value(f"{number:,}") == number
    assert number_value(str(number)) == number
