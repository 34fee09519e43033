"""The study page (/study/): the whole referral table as a heatmap, and a quiz.

A second Dash app on the main app's server, so that its scripts load on this page only. Blocks:
``table`` (the heatmap), ``quiz``, ``diagram`` (the small diagram both light up) and ``layout``;
each has a ``register_…`` function that puts its callbacks on the app ``create_study_app``
builds. ``app.create_app`` mounts it on the main server.
"""

from study.app import create_study_app

__all__ = ["create_study_app"]
