"""Command line: check the referral tables (and the drawing) after editing them.

    python -m referral check [DATA_DIR] [--drawing SVG]

Prints ``OK`` with a short summary, or every problem found, and exits with status 1 on problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from referral import DataError, check_drawing, load, read_drawing
from referral.errors import display_path
from referral.guidance import load_guidance
from referral.model import GRADES
from referral.required import check_required, is_product_data
from referral.search_terms import SEARCH_TERMS, load_search_terms

PROJECT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m referral", description="Check Referral Map's data.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the referral tables and the drawing")
    check.add_argument("data_dir", nargs="?", default=PROJECT / "data", type=Path, help="folder of the CSV tables")
    check.add_argument(
        "--drawing", type=Path, default=PROJECT / "assets" / "head_regions.svg", help="the diagram to check against"
    )
    check.add_argument("--no-drawing", action="store_true", help="check the tables only")
    check.add_argument("--required", action="store_true",
                       help="also check the product's required content (always done for the project's data/)")
    args = parser.parse_args(argv)

    try:
        referral_map = load(args.data_dir)
        grades = ", ".join(f"{sum(link.evidence == g for link in referral_map.links)} {g}" for g in GRADES)
        summary = (
            f"{len(referral_map.muscles)} muscles with {len(referral_map.trigger_points)} trigger points, "
            f"{len(referral_map.regions)} regions, {len(referral_map.links)} referral rows ({grades}), "
            f"{len(referral_map.nerves)} nerves, {len(referral_map.sources)} sources"
        )
        guidance = load_guidance(args.data_dir, referral_map)
        if args.required or is_product_data(args.data_dir):
            terms = load_search_terms(args.data_dir, referral_map)
            problems = check_required(referral_map, guidance, display_path(args.data_dir), terms)
            if problems:
                raise DataError(problems)
        summary += f", {len(guidance.evidence)} evidence summaries, {len(guidance.notes)} handout notes"
        if (args.data_dir / SEARCH_TERMS).exists():
            terms = load_search_terms(args.data_dir, referral_map)
            summary += f", {sum(len(v) for v in terms.values())} search words"
        if not args.no_drawing:
            drawing = read_drawing(args.drawing)
            problems = check_drawing(drawing, referral_map)
            if problems:
                raise DataError(problems)
            summary += f"; drawing: {len(drawing.tappables)} tappable shapes in {len(drawing.views)} views"
    except DataError as error:
        print(error.message, file=sys.stderr)
        return 1
    print(f"OK: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
