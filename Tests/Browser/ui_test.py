#!/usr/bin/env python3
"""Drive the Caseboard web UI in real headless Chromium over the DevTools protocol.

Starts `caseboard serve` on a free loopback port with a fresh database, loads the UI, pastes a
case report, checks that highlighted entities and the timeline SVG appear, submits a match and
checks the options table and the alerts. Saves screenshots to ARTIFACTS.

Usage: ui_test.py CASEBOARD_BINARY ARTIFACTS_DIR
Exit codes: 0 pass, 1 fail, 77 skipped (no Chromium or no websocket-client).
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:
    print("skip: python module websocket-client is not installed (pip install websocket-client)")
    sys.exit(77)

CASE = """# Gilteritinib after sorafenib failure in FLT3-mutated myeloid sarcoma

## Case presentation

A 53-year-old man with acute myeloid leukemia and an FLT3-ITD relapsed as myeloid sarcoma. He received
sorafenib 400 mg twice daily and achieved a complete response. After 14 months the lesions progressed and
sequencing found an acquired FLT3 D835H mutation conferring resistance to sorafenib. He developed grade 2
diarrhea on sorafenib. He then started gilteritinib 120 mg daily with a partial response.
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, seconds=30, what=""):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what or expression}")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, artifacts = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("skip: Chromium is not installed (apt-get install chromium)")
        sys.exit(77)
    os.makedirs(artifacts, exist_ok=True)
    work = tempfile.mkdtemp(prefix="caseboard-ui-")
    server_port, debug_port = free_port(), free_port()
    server = subprocess.Popen(
        [binary, "serve", "--port", str(server_port), "--db", os.path.join(work, "kb.sqlite"), "--token", "ui-test", "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(artifacts, "server.log"), "w"))
    browser = None
    try:
        base = f"http://127.0.0.1:{server_port}"
        wait_http(base + "/api/health")
        browser = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             f"--remote-debugging-port={debug_port}", f"--user-data-dir={os.path.join(work, 'profile')}",
             "--window-size=1280,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http(f"http://127.0.0.1:{debug_port}/json/version")
        targets = json.loads(wait_http(f"http://127.0.0.1:{debug_port}/json/list"))
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(page_target["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Page.navigate", url=base + "/")
        page.wait_for("document.readyState === 'complete' && !!document.querySelector('#extract-button')", what="the UI to load")

        # Read a case: paste, extract, see highlights and the timeline.
        page.evaluate("document.querySelector('#nav-read').click()")
        page.evaluate(f"(() => {{ const t = document.querySelector('#case-text'); t.value = {json.dumps(CASE)}; "
                      "t.dispatchEvent(new Event('input', {bubbles: true})); })()")
        page.evaluate("document.querySelector('#extract-button').click()")
        page.wait_for("document.querySelectorAll('#document-view mark.mention').length > 5", what="highlighted entities")
        page.wait_for("!!document.querySelector('#timeline svg')", what="the timeline SVG")
        kinds = page.evaluate("Array.from(new Set(Array.from(document.querySelectorAll('#document-view mark.mention'))"
                              ".map(m => Array.from(m.classList).find(c => c.startsWith('mention-')))))")
        for kind in ("mention-gene", "mention-drug", "mention-disease"):
            assert kind in kinds, f"no {kind} highlight; saw {kinds}"
        highlighted = page.evaluate("Array.from(document.querySelectorAll('#document-view mark.mention')).map(m => m.textContent)")
        assert "sorafenib" in highlighted and "FLT3" in highlighted, f"highlights: {highlighted[:20]}"
        assert page.evaluate("document.querySelectorAll('#timeline svg .bar').length") >= 2, "timeline has fewer than 2 bars"
        page.screenshot(os.path.join(artifacts, "read-case.png"))

        # Match a patient: options table and resistance alerts.
        page.evaluate("document.querySelector('#nav-match').click()")
        page.evaluate("(() => { document.querySelector('#match-disease').value = 'myeloid sarcoma'; "
                      "document.querySelector('#match-alterations').value = 'FLT3-ITD\\nFLT3 D835H'; "
                      "document.querySelector('#match-prior').value = 'sorafenib: progressive disease'; "
                      "for (const id of ['#match-disease', '#match-alterations', '#match-prior']) "
                      "document.querySelector(id).dispatchEvent(new Event('input', {bubbles: true})); })()")
        page.evaluate("document.querySelector('#match-button').click()")
        page.wait_for("document.querySelectorAll('#options-table tbody tr').length > 0", what="the options table")
        rows = page.evaluate("Array.from(document.querySelectorAll('#options-table tbody tr')).map(r => r.textContent)")
        assert any("gilteritinib" in row for row in rows[:3]), f"gilteritinib not in the top 3: {rows[:3]}"
        alerts = page.evaluate("document.querySelector('#alerts').textContent")
        assert "sorafenib" in alerts, f"no sorafenib alert: {alerts[:300]}"
        page.screenshot(os.path.join(artifacts, "match.png"))

        # Phone width still shows the options.
        page.call("Emulation.setDeviceMetricsOverride", width=375, height=800, deviceScaleFactor=1, mobile=True)
        page.screenshot(os.path.join(artifacts, "match-phone.png"))
        print(f"pass: {len(highlighted)} highlights, {len(rows)} options; screenshots in {artifacts}")
        return 0
    except (AssertionError, RuntimeError) as error:
        print(f"fail: {error}")
        return 1
    finally:
        if browser:
            browser.terminate()
            browser.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
