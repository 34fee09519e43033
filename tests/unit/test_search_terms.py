"""Reading the extra words people search with: lower case, one line per muscle, region or nerve."""

from __future__ import annotations

import pytest

from referral import DataError, load
from referral.search_terms import load_search_terms
from tests.conftest import TINY

TINY_MAP = load(TINY)


def terms_file(folder, *lines):
    (folder / "search_terms.csv").write_text("kind,id,terms\n" + "".join(line + "\n" for line in lines),
                                             encoding="utf-8")
    return folder / "search_terms.csv"


def test_words_are_split_at_semicolons_trimmed_and_lower_cased(tmp_path):
    terms_file(tmp_path,
               "muscle,upper_trapezius, Trap ;;TRAPS; shoulder ache",
               "region,retro_orbital,Behind the eye",
               "nerve,greater_occipital,GON")
    assert dict(load_search_terms(tmp_path, TINY_MAP)) == {
        ("muscle", "upper_trapezius"): ("trap", "traps", "shoulder ache"),
        ("region", "retro_orbital"): ("behind the eye",),
        ("nerve", "greater_occipital"): ("gon",),
    }


def test_every_bad_row_is_reported_naming_its_line_column_and_value(tmp_path):
    path = terms_file(tmp_path,
                      "muscle,temporalis,jaw",
                      "muscle,temporalis,clenching",
                      "region,elbow,arm",
                      "nerve,ophthalmic,;;",
                      "muscle,masseter,jaw")
    with pytest.raises(DataError) as raised:
        load_search_terms(tmp_path, TINY_MAP)
    problems = raised.value.problems
    assert [(p.file, p.line, p.column, p.value) for p in problems] == [
        (str(path), 3, "id", "temporalis"),
        (str(path), 4, "id", "elbow"),
        (str(path), 5, "terms", ";;"),
        (str(path), 6, "id", "masseter"),
    ]
    assert "muscle" in problems[0].expected and "line 2" in problems[0].expected
    assert "region" in problems[1].expected
    assert "';'" in problems[2].expected
    assert "muscle" in problems[3].expected


def test_an_id_of_another_kind_is_refused(tmp_path):
    terms_file(tmp_path, "nerve,temporalis,jaw")
    with pytest.raises(DataError) as raised:
        load_search_terms(tmp_path, TINY_MAP)
    assert [(p.line, p.column, p.value) for p in raised.value.problems] == [(2, "id", "temporalis")]
    assert "nerve" in raised.value.problems[0].expected
