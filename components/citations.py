"""Citations as the panel and the evidence block show them: one function for both.

A link shows its site and a shortened path, not the whole address, so a long address never
widens the panel; the whole address is the link's target.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from dash import html

from referral import ReferralMap

MAX_LINK_TEXT = 48


def link_text(url: str) -> str:
    """"pubmed.ncbi.nlm.nih.gov/32…" for a long address: its host and the start of its path."""
    parts = urlsplit(url)
    text = parts.netloc + parts.path.rstrip("/")
    return text if len(text) <= MAX_LINK_TEXT else text[: MAX_LINK_TEXT - 1] + "…"


def render_citation(source_id: str, referral_map: ReferralMap) -> html.Li:
    source = referral_map.sources[source_id]
    parts: list = [source.citation]
    if source.url:
        parts += [" ", html.A(link_text(source.url), href=source.url, target="_blank", rel="noopener noreferrer",
                              title=source.url)]
    return html.Li(parts, **{"data-source": source_id})


def render_sources(source_ids, referral_map: ReferralMap, heading: str | None = "Sources") -> list:
    """A numbered list of citations, under a heading."""
    items = html.Ol([render_citation(s, referral_map) for s in source_ids], className="sources")
    return [html.H3(heading), items] if heading else [items]
