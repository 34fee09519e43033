"""Two more engines for the browser tests, with one small interface: WebKit (the engine of every
browser on an iPad) through Debian's WebKitGTK WebDriver and its MiniBrowser, on a virtual display;
Firefox ESR through WebDriver BiDi, which Firefox speaks itself, over a websocket.

Both pages offer the same few calls: ``goto``, ``resize`` (the viewport, in CSS pixels), ``js``
(call a JavaScript function with JSON arguments and get its JSON-able result back), ``tap`` (a
pointer press and release at a point of the viewport) and ``close``.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
FIREFOX = "firefox-esr"
XVFB = "Xvfb"

MISSING = "{what} is not installed: run `make test`, which installs Debian's {packages}"


def require(path: str | None, what: str, packages: str) -> str:
    found = path and (shutil.which(path) or (os.path.exists(path) and path))
    if not found:
        pytest.fail(MISSING.format(what=what, packages=packages))
    return found


class Xvfb:
    """A virtual X display for the one engine that needs a window (WebKitGTK)."""

    def __init__(self, size: str = "1280x1024x24"):
        xvfb = require(XVFB, "Xvfb", "xvfb package (`make webkit`)")
        read, write = os.pipe()
        self.process = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                                        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as answer:
            number = answer.readline().strip()  # Xvfb writes the display it chose once it is listening
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _call(function: str) -> str:
    """A function taking one JSON string (the arguments) and returning its result as JSON."""
    return f"async (json) => {{ const r = await ({function})(...JSON.parse(json)); return JSON.stringify(r ?? null); }}"


class WebKitPage:
    name = "webkit"

    def __init__(self, display: str):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        package = "webkit2gtk-driver package (`make webkit`)"
        options.binary_location = require(MINIBROWSER, "WebKit's MiniBrowser", package)
        options.add_argument("--automation")
        service = Service(executable_path=require(WEBKIT_DRIVER, "WebKitWebDriver", package),
                          env={**os.environ, "DISPLAY": display})
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_script_timeout(30)

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def resize(self, width: int, height: int) -> None:
        # The window's frame around the page differs between set-ups: size it, measure, correct.
        # The window manager applies a size a moment later (longer on a busy machine), so each
        # reading waits until the page's size has stopped changing.
        self.driver.set_window_size(width, height)
        for _ in range(5):
            inner = self._settled_viewport()
            if inner == [width, height]:
                return
            size = self.driver.get_window_size()
            self.driver.set_window_size(size["width"] + width - inner[0], size["height"] + height - inner[1])
        raise AssertionError(f"WebKit's viewport is {inner}, not {[width, height]}")

    def _settled_viewport(self, timeout: float = 3.0) -> list[int]:
        """The page's viewport once two readings 0.15 s apart agree (or after ``timeout``)."""
        deadline = time.monotonic() + timeout
        inner = self.js("() => [window.innerWidth, window.innerHeight]")
        while time.monotonic() < deadline:
            time.sleep(0.15)
            again = self.js("() => [window.innerWidth, window.innerHeight]")
            if again == inner:
                return inner
            inner = again
        return inner

    def js(self, function: str, *args):
        done = f"const done = arguments[arguments.length - 1]; ({_call(function)})(arguments[0]).then(done," \
               " (e) => done(JSON.stringify({__error: String(e && (e.message + '\\n' + e.stack) || e)})));"
        result = json.loads(self.driver.execute_async_script(done, json.dumps(args)))
        if isinstance(result, dict) and "__error" in result:
            raise RuntimeError(f"script failed in WebKit: {result['__error']}")
        return result

    def tap(self, x: float, y: float) -> None:
        from selenium.webdriver.common.actions import interaction
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.actions.pointer_input import PointerInput

        # WebKitGTK's driver takes touch actions as a mouse: the page sees mouse pointer events.
        actions = ActionBuilder(self.driver, mouse=PointerInput(interaction.POINTER_MOUSE, "finger"))
        actions.pointer_action.move_to_location(round(x), round(y)).pointer_down().pointer_up()
        actions.perform()

    def console_errors(self) -> list[str]:
        return []  # this driver has no console log: the page's own collector is the record

    def close(self) -> None:
        self.driver.quit()


