"""The referral map and the drawing the page shows, loaded and checked once at start-up.

A broken table or drawing stops the app here with the validator's message (file, line, value)
and exit status 1, before a single page is served: nothing wrong is ever shown. The files can
be pointed elsewhere with ``REFERRAL_MAP_DATA`` and ``REFERRAL_MAP_DRAWING``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from referral import DataError, load_checked
from referral.errors import display_path
from referral.guidance import load_guidance
from referral.required import check_required, is_product_data
from referral.search_terms import load_search_terms

PROJECT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("REFERRAL_MAP_DATA", PROJECT / "data"))
DRAWING_PATH = Path(os.environ.get("REFERRAL_MAP_DRAWING", PROJECT / "assets" / "head_regions.svg"))


def _load_or_exit():
    try:
        # The page needs the drawing's ids, not its measurements: reading it without geometry
        # keeps start-up near a bare Dash app's (BENCHMARKS.md, start-up).
        referral_map, drawing = load_checked(DATA_DIR, DRAWING_PATH, geometry=False)
        guidance = load_guidance(DATA_DIR, referral_map)
        terms = load_search_terms(DATA_DIR, referral_map)
        # The product's own tables must also hold what patients rely on (referral/required.py); a
        # table pointed to with REFERRAL_MAP_DATA (a benchmark's, a test's) need not.
        problems = (check_required(referral_map, guidance, display_path(DATA_DIR), terms)
                    if is_product_data(DATA_DIR) else [])
        if problems:
            raise DataError(problems)
        return referral_map, drawing, guidance, terms
    except DataError as error:
        print(f"Referral Map cannot start.\n{error.message}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


def inline_markup(svg_text: str) -> str:
    """The drawing as it is put into the page: without its XML prologue, comments or stylesheet.

    The page styles the diagram itself, and an inline stylesheet would need a looser
    Content-Security-Policy.
    """
    text = re.sub(r"<\?xml.*?\?>", "", svg_text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<style\b.*?</style>", "", text, flags=re.S)
    return re.sub(r">\s+<", "><", text).strip()


REFERRAL_MAP, DRAWING, GUIDANCE, SEARCH_TERMS = _load_or_exit()
DRAWING_INLINE = inline_markup(DRAWING_PATH.read_text(encoding="utf-8"))
