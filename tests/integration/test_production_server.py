"""The production server (``python serve.py``, what ``make serve`` runs) against hostile clients.

Every test talks to a real server on a free loopback port; each is bounded (a few seconds to
about 20 s here) and stops by itself. Slow clients must not keep normal visitors out, a huge
body is refused without being read, and nothing a client sends is answered with a 5xx or a
traceback.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import sys
import threading
import time
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import servers
from tests.conftest import PROJECT

SLOW_CLIENTS = 30
PAGE_LOADS = 10
PAGE_SECONDS = 2.0
CALLBACK = "/_dash-update-component"
DETAILS = {
    "output": "details-markup.data",
    "outputs": {"id": "details-markup", "property": "data"},
    "inputs": [{"id": "selection", "property": "data", "value": {"mode": "muscle", "muscle": "masseter"}}],
    "changedPropIds": ["selection.data"],
}


@pytest.fixture(scope="module")
def production():
    running = servers.start("serve", [sys.executable, "serve.py", "--port", "{port}"], PROJECT, timeout=30)
    yield running
    running.stop()


def port_of(running) -> int:
    return int(running.url.rsplit(":", 1)[1])


def request(running, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 10) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port_of(running), timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def assert_serves_normally(running) -> None:
    status, _, body = request(running, "POST", CALLBACK, json.dumps(DETAILS).encode(),
                              {"Content-Type": "application/json"})
    assert status == 200 and b"Masseter" in body


class SlowClients:
    """Connections that send a request's headers one byte a second and never finish them."""

    def __init__(self, port: int, count: int):
        self.sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._trickle, daemon=True)

    def _trickle(self) -> None:
        head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1000
        for byte in head:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.send(bytes([byte]))
            if self.stop.wait(1.0):
                return

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=5)
        for sock in self.sockets:
            sock.close()


def test_thirty_slow_clients_do_not_keep_ten_page_loads_out(production):
    with SlowClients(port_of(production), SLOW_CLIENTS):
        time.sleep(1.5)  # every slow client has sent its first bytes
        times = []
        for _ in range(PAGE_LOADS):
            started = time.perf_counter()
            with urllib.request.urlopen(production.url + "/", timeout=PAGE_SECONDS) as response:
                assert response.status == 200 and b'id="diagram"' in response.read()
            times.append(time.perf_counter() - started)
    assert len(times) == PAGE_LOADS and max(times) < PAGE_SECONDS, times


def test_a_twenty_megabyte_body_gets_413_without_being_sent_and_the_next_request_is_served(production):
    size = 20_000_000
    with socket.create_connection(("127.0.0.1", port_of(production)), timeout=10) as sock:
        sock.sendall(f"POST {CALLBACK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {size}\r\n\r\n".encode() + b"[" * 65536)
        answer = b""
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert_serves_normally(production)


def test_a_forged_host_is_never_repeated_in_a_redirect(production):
    status, headers, body = request(production, "GET", "/study?x=1", headers={"Host": "evil.example"})
    assert status == 308
    assert headers["Location"] == "/study/?x=1"
    assert b"evil.example" not in body


# Callback bodies: anything JSON at any depth, and the right shape with parts missing or replaced.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@st.composite
def deep(draw):
    depth = draw(st.integers(min_value=1, max_value=10_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    return opener * depth + "1" + closer * depth


@st.composite
def mutated(draw):
    body = json.loads(json.dumps(DETAILS))
    for key in draw(st.lists(st.sampled_from(sorted(body)), unique=True, max_size=4)):
        if draw(st.booleans()):
            del body[key]
        else:
            body[key] = draw(json_values)
    if "inputs" in body and isinstance(body["inputs"], list) and body["inputs"] and draw(st.booleans()):
        body["inputs"] = [{"id": "selection", "property": "data", "value": draw(json_values)}]
    return json.dumps(body)


callback_bodies = st.one_of(json_values.map(json.dumps), deep(), mutated(), st.text(max_size=50))
odd_parts = st.sampled_from(["..", "..%2f", "..%252f", "%2e%2e", "%c0%ae", "%c0%ae%c0%ae", "..\\", "\\", "%00",
                             "%5c", "x%00.js", "%ff", "dash", "dash_core_components.js", "app.py", "", "%25"])
odd_paths = st.builds(lambda prefix, parts: prefix + "/".join(parts),
                      st.sampled_from(["/_dash-component-suites/", "/assets/", "/study/assets/",
                                       "/study/_dash-component-suites/", "/_dash-component-suites/dash/"]),
                      st.lists(odd_parts, min_size=1, max_size=4))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(body=callback_bodies, prefix=st.sampled_from(["", "/study"]))
def test_no_callback_body_gets_a_5xx_or_a_traceback(production, body, prefix):
    status, _, answer = request(production, "POST", prefix + CALLBACK, body.encode(),
                                {"Content-Type": "application/json"})
    assert status < 500, (status, body[:200])
    assert b"Traceback" not in answer


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=odd_paths)
def test_no_odd_script_or_asset_path_gets_a_5xx(production, path):
    status, _, answer = request(production, "GET", path)
    assert status < 500, (status, path)
    assert b"Traceback" not in answer


def test_the_server_answers_normally_after_the_hostile_requests(production):
    assert_serves_normally(production)
    status, _, page = request(production, "GET", "/")
    assert status == 200 and b'id="diagram"' in page
