"""A synthetic referral table ten times the real one, with a drawing that follows the contract.

180 muscles (``m000``..``m179``) with two trigger points each, 240 regions (``r000``..``r239``),
about 750 referral rows (each naming its muscle's trigger points and an evidence grade), 500
sources and 50 self-care entries (added to the real ones), and search words for a quarter of
the muscles, with texts as long as the real table's, so that the details panel, the index
handed to the page and the picker all grow as a real table would. The real table's other files
are copied unchanged.

The drawing has the four views of the real one (front, the two side views in one cell, back),
and draws everything on both sides of the patient: every region in the front or the back view
(both sides) and in the side view of each side; every muscle likewise, half of them in both
side views: about 1,500 tappable shapes, eight times the real drawing. Each is a closed 32-point
outline with its tap point at the centre and its largest free disc (``data-fit``); each drawn
muscle has its trigger-point marks; the real drawing's fill patterns are copied in (the
stylesheet fills marked regions with them). The outlines are plain, so what grows is the number
of shapes, not the artwork; the run prints both drawings' sizes.

Everything is generated from a fixed seed, so every run measures the same table.
"""

from __future__ import annotations

import csv
import math
import random
import re
import shutil
from pathlib import Path

MUSCLES = 180
REGIONS = 240
SOURCES = 500
SELF_CARE = 50
NERVES = 150  # ten times the real table's 15
LINKS_PER_MUSCLE = (3, 6)  # the real table has about 4.2 rows per muscle
SOURCES_PER_MUSCLE = 5  # and about 4.8 sources per muscle
POINTS_PER_OUTLINE = 32
# The two side views share the middle cell; the page shows one of them at a time.
VIEWS = (("front", 0), ("side-right", 400), ("side-left", 400), ("back", 800))
POINTS_PER_MUSCLE = 2
VIEW_WIDTH, VIEW_HEIGHT = 400, 600
SEED = 5

WORDS = ["the", "muscle", "runs", "from", "the", "skull", "to", "the", "neck", "and", "shoulder", "where", "it", "holds", "the", "head", "up", "and", "turns", "it", "a", "knot", "here", "often", "sends", "an", "ache", "along", "the", "side", "of", "the", "head", "towards", "the", "temple", "or", "behind", "the", "eye", "pressure", "on", "the", "band", "reproduces", "the", "familiar", "pain", "and", "eases", "when", "the", "muscle", "is", "stretched", "gently"]


def _text(rng: random.Random, length: int) -> str:
    words = []
    while sum(len(word) + 1 for word in words) < length:
        words.append(rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


def _write_csv(path: Path, rows: list[dict], keep_existing: bool = False) -> None:
    """Write ``rows`` (dicts by column name) to ``path``, after the file's own rows if ``keep_existing``.

    The header is the existing file's when there is one, so columns added to the real table
    later are kept (left empty in the synthetic rows).
    """
    existing, header = [], list(rows[0])
    if path.exists():
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or header)
            existing = list(reader) if keep_existing else []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore", restval="")
        writer.writeheader()
        writer.writerows(existing + rows)


def muscle_ids() -> list[str]:
    return [f"m{i:03d}" for i in range(MUSCLES)]


def region_ids() -> list[str]:
    return [f"r{i:03d}" for i in range(REGIONS)]


def nerve_ids() -> list[str]:
    return [f"n{i:02d}" for i in range(NERVES)]


def point_ids(muscle: str) -> list[str]:
    return [f"{muscle}_trp{k + 1}" for k in range(POINTS_PER_MUSCLE)]


