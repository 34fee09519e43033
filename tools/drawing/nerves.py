"""The nerves: each declared once, with its course in every view where it is seen.

A nerve's view function takes that view's canvas and returns its course as one or more
polylines on one side (in the front and back views the viewer's right of the midline, in the
side view the patient's right side); the builder mirrors it for the other side. Deep courses
(under the muscles or the skull) are drawn dashed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Nerve:
    ident: str
    views: dict  # view name -> function(canvas) -> list of polylines
    deep: bool = False


NERVES: tuple[Nerve, ...] = ()
