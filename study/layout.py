"""The study page: a top bar, the two ways of studying as tabs, and the small diagram beside them."""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html

from components.data import Content
from study import ids
from study.diagram import create_diagram, register_diagram
from study.quiz import create_quiz, register_quiz
from study.table import create_table, muscle_order, register_table


def create_layout(content: Content, map_path: str = "/") -> html.Div:
    """The whole page, with a way back to the map at ``map_path``. Every id exists from the
    start, so callbacks are checked at start-up."""
    referral_map = content.referral_map
    bar = html.Header(
        [
            html.Div([html.H1(["Referral Map ", html.Span("Study", className="study-badge")], className="brand-title"),
                      html.P("Learn the referral patterns until you can name the muscle from the pain",
                             className="brand-tagline")],
                     className="brand"),
            html.Nav([html.A("Back to the map", href=map_path, className="btn btn-outline-secondary")],
                     className="actions", **{"aria-label": "Pages"}),
        ],
        className="app-bar",
    )
    # Plain buttons with tab roles: dash-bootstrap-components' tabs would add its 66 kB bundle
    # to every page of the app, the map included (BENCHMARKS.md, first load).
    tabs = html.Div(
        [
            dcc.Store(id=ids.TABS, data=ids.TABLE_TAB),
            html.Button("The whole table", id=ids.TABLE_TAB_BUTTON, type="button", role="tab",
                        className="nav-link active", **{"aria-selected": "true"}),
            html.Button("Quiz", id=ids.QUIZ_TAB_BUTTON, type="button", role="tab", className="nav-link",
                        **{"aria-selected": "false"}),
        ],
        role="tablist",
        className="nav nav-tabs study-tabs",
    )
    picker = html.Div(
        [
            html.Label("Muscle", htmlFor=ids.MUSCLE_PICK, className="picker-label"),
            dcc.Dropdown(
                id=ids.MUSCLE_PICK,
                options=[{"label": referral_map.muscles[m].name, "value": m} for m in muscle_order(referral_map)],
                placeholder="Choose a muscle, or tap a row",
                clearable=True,
                className="study-muscle-pick",
            ),
        ],
        id=ids.PICKER,
        className="study-picker",
    )
    return html.Div(
        [
            bar,
            html.Main(
                [
                    tabs,
                    html.Section(create_table(referral_map), id=ids.TABLE_SECTION, className="study-section",
                                 **{"aria-label": "The whole table"}),
                    html.Section(create_quiz(), id=ids.QUIZ_SECTION, className="study-section", hidden=True,
                                 **{"aria-label": "Quiz"}),
                    create_diagram(content.drawing_inline, referral_map, picker),
                ],
                id=ids.WORKSPACE,
                className="study-workspace table-view",
            ),
        ],
        className="study-shell",
    )


def register_callbacks(app: Dash, content: Content, handout: str) -> None:
    """Every callback of the page, on ``app``; ``handout`` is the handout page's address."""
    for button, tab in ((ids.TABLE_TAB_BUTTON, ids.TABLE_TAB), (ids.QUIZ_TAB_BUTTON, ids.QUIZ_TAB)):
        register_tab_button(app, button, tab)
    app.callback(
        Output(ids.TABLE_SECTION, "hidden"),
        Output(ids.PICKER, "hidden"),
        Output(ids.QUIZ_SECTION, "hidden"),
        Output(ids.WORKSPACE, "className"),
        Output(ids.TABLE_TAB_BUTTON, "className"),
        Output(ids.TABLE_TAB_BUTTON, "aria-selected"),
        Output(ids.QUIZ_TAB_BUTTON, "className"),
        Output(ids.QUIZ_TAB_BUTTON, "aria-selected"),
        Input(ids.TABS, "data"),
    )(show_tab)
    register_table(app)
    register_quiz(app, content.referral_map)
    register_diagram(app, content.referral_map, handout)


def register_tab_button(app: Dash, button: str, tab: str) -> None:
    """Pressing ``button`` shows ``tab``."""
    app.callback(Output(ids.TABS, "data", allow_duplicate=True), Input(button, "n_clicks"),
                 prevent_initial_call=True)(lambda _clicks: tab)


def show_tab(tab):
    """Show the table (its muscle list beside the diagram) or the quiz (under a larger diagram)."""
    quiz = tab == ids.QUIZ_TAB
    workspace = "study-workspace " + ("quiz-view" if quiz else "table-view")
    table_tab = ("nav-link", "false") if quiz else ("nav-link active", "true")
    quiz_tab = ("nav-link active", "true") if quiz else ("nav-link", "false")
    return (quiz, quiz, not quiz, workspace, *table_tab, *quiz_tab)
