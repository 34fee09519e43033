"""Referral Map's benchmarks: how fast a tap is answered, how heavy the page is, how much one
server carries, and how all of that grows with the table.

Run ``python -m benchmarks`` (``make bench``) for the full run or ``--smoke`` for a short one.
Every figure is measured against the app started the way a user starts it (``python app.py``,
``python serve.py``), with its comparison baseline (a bare Dash page, a ten-times table)
measured in the same run. The run prints one table and writes a JSON file under
``benchmarks/out/``. These are measurements, not tests: a slow machine gives slow figures and
the command still succeeds.
"""
