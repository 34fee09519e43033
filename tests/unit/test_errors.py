"""How a problem in the tables reads, and the error that carries the problems."""

from __future__ import annotations

from referral.errors import DataError, Problem


def test_a_bad_value_is_quoted_whole_up_to_eighty_characters():
    value = "a" * 80
    assert str(Problem("muscles.csv", 3, "name", value, "expected a name")) == (
        f"muscles.csv, line 3, column 'name': '{value}' is not valid; expected a name")


def test_a_longer_value_is_cut_to_eighty_characters_with_an_ellipsis():
    value = "a" * 78 + "bcd"  # 81 characters
    shown = "a" * 78 + "b…"  # 79 of them, then the ellipsis: 80 in all
    assert str(Problem("muscles.csv", 3, "name", value, "expected a name")) == (
        f"muscles.csv, line 3, column 'name': '{shown}' is not valid; expected a name")


def test_an_empty_value_is_said_in_words():
    assert str(Problem("regions.csv", 2, "name", "", "expected some text")) == (
        "regions.csv, line 2, column 'name': an empty value is not valid; expected some text")


def test_the_error_reads_as_its_message_with_every_problem_on_a_line():
    problems = [Problem("regions.csv", 2, "name", "", "expected some text"),
                Problem("handout.csv", None, None, None, "the file is missing")]
    error = DataError(problems)
    assert str(error) == error.message == (
        "2 problems in the referral data:\n"
        "  regions.csv, line 2, column 'name': an empty value is not valid; expected some text\n"
        "  handout.csv: the file is missing")
    assert str(DataError(problems[1:])).startswith("1 problem in the referral data:\n")
