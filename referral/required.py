"""What the product's own tables must contain, beyond being well formed.

A table can be valid line by line and still have lost something a patient relies on: a handout
cut short loses its red flags, a nerves table cut short loses the greater occipital nerve. These
checks name what is missing. They hold for the product's own ``data/`` (the app runs them at
start-up, ``python -m referral check`` when it checks that folder or is given ``--required``);
a small table made for a test need not carry all of it. No Dash imports here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from referral.errors import Problem

if TYPE_CHECKING:
    from referral.guidance import Guidance
    from referral.index import ReferralMap

# The nerves a clinician asks about first (the issue that brought the nerve layer).
REQUIRED_NERVES = ("ophthalmic", "maxillary", "mandibular", "greater_occipital", "lesser_occipital",
                   "great_auricular", "third_occipital", "transverse_cervical", "supraclavicular")
# The warning signs of a secondary headache the handout must name (Do et al. 2019, SNNOOP10),
# each recognised by words a plain-language line about it uses.
REQUIRED_RED_FLAGS = (
    (r"\bsudden", "a sudden, very severe headache"),
    (r"\bfever", "a headache with a fever"),
    (r"weakness|numbness|trouble speaking|sight", "a headache with new neurological signs"),
    (r"blow to the head|head injury|\bfall\b", "a headache after a head injury"),
)
MIN_STEPS = 2
# What each region of the drawing is, as a word its name must contain: a row whose id and name
# were swapped (forehead <-> cheek) would otherwise label the forehead "Cheek" in the panel.
REGION_WORDS = {
    "forehead": "forehead", "eyebrow": "eyebrow", "periorbital": "orbit", "retro_orbital": "orbit",
    "nose_bridge": "nose", "temple": "temp", "lateral_head": "head", "vertex": "vertex", "occiput": "occiput",
    "ear": "ear", "mastoid": "mastoid", "cheek": "cheek", "upper_teeth": "upper teeth",
    "lower_teeth": "lower teeth", "tmj": "temporomandibular", "jaw": "mandible", "angle_of_jaw": "angle",
    "chin": "chin", "anterior_neck": "anterior neck", "lateral_neck": "lateral neck",
    "posterior_neck": "posterior neck", "shoulder_top": "shoulder", "upper_back": "back", "upper_chest": "chest",
    "arm": "arm", "scapula_medial_border": "scapula", "posterior_shoulder": "shoulder", "pectoral": "pectoral",
    "mouth_throat": "mouth",
}
# The studies the handout's "what studies show so far" box and the study page summarise.
REQUIRED_EVIDENCE = ("consensus_2025", "scm_trial_2020", "review_2021")
# The places the nerve-decompression and nerve-block literature names where a nerve meets a
# muscle of the map (the "trigger sites"); nerve_muscles.csv must keep each.
REQUIRED_TRIGGER_SITES = (
    ("greater_occipital", "semispinalis_capitis"), ("greater_occipital", "upper_trapezius"),
    ("greater_occipital", "suboccipitals"), ("lesser_occipital", "sternocleidomastoid_clavicular"),
    ("great_auricular", "sternocleidomastoid_clavicular"), ("zygomaticotemporal", "temporalis"),
    ("auriculotemporal", "temporalis"),
)


PRODUCT_DATA = Path(__file__).resolve().parent.parent / "data"


def is_product_data(data_dir: str | Path) -> bool:
    """Whether ``data_dir`` is the product's own ``data/`` (not a test's or a benchmark's table)."""
    return Path(data_dir).resolve() == PRODUCT_DATA


def check_required(referral_map: ReferralMap, guidance: Guidance, data_dir: str = "data",
                   search_terms=None) -> list[Problem]:
    problems: list[Problem] = []
    for evidence_id in REQUIRED_EVIDENCE:
        if evidence_id not in {e.id for e in guidance.evidence}:
            problems.append(Problem(f"{data_dir}/evidence.csv", None, "evidence_id", evidence_id,
                                    "the study summary is missing; expected each of: " + ", ".join(REQUIRED_EVIDENCE)))
    sites = {(r.nerve_id, r.muscle_id) for r in referral_map.nerve_muscles}
    for nerve, muscle in REQUIRED_TRIGGER_SITES:
        if (nerve, muscle) not in sites:
            problems.append(Problem(f"{data_dir}/nerve_muscles.csv", None, "muscle_id", muscle,
                                    f"the place where the {nerve} nerve meets the {muscle} is missing"))
    if search_terms is not None:
        for kind, table in (("muscle", referral_map.muscles), ("region", referral_map.regions)):
            for item in table:
                if (kind, item) not in search_terms:
                    problems.append(Problem(f"{data_dir}/search_terms.csv", None, "id", item,
                                            f"the {kind} has no search words; expected a line for every {kind}"))
    for region_id, region in referral_map.regions.items():
        word = REGION_WORDS.get(region_id)
        if word and word not in region.name.lower():
            problems.append(Problem(f"{data_dir}/regions.csv", None, "name", region.name,
                                    f"does not name the region '{region_id}' that the drawing puts there "
                                    f"(expected a name with '{word}'); were two rows' ids swapped?"))
    for nerve in REQUIRED_NERVES:
        if nerve not in referral_map.nerves:
            problems.append(Problem(f"{data_dir}/nerves.csv", None, "nerve_id", nerve,
                                    "the nerve is missing; the map must show each of: " + ", ".join(REQUIRED_NERVES)))
        elif not referral_map.territory_of(nerve):
            problems.append(Problem(f"{data_dir}/nerve_territories.csv", None, "nerve_id", nerve,
                                    "the nerve has lost its territory; expected at least one row"))
    flags = " ".join(note.text.lower() for note in guidance.notes if note.section == "red_flag")
    for pattern, what in REQUIRED_RED_FLAGS:
        if not re.search(pattern, flags):
            problems.append(Problem(f"{data_dir}/handout.csv", None, "section", "red_flag",
                                    f"the warning sign '{what}' is missing; the handout must list every red flag"))
    for care in referral_map.self_care.values():
        if len(care.steps) < MIN_STEPS:
            problems.append(Problem(f"{data_dir}/self_care.csv", None, "steps", care.id,
                                    f"the exercise has {len(care.steps)} step(s); expected at least {MIN_STEPS}, "
                                    "separated by '|'"))
    return problems
