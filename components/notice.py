"""Reading the page address: ``/?muscle=<id>`` or ``/?regions=<id>,<id>``.

The browser script hands the server the query the page was opened with once Dash has started
(and again when the browser goes back to an entry the page did not make); the server reads it,
and what it cannot use is dropped and named in a short notice. The browser script adopts the
selection unless the user has already tapped.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, html

from components import ids
from components.holder import Holder
from referral import ReferralMap, selection_from_query


def create_notice() -> html.Div:
    """The address reader and the place its notices appear."""
    return html.Div(
        [
            Holder(id=ids.ADDRESS),  # the query string, written by the browser script
            Holder(id=ids.ADDRESS_READING),
            html.Div(id=ids.NOTICE, className="notice", role="status"),
        ]
    )


def register_notice(app: Dash, referral_map: ReferralMap) -> None:
    """Read the address on the server; the browser script adopts what it found."""

    @app.callback(Output(ids.ADDRESS_READING, "data"), Output(ids.NOTICE, "children"), Input(ids.ADDRESS, "data"),
                  prevent_initial_call=True)
    def read_address(search):
        """Turn the address's query into a selection and notices for what was ignored."""
        reading = selection_from_query(search if isinstance(search, str) else "", referral_map)
        notices = [html.P(text, className="notice-line") for text in reading.notices]
        return {"selection": reading.selection.to_json()}, notices

    app.clientside_callback(
        ClientsideFunction(namespace="referral", function_name="adoptAddress"),
        Input(ids.ADDRESS_READING, "data"),
    )
