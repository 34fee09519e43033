"""Production settings for ``gunicorn app:server`` (gunicorn reads this file from the working folder).

The app is imported once in the master before the workers start (``preload_app``), so a broken
table or drawing stops gunicorn at once with the validator's message instead of a restart loop.
Override any setting on the command line, e.g. ``gunicorn --bind 0.0.0.0:8050 app:server``.
"""

import os

bind = os.environ.get("REFERRAL_MAP_BIND", "127.0.0.1:" + os.environ.get("PORT", "8050"))
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = 1
preload_app = True
timeout = 30
graceful_timeout = 10
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
# Never forward client-supplied proxy headers unless a reverse proxy sets them on this machine.
forwarded_allow_ips = "127.0.0.1"
