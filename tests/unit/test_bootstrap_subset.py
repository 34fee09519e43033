"""The part of Bootstrap the pages load (assets/bootstrap.subset.css, written by
tools/bootstrap_subset.py): it is what the tool writes, it styles every Bootstrap class the code
uses, and it leaves out what the code does not use."""

from __future__ import annotations

import re

from tools.bootstrap_subset import OUTPUT, SOURCE, generate, required, selectors, subset, used_words

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def test_the_committed_subset_is_what_the_tool_writes():
    assert OUTPUT.read_text(encoding="utf-8") == generate(), "run: python -m tools.bootstrap_subset"


def test_every_bootstrap_class_the_code_names_is_styled_by_the_subset():
    kept = set(CLASS.findall(OUTPUT.read_text(encoding="utf-8")))
    # Written out from the pages' markup: the buttons, tabs, fields, badge and hidden text.
    for name in ("btn", "btn-group", "btn-outline-secondary", "nav-tabs", "nav-link", "form-select",
                 "form-control", "badge", "lead", "visually-hidden", "text-bg-light"):
        assert name in used_words() and name in kept, name
    # A used class that Bootstrap styles on its own (a rule for ".name" alone) keeps that rule.
    alone = set(re.findall(r"[{},]\.(-?[_a-zA-Z][\w-]*)[{,]", SOURCE.read_text(encoding="utf-8")))
    assert alone & used_words() <= kept
    assert "btn" in alone and {"btn", "badge"} <= alone & used_words()


def test_the_subset_leaves_out_what_no_page_uses_and_keeps_the_base_styles():
    text = OUTPUT.read_text(encoding="utf-8")
    for unused in (".btn-primary", ".carousel", ".modal", ".navbar", ".col-md-6", ".dropdown-menu"):
        assert unused not in text, unused
    assert ":root" in text and "body{" in text and "Licensed under MIT" in text
    assert len(text) < len(SOURCE.read_text(encoding="utf-8")) / 5


def test_a_selector_is_kept_only_when_every_class_it_needs_is_used():
    css = ('/*! licence */.a{color:red}.a .b,.a{margin:0}.a:not(.z){padding:0}p{margin:1px}'
           '@media (min-width:1px){.b{color:blue}.a{color:green}}@keyframes spin{to{opacity:0}}.a{animation:spin}')
    out = subset(css, {"a"})
    assert ".a{color:red}" in out and ".a{margin:0}" in out and ".a .b" not in out
    assert ".a:not(.z){padding:0}" in out  # an unused class inside :not() never stops a match
    assert "p{margin:1px}" in out and "@media (min-width:1px){.a{color:green}}" in out and ".b{" not in out
    assert "@keyframes spin" in out
    assert "@keyframes" not in subset(css.replace(".a{animation:spin}", ""), {"a"})
    assert selectors(".a:not(.b,.c),.d") == [".a:not(.b,.c)", ".d"]
    assert required(".btn-group>.btn:not(:last-child):not(.dropdown-toggle)") == {"btn-group", "btn"}