def write_table(folder: Path, real_data: Path) -> Path:
    """Write the synthetic table into ``folder``; return it.

    The real table's folder is copied first, so every file the app reads is there; then the
    muscles, regions and referral rows are replaced, and synthetic sources and self-care
    entries are added after the real ones (which other files may cite).
    """
    rng = random.Random(SEED)
    shutil.copytree(real_data, folder, dirs_exist_ok=True)
    sources = [f"s{i:03d}" for i in range(SOURCES)]
    _write_csv(folder / "sources.csv", [
        {"source_id": s, "authors": "Author A, Author B", "year": str(1980 + i % 45), "title": _text(rng, 90),
         "published_in": "Journal of Synthetic Studies", "locator": f"Chapter {i % 40 + 1}, pp. {i}-{i + 4}",
         "url": f"https://example.org/{s}" if i % 2 else ""}
        for i, s in enumerate(sources)
    ], keep_existing=True)
    care = [f"c{i:02d}" for i in range(SELF_CARE)]
    _write_csv(folder / "self_care.csv", [
        {"self_care_id": c, "name": f"Exercise {i:02d}", "purpose": _text(rng, 90),
         "steps": "|".join(_text(rng, 110) for _ in range(5)), "dose": "Hold 20-30 seconds on each side.",
         "caution": _text(rng, 140), "sources": ";".join(rng.sample(sources, 2))}
        for i, c in enumerate(care)
    ], keep_existing=True)
    regions = region_ids()
    _write_csv(folder / "regions.csv", [
        {"region_id": r, "name": f"Region {i:03d}", "patient_words": _text(rng, 50),
         "depth": "deep" if i % 8 == 0 else "surface"}
        for i, r in enumerate(regions)
    ])
    muscles = muscle_ids()
    # As in the real table, a muscle's referral rows cite the sources of the muscle itself.
    cited = {m: rng.sample(sources, SOURCES_PER_MUSCLE) for m in muscles}
    _write_csv(folder / "muscles.csv", [
        {"muscle_id": m, "name": f"Muscle {i:03d}", "group": f"Group {i // 3:02d}",
         "depth": "deep" if i % 4 == 0 else "superficial", "plain_words": _text(rng, 150),
         "trigger_points": _text(rng, 200), "why_it_matters": _text(rng, 180),
         "self_care": ";".join(rng.sample(care, i % 3)), "sources": ";".join(cited[m])}
        for i, m in enumerate(muscles)
    ])
    _write_csv(folder / "trigger_points.csv", [
        {"trigger_point_id": point, "muscle_id": m, "label": f"TrP{k + 1}", "location": _text(rng, 160),
         "sources": ";".join(rng.sample(cited[m], 2))}
        for m in muscles for k, point in enumerate(point_ids(m))
    ])
    links = []
    for muscle in muscles:
        for number, region in enumerate(rng.sample(regions, rng.randint(*LINKS_PER_MUSCLE))):
            points = point_ids(muscle)
            # The first two rows name one point each, so that every point refers somewhere.
            named = [points[number]] if number < len(points) else rng.sample(points, rng.randint(1, len(points)))
            links.append({
                "muscle_id": muscle, "region_id": region, "trigger_points": ";".join(named),
                "pattern": rng.choice(("essential", "essential", "spillover")),
                "laterality": rng.choice(("ipsilateral", "bilateral", "midline")),
                "evidence": rng.choice(("A", "B", "C")),
                "sources": ";".join(rng.sample(cited[muscle], rng.randint(2, 4))),
                "note": _text(rng, 220) if rng.random() < 0.5 else "",
            })
    _write_csv(folder / "referral_map.csv", links)
    nerves = nerve_ids()
    _write_csv(folder / "nerves.csv", [
        {"nerve_id": n, "name": f"Nerve {i:02d}", "patient_words": _text(rng, 60), "origin": _text(rng, 40),
         "parent": "", "plain": _text(rng, 160), "sources": ";".join(rng.sample(sources, 2))}
        for i, n in enumerate(nerves)
    ])
    _write_csv(folder / "nerve_territories.csv", [
        {"nerve_id": n, "region_id": r, "extent": rng.choice(("whole", "part")),
         "sources": ";".join(rng.sample(sources, 2)), "note": ""}
        for n in nerves for r in rng.sample(regions, 4)
    ])
    _write_csv(folder / "nerve_muscles.csv", [
        {"nerve_id": n, "muscle_id": m, "relation": _text(rng, 80), "sources": rng.choice(sources), "note": ""}
        for n in nerves for m in rng.sample(muscles, 2)
    ])
    _write_csv(folder / "search_terms.csv", [
        {"kind": "muscle", "id": m, "terms": ";".join(_text(rng, 12).rstrip(".") for _ in range(3))}
        for m in muscles[::4]
    ])
    return folder


def _outline(cx: float, cy: float, rx: float, ry: float) -> str:
    """A closed, slightly irregular outline around (cx, cy), as path data."""
    points = []
    for k in range(POINTS_PER_OUTLINE):
        angle = 2 * math.pi * k / POINTS_PER_OUTLINE
        wobble = 1 + 0.06 * math.sin(5 * angle)
        points.append(f"{cx + rx * wobble * math.cos(angle):.1f} {cy + ry * wobble * math.sin(angle):.1f}")
    return "M" + " L".join(points) + "Z"


