"""Many sessions at once against the production server (``python serve.py``): no errors and no crossed wires.

Bounded in count (48 sessions of 15 requests; a few seconds here): this checks correctness under
concurrency, not speed; the speed figures live in the benchmarks.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from referral import load
from tests.conftest import DATA, PROJECT

REFERRAL_MAP = load(DATA)

SESSIONS = 48
CALLBACKS_PER_SESSION = 12


@pytest.fixture(scope="module")
def production_url():
    from benchmarks.servers import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "serve.py", "--port", str(port)],
        cwd=PROJECT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    # Wait for the port to accept connections without sending a request: the sessions' own
    # requests must be the first the server handles, as after a restart in a busy clinic.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"the server exited: {process.stderr.read()}")
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=15)


def details_request(muscle_id: str) -> bytes:
    return json.dumps(
        {
            "output": "details-markup.data",
            "outputs": {"id": "details-markup", "property": "data"},
            "inputs": [{"id": "selection", "property": "data", "value": {"mode": "muscle", "muscle": muscle_id}}],
            "changedPropIds": ["selection.data"],
        }
    ).encode()


def session(url: str, seed: int, callbacks_first: bool) -> list[str]:
    """One tablet: load the page and ask for the details of a run of muscles; return errors.

    Half the sessions send their callbacks before loading the page, so that some of the very
    first requests a fresh server handles are callbacks.
    """
    rng = random.Random(seed)
    errors = []
    if not callbacks_first:
        errors += load_page(url)
    muscles = sorted(REFERRAL_MAP.muscles)
    for _ in range(CALLBACKS_PER_SESSION):
        muscle_id = rng.choice(muscles)
        request = urllib.request.Request(url + "/_dash-update-component", data=details_request(muscle_id),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read().decode()
        except urllib.error.HTTPError as error:
            errors.append(f"session {seed}: asked for {muscle_id}, got HTTP {error.code}")
            continue
        name = REFERRAL_MAP.muscles[muscle_id].name
        if json.dumps(name)[1:-1] not in body:
            errors.append(f"session {seed}: asked for {muscle_id}, got a panel without {name!r}")
    if callbacks_first:
        errors += load_page(url)
    return errors


def load_page(url: str) -> list[str]:
    errors = []
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        with urllib.request.urlopen(url + path, timeout=30) as response:
            if response.status != 200:
                errors.append(f"{path}: {response.status}")
    return errors


def test_many_simultaneous_sessions_end_with_zero_errors_and_their_own_answers(production_url):
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda seed: session(production_url, seed, callbacks_first=seed % 2 == 0),
                                range(SESSIONS)))
    assert [error for errors in results for error in errors] == []
