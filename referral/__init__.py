"""Referral Map's pure core: the referral table, its index, selection and highlight.

table -> index -> selection -> highlight: ``load`` reads and validates the tables in ``data/``;
the ``ReferralMap`` it returns answers both ways (a muscle's zones, a region's muscles) and ranks
muscles for several painful regions; ``next_selection`` and ``highlight_for`` are the pure
functions behind a tap; ``read_drawing`` reads the diagram and ``check_drawing`` holds it to the
table. Plain Python and numpy: nothing here imports Dash.
"""

from referral.address import AddressReading, query_for, selection_from_query
from referral.drawing import Drawing, check_drawing, read_drawing
from referral.errors import DataError, Problem
from referral.index import ReferralMap
from referral.ranking import RankedMuscle, Ranking, rank_muscles
from referral.selection import Highlight, Selection, Tap, cleared, highlight_for, next_selection, with_mode
from referral.table import load

__all__ = [
    "AddressReading",
    "DataError",
    "Drawing",
    "Highlight",
    "Problem",
    "RankedMuscle",
    "Ranking",
    "ReferralMap",
    "Selection",
    "Tap",
    "check_drawing",
    "cleared",
    "highlight_for",
    "load",
    "load_checked",
    "next_selection",
    "query_for",
    "rank_muscles",
    "read_drawing",
    "selection_from_query",
    "with_mode",
]


def load_checked(data_dir, drawing_path, geometry: bool = True) -> tuple[ReferralMap, Drawing]:
    """Load the table and the drawing and check them against each other; raise ``DataError``.

    ``geometry=False`` reads the drawing without measuring its shapes (see ``read_drawing``).
    """
    referral_map = load(data_dir)
    drawing = read_drawing(drawing_path, geometry=geometry)
    problems = check_drawing(drawing, referral_map)
    if problems:
        raise DataError(problems)
    return referral_map, drawing
