"""Carving a view's silhouette into pain regions that tile it without gaps or overlaps."""

from __future__ import annotations

import shapely
from shapely.geometry import Polygon

from tools.drawing.geometry import GRID, inter, minus, polygons, union

#: The id of a claim that takes its area but makes no region: plain skin, not tappable.
SKIN = None
MIN_PIECE = 25.0  # region pieces smaller than this (units²) join a neighbour


def tile(silhouette, claims) -> dict:
    """Carve the silhouette into regions.

    ``claims`` is a list of (region id, rough shape), most specific first: each region takes its
    rough shape minus what the regions before it took. A claim whose id is ``SKIN`` (None) takes
    its area like any other but is no region: it is the plain skin between the regions (most of
    the torso). Leftover scraps and crumbs go to the neighbour they share the longest edge with
    (the skin included), so the pieces, skin included, tile the silhouette exactly; the skin
    comes back under the key ``SKIN``. Empty regions are left out.
    """
    taken, out = Polygon(), {}
    for rid, raw in claims:
        assert rid is SKIN or rid not in out, f"{rid} is claimed twice"
        got = minus(inter(raw, silhouette), taken)
        out[rid] = union(out[rid], got) if rid in out else got
        taken = union(taken, got)
    scraps = polygons(minus(silhouette, taken))
    for rid, got in out.items():
        main, rest = polygons(got)[:1], polygons(got)[1:]
        scraps += [p for p in rest if p.area < MIN_PIECE]
        out[rid] = union(*main, *[p for p in rest if p.area >= MIN_PIECE])
    for scrap in scraps:
        best, best_len = None, 0.0
        for rid, g in out.items():
            shared = scrap.boundary.intersection(g.buffer(0.05)).length
            if shared > best_len:
                best, best_len = rid, shared
        if best is not None:
            out[best] = union(out[best], scrap)
    ids = [r for r in out if not out[r].is_empty]
    simple = shapely.coverage_simplify([out[r] for r in ids], 0.6)
    return {r: shapely.set_precision(g, GRID) for r, g in zip(ids, simple, strict=True)}