def _grid(count: int, columns: int, left: float) -> list[tuple[float, float, float, float]]:
    """Centres and half-sizes of ``count`` cells filling one view, row by row."""
    rows = math.ceil(count / columns)
    width, height = (VIEW_WIDTH - 20) / columns, (VIEW_HEIGHT - 60) / rows
    return [
        (left + 10 + width * (i % columns + 0.5), 20 + height * (i // columns + 0.5), width * 0.42, height * 0.42)
        for i in range(count)
    ]


def shared_definitions(real_drawing: Path) -> str:
    """The real drawing's ``<defs>`` (the fill patterns the page's stylesheet refers to), or nothing."""
    text = re.sub(r"<!--.*?-->", "", real_drawing.read_text(encoding="utf-8"), flags=re.S)
    found = re.search(r"<defs\b.*?</defs>", text, flags=re.S)
    return found.group(0) if found else ""


def _placements(ids: list[str], pair: str) -> dict[str, list[tuple[str, str]]]:
    """The (view, side) copies of every item: the even ones in the front view and the odd ones
    in the back view, both sides; every one in the side view of each side when ``pair`` is
    "all", the first half only when it is "half"."""
    out = {}
    for i, item in enumerate(ids):
        face = "front" if i % 2 == 0 else "back"
        copies = [(face, "right"), (face, "left")]
        if pair == "all" or i < len(ids) // 2:
            copies += [("side-right", "right"), ("side-left", "left")]
        out[item] = copies
    return out


def write_drawing(path: Path, definitions: str = "") -> Path:
    """Write the synthetic drawing to ``path``, with ``definitions`` (a ``<defs>`` element) first; return it."""
    muscles, regions = muscle_ids(), region_ids()
    region_copies, muscle_copies = _placements(regions, "all"), _placements(muscles, "half")
    nerve_copies = _placements(nerve_ids(), "half")
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" id="head-regions" viewBox="0 0 1200 600">', definitions]
    for view, left in VIEWS:
        lines.append(f'<g id="view-{view}" data-view="{view}" data-bbox="{left} 0 {VIEW_WIDTH} {VIEW_HEIGHT}">')
        lines.append(f'<g class="outline"><path d="M{left + 5} 5 h390 v590 h-390 Z" fill="none"/></g>')
        drawn_regions = [(r, side) for r in regions for v, side in region_copies[r] if v == view]
        lines.append('<g class="regions">')
        for (region, side), (cx, cy, rx, ry) in zip(drawn_regions, _grid(len(drawn_regions), 16, left), strict=True):
            lines.append(f'<g id="{view}-region-{region}-{side}" class="region" data-region="{region}" '
                         f'data-side="{side}" data-tap="{cx:.1f} {cy:.1f}" data-fit="{2 * min(rx, ry):.0f}">'
                         f'<title>Region {region[1:]}</title><path class="shape" d="{_outline(cx, cy, rx, ry)}"/></g>')
        lines.append("</g>")
        drawn_muscles = [(m, side) for m in muscles for v, side in muscle_copies[m] if v == view]
        cells = _grid(len(drawn_muscles), 12, left)
        lines.append('<g class="muscles">')
        for (muscle, side), (cx, cy, rx, ry) in zip(drawn_muscles, cells, strict=True):
            depth = " deep" if int(muscle[1:]) % 4 == 0 else ""
            lines.append(f'<g id="{view}-muscle-{muscle}-{side}" class="muscle{depth}" data-muscle="{muscle}" '
                         f'data-side="{side}" data-tap="{cx:.1f} {cy:.1f}" data-fit="{1.6 * min(rx, ry):.0f}">'
                         f'<title>Muscle {muscle[1:]}</title>'
                         f'<path class="shape" d="{_outline(cx, cy, rx * 0.8, ry * 0.8)}"/></g>')
        lines.append("</g>")
        lines.append('<g class="nerves">')
        for k, (nerve, side) in enumerate((n, side) for n in nerve_ids() for v, side in nerve_copies[n] if v == view):
            x, y = left + 20 + (k % 12) * 30, 540 + (k // 12) * 20
            lines.append(f'<g id="{view}-nerve-{nerve}-{side}" class="nerve" data-nerve="{nerve}" data-side="{side}" '
                         f'data-tap="{x + 10:.1f} {y:.1f}" data-fit="3"><title>Nerve {nerve[1:]}</title>'
                         f'<path class="course" d="M{x:.1f} {y:.1f}h20"/></g>')
        lines.append("</g>")
        lines.append('<g class="trigger-points">')
        for (muscle, side), (cx, cy, rx, ry) in zip(drawn_muscles, cells, strict=True):
            for k, point in enumerate(point_ids(muscle)):
                x, y = cx + rx * (0.5 - k), cy - ry * 0.5
                lines.append(f'<g id="{view}-tp-{point}-{side}" class="trigger-point" data-trigger-point="{point}" '
                             f'data-side="{side}" data-tap="{x:.1f} {y:.1f}">'
                             f'<path d="M{x - 4:.1f} {y - 4:.1f}L{x + 4:.1f} {y + 4:.1f}M{x - 4:.1f} {y + 4:.1f}'
                             f'L{x + 4:.1f} {y - 4:.1f}"/></g>')
        lines.append("</g>")
        lines.append("</g>")
    lines.append("</svg>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write(folder: Path, real_data: Path, real_drawing: Path) -> dict:
    """Write the table and the drawing under ``folder``; return the app's environment for them."""
    data = write_table(folder / "data", real_data)
    drawing = write_drawing(folder / "head_regions.svg", shared_definitions(real_drawing))
    return {"REFERRAL_MAP_DATA": str(data), "REFERRAL_MAP_DRAWING": str(drawing)}
