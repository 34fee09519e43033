"""The study page: a top bar, the two ways of studying as tabs, and the small diagram beside them."""

from __future__ import annotations

from dash import Input, Output, ctx, dcc, html

from components.data import REFERRAL_MAP
from study import ids
from study.app import study_app
from study.diagram import create_diagram
from study.quiz import create_quiz
from study.table import create_table, muscle_order


def create_layout() -> html.Div:
    """The whole page. Every id exists from the start, so callbacks are checked at start-up."""
    bar = html.Header(
        [
            html.Div([html.H1(["Referral Map ", html.Span("Study", className="study-badge")], className="brand-title"),
                      html.P("Learn the referral patterns until you can name the muscle from the pain",
                             className="brand-tagline")],
                     className="brand"),
            html.Nav([html.A("Back to the map", href="/", className="btn btn-outline-secondary")],
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
                options=[{"label": REFERRAL_MAP.muscles[m].name, "value": m} for m in muscle_order(REFERRAL_MAP)],
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
                    html.Section(create_table(), id=ids.TABLE_SECTION, className="study-section",
                                 **{"aria-label": "The whole table"}),
                    html.Section(create_quiz(), id=ids.QUIZ_SECTION, className="study-section", hidden=True,
                                 **{"aria-label": "Quiz"}),
                    create_diagram(picker),
                ],
                id=ids.WORKSPACE,
                className="study-workspace table-view",
            ),
        ],
        className="study-shell",
    )


@study_app.callback(
    Output(ids.TABS, "data"),
    Input(ids.TABLE_TAB_BUTTON, "n_clicks"),
    Input(ids.QUIZ_TAB_BUTTON, "n_clicks"),
    prevent_initial_call=True,
)
def choose_tab(_table_clicks, _quiz_clicks):
    """The tab whose button was pressed."""
    return ids.QUIZ_TAB if ctx.triggered_id == ids.QUIZ_TAB_BUTTON else ids.TABLE_TAB


@study_app.callback(
    Output(ids.TABLE_SECTION, "hidden"),
    Output(ids.PICKER, "hidden"),
    Output(ids.QUIZ_SECTION, "hidden"),
    Output(ids.WORKSPACE, "className"),
    Output(ids.TABLE_TAB_BUTTON, "className"),
    Output(ids.TABLE_TAB_BUTTON, "aria-selected"),
    Output(ids.QUIZ_TAB_BUTTON, "className"),
    Output(ids.QUIZ_TAB_BUTTON, "aria-selected"),
    Input(ids.TABS, "data"),
)
def show_tab(tab):
    """Show the table (its muscle list beside the diagram) or the quiz (under a larger diagram)."""
    quiz = tab == ids.QUIZ_TAB
    workspace = "study-workspace " + ("quiz-view" if quiz else "table-view")
    table_tab = ("nav-link", "false") if quiz else ("nav-link active", "true")
    quiz_tab = ("nav-link active", "true") if quiz else ("nav-link", "false")
    return (quiz, quiz, not quiz, workspace, *table_tab, *quiz_tab)
