"""What the product's tables must keep: each required item taken away is refused, naming it.

First in process, on the product's own tables loaded once: take away one required study, trigger
site, nerve, nerve territory, red flag, search line or exercise step, or swap two regions' names,
and ``check_required`` must report exactly that, in the file it belongs to. Then through
``python -m referral check --required``, for every data file of the product: keep only the first
half of its rows (a file saved half way, or an edit that lost the end), and repeat one line (a
paste done twice). Either must stop the check with a message that names the file, rather than show
a map that quietly lacks a red flag, a nerve or a muscle's rows.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import subprocess
import sys

import pytest

from referral.errors import Problem
from referral.guidance import load_guidance
from referral.model import frozen_mapping
from referral.required import check_required, is_product_data
from referral.search_terms import load_search_terms
from tests.conftest import DATA, PROJECT, TINY

FILES = sorted(p.name for p in DATA.glob("*.csv"))
FOLDER = "tables"  # the folder the problems below are reported in, as the caller names it


@pytest.fixture(scope="module")
def product(project_map):
    """The product's own map, handout texts and search words, loaded once."""
    return project_map, load_guidance(DATA, project_map), load_search_terms(DATA, project_map)


def required(referral_map, guidance, terms) -> list[Problem]:
    return check_required(referral_map, guidance, FOLDER, terms)


def test_the_products_own_tables_hold_everything_required(product):
    assert required(*product) == []


def test_the_products_own_data_folder_is_recognised_however_it_is_named(monkeypatch):
    assert is_product_data(PROJECT / "data")
    monkeypatch.chdir(PROJECT / "tests")
    assert is_product_data("../data")
    assert not is_product_data(TINY)


@pytest.mark.parametrize("evidence_id", ["consensus_2025", "scm_trial_2020", "review_2021"])
def test_a_missing_study_summary_is_named(product, evidence_id):
    referral_map, guidance, terms = product
    guidance = dataclasses.replace(guidance, evidence=tuple(e for e in guidance.evidence if e.id != evidence_id))
    assert required(referral_map, guidance, terms) == [
        Problem("tables/evidence.csv", None, "evidence_id", evidence_id,
                "the study summary is missing; expected each of: consensus_2025, scm_trial_2020, review_2021")
    ]


def test_problems_are_reported_in_data_unless_the_caller_names_the_folder(product):
    referral_map, guidance, _ = product
    guidance = dataclasses.replace(guidance, evidence=tuple(e for e in guidance.evidence if e.id != "review_2021"))
    assert [problem.file for problem in check_required(referral_map, guidance)] == ["data/evidence.csv"]


@pytest.mark.parametrize(("nerve", "muscle"), [
    ("greater_occipital", "semispinalis_capitis"), ("greater_occipital", "upper_trapezius"),
    ("greater_occipital", "suboccipitals"), ("lesser_occipital", "sternocleidomastoid_clavicular"),
    ("great_auricular", "sternocleidomastoid_clavicular"), ("zygomaticotemporal", "temporalis"),
    ("auriculotemporal", "temporalis"),
])
def test_a_missing_trigger_site_is_named(product, nerve, muscle):
    referral_map, guidance, terms = product
    sites = tuple(r for r in referral_map.nerve_muscles if (r.nerve_id, r.muscle_id) != (nerve, muscle))
    assert len(sites) == len(referral_map.nerve_muscles) - 1
    referral_map = dataclasses.replace(referral_map, nerve_muscles=sites)
    assert required(referral_map, guidance, terms) == [
        Problem("tables/nerve_muscles.csv", None, "muscle_id", muscle,
                f"the place where the {nerve} nerve meets the {muscle} is missing")
    ]


def test_a_muscle_or_region_without_search_words_is_named_when_the_words_are_given(product):
    referral_map, guidance, terms = product
    fewer = {key: words for key, words in terms.items() if key not in {("muscle", "temporalis"), ("region", "vertex")}}
    assert required(referral_map, guidance, fewer) == [
        Problem("tables/search_terms.csv", None, "id", "temporalis",
                "the muscle has no search words; expected a line for every muscle"),
        Problem("tables/search_terms.csv", None, "id", "vertex",
                "the region has no search words; expected a line for every region"),
    ]
    assert required(referral_map, guidance, None) == []


def test_two_regions_with_their_names_swapped_are_both_named(product):
    referral_map, guidance, terms = product
    forehead, cheek = referral_map.regions["forehead"], referral_map.regions["cheek"]
    regions = dict(referral_map.regions)
    regions["forehead"] = dataclasses.replace(forehead, name=cheek.name)
    regions["cheek"] = dataclasses.replace(cheek, name=forehead.name)
    referral_map = dataclasses.replace(referral_map, regions=frozen_mapping(regions))
    assert required(referral_map, guidance, terms) == [
        Problem("tables/regions.csv", None, "name", "Cheek and maxilla",
                "does not name the region 'forehead' that the drawing puts there (expected a name with 'forehead'); "
                "were two rows' ids swapped?"),
        Problem("tables/regions.csv", None, "name", "Forehead (frontal region)",
                "does not name the region 'cheek' that the drawing puts there (expected a name with 'cheek'); "
                "were two rows' ids swapped?"),
    ]


REQUIRED_NERVES = ["ophthalmic", "maxillary", "mandibular", "greater_occipital", "lesser_occipital",
                   "great_auricular", "third_occipital", "transverse_cervical", "supraclavicular"]


