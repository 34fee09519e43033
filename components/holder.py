"""``Holder``: a Dash component that holds one JSON value and draws nothing.

The map page keeps its selection, the panel's markup and the address in Dash's state, and that
is all it needs of Dash's core components: ``dcc.Store`` and ``dcc.Location`` came with
470 kB of script (113 kB compressed) that a tablet had to run before the panel could answer,
about 150 ms at 4× CPU (BENCHMARKS.md). ``Holder`` is that job alone; its browser half is
``assets/holder.js``. The browser script writes the page's address into one (``ids.ADDRESS``)
itself, since the page, kept the same for every visitor, cannot carry it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dash.development.base_component import Component

# The browser half defines window[NAMESPACE][TYPE] (assets/holder.js).
NAMESPACE = "referral_parts"


class Holder(Component):
    """A value in Dash's state (``data``), for callbacks and ``dash_clientside.set_props``."""

    _children_props: ClassVar[list[str]] = []
    _base_nodes: ClassVar[list[str]] = []
    _namespace = NAMESPACE
    _type = "Holder"

    def __init__(self, id: str, data: Any = None):
        self._prop_names = ["id", "data"]
        self._valid_wildcard_attributes: list[str] = []
        self.available_properties = ["id", "data"]
        self.available_wildcard_properties: list[str] = []
        super().__init__(id=id, data=data)