class FirefoxPage:
    """Firefox ESR, headless, driven with WebDriver BiDi commands over its websocket."""

    name = "firefox"

    def __init__(self, profile: Path):
        from websockets.sync.client import connect

        firefox = require(FIREFOX, "Firefox ESR", "firefox-esr package (`make firefox`)")
        profile.mkdir(parents=True, exist_ok=True)
        # no first-run pages, no update or telemetry traffic
        (profile / "user.js").write_text("\n".join(f'user_pref("{k}", {json.dumps(v)});' for k, v in {
            "browser.shell.checkDefaultBrowser": False, "browser.startup.homepage_override.mstone": "ignore",
            "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.reportingpolicy.firstRun": False,
            "app.update.disabledForTesting": True, "browser.aboutwelcome.enabled": False,
        }.items()) + "\n")
        self.process = subprocess.Popen(
            [firefox, "--headless", "--no-remote", "--profile", str(profile), "--remote-debugging-port=0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1"})
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stderr], daemon=True).start()
        address, deadline, seen = None, time.monotonic() + 30, []
        while address is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if "WebDriver BiDi listening on " in line:
                address = line.split("WebDriver BiDi listening on ", 1)[1].strip()
        if address is None:
            self.process.kill()
            raise RuntimeError("Firefox did not offer WebDriver BiDi:\n" + "".join(seen[-20:]))
        self.socket = connect(address + "/session", max_size=None, open_timeout=30)
        self.next_id = 0
        self.events: list[dict] = []
        self.command("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": False}}})
        self.context = self.command("browsingContext.getTree", {})["contexts"][0]["context"]
        self.command("session.subscribe", {"events": ["log.entryAdded"]})

    def command(self, method: str, params: dict, timeout: float = 30) -> dict:
        self.next_id += 1
        sent = self.next_id
        self.socket.send(json.dumps({"id": sent, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.socket.recv(timeout=max(deadline - time.monotonic(), 0.01)))
            if message.get("type") == "event":
                self.events.append(message)
            elif message.get("id") == sent:
                if message.get("type") == "error":
                    raise RuntimeError(f"Firefox refused {method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    def goto(self, url: str) -> None:
        self.events.clear()
        self.command("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def resize(self, width: int, height: int) -> None:
        self.command("browsingContext.setViewport",
                     {"context": self.context, "viewport": {"width": width, "height": height}})

    def js(self, function: str, *args):
        answer = self.command("script.callFunction", {
            "functionDeclaration": _call(function), "arguments": [{"type": "string", "value": json.dumps(args)}],
            "target": {"context": self.context}, "awaitPromise": True, "resultOwnership": "none"})
        if answer["type"] == "exception":
            details = answer["exceptionDetails"]
            raise RuntimeError(f"script failed in Firefox: {details.get('text')}")
        return json.loads(answer["result"]["value"])

    def tap(self, x: float, y: float) -> None:
        finger = {"type": "pointer", "id": "finger", "parameters": {"pointerType": "touch"}, "actions": [
            {"type": "pointerMove", "x": round(x), "y": round(y), "origin": "viewport"},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}
        self.command("input.performActions", {"context": self.context, "actions": [finger]})
        self.command("input.releaseActions", {"context": self.context})

    def console_errors(self) -> list[str]:
        """What the page logged as an error since it was loaded (Firefox's own console record)."""
        return [f"console: {e['params'].get('text')}" for e in self.events
                if e.get("method") == "log.entryAdded" and e["params"].get("level") == "error"]

    def close(self) -> None:
        # Firefox may close the connection before it answers: closing is all that matters here
        with contextlib.suppress(Exception):
            self.command("browser.close", {}, timeout=10)
        try:
            self.socket.close()
        finally:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
