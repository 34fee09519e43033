"""The generator of the head-and-neck diagram, ``assets/head_regions.svg``.

Run ``python -m tools.drawing`` (from the project's root) to regenerate the drawing; pass a
path to write it elsewhere. The output is deterministic: the unit tests check that the
committed SVG is exactly what the generator writes.

How it is organised (each anatomical structure is declared once):

- ``canvas.py``   the frame, the proportions every view shares, and a view's canvas;
- ``figure.py``   each view's landmarks, silhouette and line art (nothing tappable);
- ``regions.py``  the pain regions of each view, as claims carved into the silhouette;
- ``muscles.py``  every muscle, with its shape in each view where it is seen and the places of
                  its trigger points;
- ``nerves.py``   every nerve, with its course in each view where it is seen;
- ``assemble.py`` builds the views: paired structures are declared on one side and mirrored,
                  the left side view is the right one mirrored, and every piece gets the
                  point a fingertip aims at;
- ``svg.py``      writes the SVG;
- ``geometry.py`` and ``tiling.py``, the shapes and the carving they are built with.
"""

from __future__ import annotations

from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[2] / "assets" / "head_regions.svg"


def generate() -> str:
    """The drawing, as the text of an SVG file."""
    from tools.drawing.assemble import build_views
    from tools.drawing.svg import render

    return render(build_views())
