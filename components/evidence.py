"""The Evidence block: what studies found about dry needling for headache, in plain words.

A collapsible block, closed at first so it never pushes the details away; the summaries come
from data/evidence.csv (see data/README.md), so they can be updated without touching code. The
page starts with the block's heading only and fills in the summaries the first time it is
opened: they are about half the page's components, and rendering them at start delayed the
moment the diagram can be tapped (BENCHMARKS.md, first load). The printed handout shows the
same summaries.
"""

from __future__ import annotations

from dash import Dash, Input, Output, html

from components import ids
from components.citations import render_sources
from referral import ReferralMap
from referral.guidance import Evidence, Guidance

SUMMARY = "Evidence: what studies say about dry needling for headache"


def create_evidence() -> html.Details:
    """The block as placed on the main page: closed, its summaries filled in when first opened."""
    return html.Details(
        [html.Summary(SUMMARY, id=ids.EVIDENCE_SUMMARY, className="evidence-summary"), html.Div(id=ids.EVIDENCE_BODY)],
        className="evidence-block",
        **{"data-block": "evidence"},
    )


def register_evidence(app: Dash, guidance: Guidance, referral_map: ReferralMap) -> None:
    """Fill in the summaries when the block is first opened."""

    @app.callback(Output(ids.EVIDENCE_BODY, "children"), Input(ids.EVIDENCE_SUMMARY, "n_clicks"),
                  prevent_initial_call=True)
    def show_evidence(_clicks):
        return render_evidence(guidance, referral_map)


def render_evidence(guidance: Guidance, referral_map: ReferralMap) -> list:
    """Every evidence summary in the file's order, each with its full citations."""
    return [
        html.P(
            "Short, plain summaries of the studies behind this map's advice on treatment. "
            "Each says what was found, what it means for a patient, and its limits.",
            className="muted",
        ),
        *(render_item(item, referral_map) for item in guidance.evidence),
    ]


def render_item(item: Evidence, referral_map: ReferralMap) -> html.Article:
    body = [
        html.H3(item.title),
        html.P(item.design, className="evidence-design"),
        html.P(item.found),
        html.P([html.Strong("What it means for a patient: "), item.meaning]),
        html.P([html.Strong("Limits: "), item.limits], className="evidence-limits"),
    ]
    body += render_sources(item.sources, referral_map, heading=None)
    return html.Article(body, className="evidence-item", **{"data-evidence": item.id})