@pytest.mark.parametrize("nerve", REQUIRED_NERVES)
def test_a_missing_nerve_is_named(product, nerve):
    referral_map, guidance, terms = product
    nerves = frozen_mapping({key: n for key, n in referral_map.nerves.items() if key != nerve})
    referral_map = dataclasses.replace(referral_map, nerves=nerves)
    assert required(referral_map, guidance, terms) == [
        Problem("tables/nerves.csv", None, "nerve_id", nerve,
                "the nerve is missing; the map must show each of: " + ", ".join(REQUIRED_NERVES))
    ]


@pytest.mark.parametrize("nerve", REQUIRED_NERVES)
def test_a_nerve_without_its_territory_is_named(product, nerve):
    referral_map, guidance, terms = product
    territories = tuple(t for t in referral_map.territories if t.nerve_id != nerve)
    referral_map = dataclasses.replace(referral_map, territories=territories)
    assert required(referral_map, guidance, terms) == [
        Problem("tables/nerve_territories.csv", None, "nerve_id", nerve,
                "the nerve has lost its territory; expected at least one row")
    ]


RED_FLAGS = [
    ("sudden", "a sudden, very severe headache"),
    ("fever", "a headache with a fever"),
    ("weakness", "a headache with new neurological signs"),
    ("blow to the head", "a headache after a head injury"),
]


@pytest.mark.parametrize(("words", "sign"), RED_FLAGS)
def test_a_missing_red_flag_is_named(product, words, sign):
    referral_map, guidance, terms = product
    notes = tuple(n for n in guidance.notes if not (n.section == "red_flag" and words in n.text))
    assert len(notes) == len(guidance.notes) - 1
    guidance = dataclasses.replace(guidance, notes=notes)
    assert required(referral_map, guidance, terms) == [
        Problem("tables/handout.csv", None, "section", "red_flag",
                f"the warning sign '{sign}' is missing; the handout must list every red flag")
    ]


def test_a_red_flag_counts_only_in_the_red_flag_section(product):
    referral_map, guidance, terms = product
    notes = tuple(dataclasses.replace(n, section="about") if n.section == "red_flag" and "fever" in n.text else n
                  for n in guidance.notes)
    guidance = dataclasses.replace(guidance, notes=notes)
    assert [p.expected for p in required(referral_map, guidance, terms)] == [
        "the warning sign 'a headache with a fever' is missing; the handout must list every red flag"
    ]


def test_a_red_flag_is_recognised_by_its_first_word_whatever_its_place_in_the_list(product):
    """Each item is read on its own: 'Sudden' opening the second item of the list still counts."""
    referral_map, guidance, terms = product
    flags = [n for n in guidance.notes if n.section == "red_flag"]
    sudden = next(n for n in flags if "sudden" in n.text)
    reordered = [n for n in flags if n is not sudden]
    reordered.insert(1, dataclasses.replace(sudden, text="Sudden, very severe headache that peaks within a minute."))
    notes = tuple(n for n in guidance.notes if n.section != "red_flag") + tuple(reordered)
    assert required(referral_map, dataclasses.replace(guidance, notes=notes), terms) == []


@pytest.mark.parametrize(("steps", "refused"), [(1, True), (2, False)])
def test_an_exercise_needs_at_least_two_steps(product, steps, refused):
    referral_map, guidance, terms = product
    care = referral_map.self_care["open_book"]
    self_care = dict(referral_map.self_care, open_book=dataclasses.replace(care, steps=care.steps[:steps]))
    referral_map = dataclasses.replace(referral_map, self_care=frozen_mapping(self_care))
    expected = [
        Problem("tables/self_care.csv", None, "steps", "open_book",
                "the exercise has 1 step(s); expected at least 2, separated by '|'")
    ]
    assert required(referral_map, guidance, terms) == (expected if refused else [])


def check(folder) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "referral", "check", str(folder), "--required"], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)


def read_records(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_records(path, rows) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_the_products_own_data_passes(data_copy):
    result = check(data_copy)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", FILES)
def test_a_file_cut_to_half_its_rows_is_refused_naming_it(data_copy, name):
    path = data_copy / name
    # keep the header and the first half of the rows (records may span lines: cut at a record)
    rows = read_records(path)
    keep = rows[: 1 + (len(rows) - 1) // 2]
    write_records(path, keep)
    result = check(data_copy)
    assert result.returncode == 1, f"{name} cut to {len(keep) - 1} of {len(rows) - 1} rows was accepted"
    assert name in result.stderr


@pytest.mark.parametrize("name", FILES)
def test_a_repeated_line_is_refused_naming_it(data_copy, name):
    path = data_copy / name
    rows = read_records(path)
    rows.insert(2, rows[1])
    write_records(path, rows)
    result = check(data_copy)
    assert result.returncode == 1, f"{name} with its first row repeated was accepted"
    assert name in result.stderr


def test_a_handout_without_its_red_flags_names_the_missing_sign(data_copy):
    path = data_copy / "handout.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text("".join(line for line in text.splitlines(keepends=True) if "blow to the head" not in line), encoding="utf-8")
    result = check(data_copy)
    assert "the warning sign 'a headache after a head injury' is missing" in result.stderr


def test_two_regions_with_their_ids_swapped_are_refused(data_copy):
    """forehead <-> cheek: the table stays valid line by line, but tapping the forehead would
    say "Cheek and maxilla"."""
    path = data_copy / "regions.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nforehead,", "\nTMP,").replace("\ncheek,", "\nforehead,").replace("\nTMP,", "\ncheek,")
    path.write_text(text, encoding="utf-8")
    result = check(data_copy)
    assert result.returncode == 1
    assert "'Cheek and maxilla' is not valid; does not name the region 'forehead'" in result.stderr
