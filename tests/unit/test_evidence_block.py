"""The main page's Evidence block, rendered from the real evidence.csv (no browser)."""

from __future__ import annotations

from app import create_app
from components import ids
from components.evidence import SUMMARY, create_evidence, render_evidence
from referral.guidance import load_guidance
from tests.conftest import DATA, run_callback
from tests.unit.test_details import text_of


def links_of(children) -> list[str]:
    out: list[str] = []

    def walk(node):
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif node is not None and not isinstance(node, (str, int, float)):
            if getattr(node, "href", None):
                out.append(node.href)
            walk(getattr(node, "children", None))

    walk(children)
    return out


def test_the_block_summarises_each_study_with_its_limits_and_full_citations_but_no_editors_notes(project_map):
    guidance = load_guidance(DATA, project_map)
    block = render_evidence(guidance, project_map)
    text, links = text_of(block), links_of(block)
    for item in guidance.evidence:
        for part in (item.title, item.design, item.found, item.meaning, item.limits):
            assert part in text
        if item.citation_note:
            assert item.citation_note not in text
        for source_id in item.sources:
            source = project_map.sources[source_id]
            assert source.citation in text
            assert not source.url or source.url in links


def test_the_page_starts_with_the_heading_only_and_fills_the_block_when_it_is_opened(project_map):
    block = create_evidence()
    assert text_of(block) == SUMMARY
    assert not getattr(block, "open", False)  # closed at first: it never pushes the details away
    client = create_app().server.test_client()
    filled = run_callback(client, [(ids.EVIDENCE_BODY, "children")], [(ids.EVIDENCE_SUMMARY, "n_clicks", 1)])
    expected = render_evidence(load_guidance(DATA, project_map), project_map)
    assert filled[ids.EVIDENCE_BODY]["children"] == json_of(expected)


def json_of(components):
    """Dash components as the server sends them."""
    import json

    from plotly.utils import PlotlyJSONEncoder

    return json.loads(json.dumps(components, cls=PlotlyJSONEncoder))
