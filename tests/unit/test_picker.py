"""The list beside the diagram, built as markup on the server (no browser)."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from components.picker import render_picker
from referral.model import frozen_mapping
from tests.conftest import DATA


class Buttons(HTMLParser):
    """The list's buttons: their attributes and their text."""

    def __init__(self, markup: str):
        super().__init__()
        self.buttons: list[dict] = []
        self._open: dict | None = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        if tag == "button":
            self._open = {**dict(attrs), "text": ""}
            self.buttons.append(self._open)

    def handle_endtag(self, tag):
        if tag == "button":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data


def test_the_list_has_one_button_per_muscle_region_and_nerve(project_map):
    buttons = Buttons(render_picker(project_map, {})).buttons
    picks = [button["data-pick"] for button in buttons]
    expected = ([f"muscle:{m}" for m in project_map.muscles] + [f"region:{r}" for r in project_map.regions]
                + [f"nerve:{n}" for n in project_map.nerves])
    assert sorted(picks) == sorted(expected)
    for button in buttons:
        kind, item_id = button["data-pick"].split(":")
        item = {"muscle": project_map.muscles, "region": project_map.regions, "nerve": project_map.nerves}[kind][
            item_id
        ]
        assert item.name in button["text"] and button["aria-pressed"] == "false"
        assert item.name.lower() in button["data-search"]


def test_search_finds_the_words_people_use(project_map):
    from referral.search_terms import load_search_terms

    SEARCH_TERMS = load_search_terms(DATA, project_map)

    buttons = Buttons(render_picker(project_map, SEARCH_TERMS)).buttons

    def found(word: str) -> set[str]:
        return {b["data-pick"] for b in buttons if word.lower() in b["data-search"]}

    assert {"muscle:sternocleidomastoid_sternal", "muscle:sternocleidomastoid_clavicular"} <= found("SCM")
    assert {"region:tmj", "muscle:masseter", "muscle:temporalis"} <= found("TMJ")
    assert {"region:temple", "muscle:upper_trapezius"} <= found("headache")
    assert "region:retro_orbital" in found("behind the eye")
    assert {"muscle:masseter", "muscle:temporalis"} <= found("clenching")
    assert "region:jaw" in found("jaw")


def test_names_from_the_table_are_escaped(tiny_map):
    muscle_id = next(iter(tiny_map.muscles))
    odd = dataclasses.replace(tiny_map.muscles[muscle_id], name='Odd <b>"name"</b> & more', group="<i>Group</i>")
    changed = dataclasses.replace(tiny_map, muscles=frozen_mapping({**tiny_map.muscles, muscle_id: odd}))
    markup = render_picker(changed, {})
    assert "<b>" not in markup and "<i>" not in markup
    button = next(b for b in Buttons(markup).buttons if b["data-pick"] == f"muscle:{muscle_id}")
    assert button["text"] == odd.name
    assert button["data-search"].startswith('odd <b>"name"</b> & more')
