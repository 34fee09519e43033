"""What the app serves: the referral map and the drawing, loaded and checked once at start-up.

``load_content`` reads the tables and the drawing, checks them against each other and, for the
product's own tables, against what patients rely on (``referral/required.py``). A broken table
or drawing raises ``DataError`` with the validator's message (file, line, value), and the app
does not start: nothing wrong is ever shown. By default the files are the project's own, or
where ``REFERRAL_MAP_DATA`` and ``REFERRAL_MAP_DRAWING`` point.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from referral import DataError, Drawing, ReferralMap, load_checked
from referral.errors import display_path
from referral.guidance import Guidance, load_guidance
from referral.required import check_required, is_product_data
from referral.search_terms import load_search_terms

PROJECT = Path(__file__).resolve().parent.parent
DATA_ENV = "REFERRAL_MAP_DATA"
DRAWING_ENV = "REFERRAL_MAP_DRAWING"


@dataclass(frozen=True)
class Content:
    """Everything the pages are built from, read from one folder of tables and one drawing."""

    referral_map: ReferralMap
    drawing: Drawing
    guidance: Guidance
    search_terms: Mapping[tuple[str, str], tuple[str, ...]]
    drawing_inline: str  # the drawing's markup as it goes into a page (``inline_markup``)
    data_dir: Path
    drawing_path: Path


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV, PROJECT / "data"))


def default_drawing_path() -> Path:
    return Path(os.environ.get(DRAWING_ENV, PROJECT / "assets" / "head_regions.svg"))


def load_content(data_dir: str | Path | None = None, drawing_path: str | Path | None = None) -> Content:
    """Read and check the tables in ``data_dir`` and the drawing; raise ``DataError`` if broken."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    drawing_path = Path(drawing_path) if drawing_path is not None else default_drawing_path()
    # The page needs the drawing's ids, not its measurements: reading it without geometry keeps
    # start-up near a bare Dash app's (BENCHMARKS.md, start-up).
    referral_map, drawing = load_checked(data_dir, drawing_path, geometry=False)
    guidance = load_guidance(data_dir, referral_map)
    terms = load_search_terms(data_dir, referral_map)
    # The product's own tables must also hold what patients rely on; a table folder of a
    # benchmark's or a test's need not.
    problems = (check_required(referral_map, guidance, display_path(data_dir), terms)
                if is_product_data(data_dir) else [])
    if problems:
        raise DataError(problems)
    markup = inline_markup(drawing_path.read_text(encoding="utf-8"))
    return Content(referral_map, drawing, guidance, terms, markup, data_dir, drawing_path)


def inline_markup(svg_text: str) -> str:
    """The drawing as it is put into the page: without its XML prologue, comments or stylesheet.

    The page styles the diagram itself, and an inline stylesheet would need a looser
    Content-Security-Policy.
    """
    text = re.sub(r"<\?xml.*?\?>", "", svg_text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<style\b.*?</style>", "", text, flags=re.S)
    return re.sub(r">\s+<", "><", text).strip()
