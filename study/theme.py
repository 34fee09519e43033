"""Colours and words of the study page. The colours repeat the main page's (assets/
referral_map.css: --essential, --line, --ink, --brand); the heatmap table gets them as CSS
variables (--heatmap-*, study/table.py). Keep them in step."""

COLOURS = {
    "essential": "#c8384f",  # --essential
    "spillover": "#f4bcc5",  # a light tint of --essential; its cells also carry a dot
    "none": "#ffffff",
    "grid": "#d8dde4",  # --line: shows between cells
    "group_line": "#5a6675",  # --muted
    "selected": "#0e6b6b",  # --brand
    "ink": "#1d2733",  # --ink
}
PATTERN_WORDS = {
    "essential": "essential (nearly everyone)",
    "spillover": "spillover (some people)",
    None: "no referral",
}
