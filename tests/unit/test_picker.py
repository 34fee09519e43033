"""The list beside the diagram, built as markup on the server (no browser)."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from components.picker import render_picker_list
from referral.model import frozen_mapping


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


def test_the_list_has_one_button_per_muscle_and_region(project_map):
    buttons = Buttons(render_picker_list(project_map)).buttons
    picks = [button["data-pick"] for button in buttons]
    expected = [f"muscle:{m}" for m in project_map.muscles] + [f"region:{r}" for r in project_map.regions]
    assert sorted(picks) == sorted(expected)
    for button in buttons:
        kind, item_id = button["data-pick"].split(":")
        item = (project_map.muscles if kind == "muscle" else project_map.regions)[item_id]
        assert item.name in button["text"] and button["aria-pressed"] == "false"
        assert item.name.lower() in button["data-search"]


def test_names_from_the_table_are_escaped(tiny_map):
    muscle_id = next(iter(tiny_map.muscles))
    odd = dataclasses.replace(tiny_map.muscles[muscle_id], name='Odd <b>"name"</b> & more', group="<i>Group</i>")
    changed = dataclasses.replace(tiny_map, muscles=frozen_mapping({**tiny_map.muscles, muscle_id: odd}))
    markup = render_picker_list(changed)
    assert "<b>" not in markup and "<i>" not in markup
    button = next(b for b in Buttons(markup).buttons if b["data-pick"] == f"muscle:{muscle_id}")
    assert button["text"] == odd.name
    assert button["data-search"].startswith('odd <b>"name"</b> & more')
