"""Starting and stopping the servers under test, the way a user starts them.

``start`` runs a command (``python app.py --port N``, ``python serve.py --port N``) on a free port
and returns once ``/`` answers 200, with the time that took. ``write_bare_app`` writes the
baseline: a Dash app with the same Bootstrap stylesheet and one element, nothing else.
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# The whole of Bootstrap, as the baseline page has always loaded it (the app loads a subset).
BOOTSTRAP_CSS = PROJECT / "tools" / "vendor" / "bootstrap-5.3.8.min.css"
POLL_SECONDS = 0.01

# The baseline page: what every Dash app costs before it draws anything of its own. It is served
# with the same options as the app (compressed, scripts from the server itself).
BARE_APP = '''"""A bare Dash page: Bootstrap's stylesheet and one element."""

import argparse

from dash import Dash, html

app = Dash(__name__, compress=True, serve_locally=True)
app.layout = html.Div("Ready", id="bare-ready")
server = app.server

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    app.run(host="127.0.0.1", port=parser.parse_args().port, debug=False)
'''
BARE_READY_SELECTOR = "#bare-ready"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running server: its address, its process, the log file, and how long it took to answer."""

    name: str
    url: str
    process: subprocess.Popen
    log_path: Path
    startup_seconds: float

    def stop(self) -> None:
        """Ask the server to stop, then kill it if it has not stopped within 10 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server and all its processes, ended ones included (Linux).

        A child process that ends has its time added to its parent's once reaped, so the total
        stays right if a server replaces its workers. NaN where /proc is not available.
        """
        try:
            total = _cpu_of(self.process.pid, with_reaped_children=True)
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            return total + sum(_cpu_of(int(child)) for child in children)
        except (OSError, ValueError):
            return math.nan

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each of the server's worker processes, in MB, or of the server's one
        process when it has no workers (waitress) (Linux; empty elsewhere)."""
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            return [_rss_kb(int(child)) / 1000 for child in children] or [_rss_kb(self.process.pid) / 1000]
        except (OSError, ValueError):
            return []

    def log_tail(self, lines: int = 20) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def start(
    name: str, argv: list[str], cwd: Path, env: dict | None = None, port: int | None = None, timeout: float = 60
) -> Server:
    """Run ``argv`` (``{port}`` is replaced by a free port) and wait for ``/`` to answer 200.

    The start-up time runs from just before the process is created to the first 200, polled
    every 10 ms.
    """
    port = port or free_port()
    argv = [part.replace("{port}", str(port)) for part in argv]
    log_file = tempfile.NamedTemporaryFile(prefix=f"bench-{name}-", suffix=".log", delete=False)  # noqa: SIM115 (the server writes to it until stopped)
    log_path = Path(log_file.name)
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log_file, stderr=subprocess.STDOUT
    )
    log_file.close()
    url = f"http://127.0.0.1:{port}"
    server = Server(name, url, process, log_path, 0.0)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode}:\n{server.log_tail()}")
        if _answers(url + "/"):
            server.startup_seconds = time.perf_counter() - started
            return server
        time.sleep(POLL_SECONDS)
    server.stop()
    raise RuntimeError(f"{name} did not answer within {timeout:.0f} s:\n{server.log_tail()}")


def _cpu_of(pid: int, with_reaped_children: bool = False) -> float:
    """User and system CPU seconds of one process (and of its reaped children), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command name: utime, stime, cutime, cstime are fields 14-17 of stat(5).
    ticks = [int(value) for value in fields[11:15]]
    used = ticks[0] + ticks[1] + (ticks[2] + ticks[3] if with_reaped_children else 0)
    return used / os.sysconf("SC_CLK_TCK")


def _rss_kb(pid: int) -> int:
    """VmRSS of one process, in kB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise ValueError(f"no VmRSS for {pid}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def app_command() -> list[str]:
    """The app as a user starts it."""
    return [sys.executable, "app.py", "--port", "{port}"]


def production_command(threads: int | None = None) -> list[str]:
    """The app under the production server, as ``make serve`` starts it (serve.py, waitress)."""
    return [sys.executable, "serve.py", "--port", "{port}", *(["--threads", str(threads)] if threads else [])]


def write_bare_app(folder: Path) -> Path:
    """Write the bare baseline app into ``folder``, with the app's Bootstrap stylesheet; return the folder."""
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BOOTSTRAP_CSS, folder / "assets" / BOOTSTRAP_CSS.name)
    (folder / "app.py").write_text(BARE_APP, encoding="utf-8")
    return folder


def start_app(name: str = "app", env: dict | None = None) -> Server:
    return start(name, app_command(), PROJECT, env=env)


def start_bare(folder: Path) -> Server:
    return start("bare", app_command(), folder)


def start_production(name: str = "production", env: dict | None = None, threads: int | None = None) -> Server:
    """The production server (serve.py) with its own settings; only the port is chosen here."""
    return start(name, production_command(threads), PROJECT, env=env)
