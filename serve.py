"""The production server: ``python serve.py`` (``make serve``) serves the app with waitress.

waitress reads every request whole, headers and body, in its event loop before it hands it to
one of its worker threads. A client that sends slowly, or never finishes, holds a socket and a
little memory, not a thread; under the sync workers used before, 30 clients sending their
headers at one byte a second took every worker, and normal page loads waited until they timed
out. It runs the same on Linux, macOS and Windows.

Listens on ``$HOST`` (default 127.0.0.1: this machine only) and ``$PORT`` (default 8050);
``--host``, ``--port`` and ``--threads`` override them. Importing the app loads and checks the
tables and the drawing first: a broken table stops the start with the validator's message and
exit status 1, before the port is opened.
"""

from __future__ import annotations

import argparse
import logging
import os
import select
import weakref

# The limits, each for a reason; the README's "Running it in a clinic" repeats them.
# Worker threads running the app. Measured under 100 connections (BENCHMARKS.md): 4 left the
# core idle between requests, 8 gave no more than 6.
THREADS = 6
# Open connections at most; further clients wait in the listen queue until one closes. A tablet
# opens up to six, so 200 serve some 30 tablets; each connection costs a file descriptor and
# buffers, so the cap bounds memory and keeps below the 512 sockets select() handles on Windows.
CONNECTION_LIMIT = 200
# A connection with nothing to do (a kept-alive browser tab) is closed after 30 s of silence;
# the browser opens a new one when it needs it.
IDLE_TIMEOUT_SECONDS = 30
# A request still arriving after about 20 s is dropped (checked every 5 s), so a client that
# trickles its headers or body cannot keep a connection open for ever.
REQUEST_DEADLINE_SECONDS = 20
CHECK_INTERVAL_SECONDS = 5
# Request headers at most: the app's pages send no cookies and short addresses.
MAX_HEADER_BYTES = 16 * 1024


def settings(host: str, port: int, threads: int) -> dict:
    """waitress's settings for listening on ``host:port`` with ``threads`` workers."""
    from components.security import MAX_BODY_BYTES

    return {
        "host": host,
        "port": port,
        "threads": threads,
        "connection_limit": CONNECTION_LIMIT,
        "channel_timeout": IDLE_TIMEOUT_SECONDS,
        "cleanup_interval": CHECK_INTERVAL_SECONDS,
        "max_request_header_size": MAX_HEADER_BYTES,
        # Longer bodies get 413 as soon as their Content-Length is read, before the body is.
        "max_request_body_size": MAX_BODY_BYTES,
        # poll() has no limit on socket numbers; Windows has only select().
        "asyncore_use_poll": hasattr(select, "poll"),
        "expose_tracebacks": False,
        "ident": "referral-map",
    }


def add_request_deadline(listener, seconds: float) -> None:
    """Drop connections of ``listener`` whose request has been arriving for longer than ``seconds``.

    waitress closes only connections that have been silent for ``channel_timeout``; one byte every
    few seconds keeps a connection alive. Its periodic clean-up is extended to also close a
    connection whose current request is still incomplete after ``seconds``. A request already
    received, being answered, is never cut.
    """
    clean_up = listener.maintenance
    first_seen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def maintenance(now: float) -> None:
        clean_up(now)
        for channel in list(listener.active_channels.values()):
            arriving = getattr(channel, "request", None)
            if arriving is None or channel.requests:
                continue
            if now - first_seen.setdefault(arriving, now) > seconds:
                channel.will_close = True

    listener.maintenance = maintenance


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve Referral Map in production (waitress).")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"),
                        help="address to listen on (default $HOST or 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8050)),
                        help="port (default $PORT or 8050)")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"worker threads (default {THREADS})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")

    from waitress import create_server
    from waitress.server import BaseWSGIServer

    from app import create_app_or_exit

    app = create_app_or_exit().server  # loads and checks the tables; exits with the message if broken

    served = create_server(app, **settings(args.host, args.port, args.threads))
    # One listener per address ("localhost" may be two), each with its own clean-up.
    listeners = [served] if isinstance(served, BaseWSGIServer) else [
        each for each in served.map.values() if isinstance(each, BaseWSGIServer)]
    for listener in listeners:
        add_request_deadline(listener, REQUEST_DEADLINE_SECONDS)
    served.print_listen("Referral Map on http://{}:{}")
    served.run()


if __name__ == "__main__":
    main()
