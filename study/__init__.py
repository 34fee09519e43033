"""The study page (/study/): the whole referral table as a heatmap, and a quiz.

A second Dash app on the main app's server, so that its scripts load on this page only. Blocks:
``table`` (the heatmap), ``quiz``, ``diagram`` (the small diagram both light up) and ``layout``;
each registers its callbacks on ``study_app`` when imported. ``app.py`` mounts it with
``study_app.init_app(server)``.
"""

from study.app import study_app
from study.layout import create_layout

study_app.layout = create_layout()

__all__ = ["study_app"]
