#!/usr/bin/env python3
"""Drive the Caseboard web UI in real headless Chromium over the DevTools protocol.

Starts `caseboard serve` on a free loopback port with a fresh database and walks the paths a new
user takes:

  1. the start page's "Try an example" -> the highlighted case, its structured case, timeline
     and matching example patient -> "Match this patient" -> ranked options with level badges
     -> an option's evidence item -> its PubMed link (outbound, opened only on click);
  2. back to the match, which the URL restores;
  3. the example saved, then reopened by URL in a fresh page load (highlighted text,
     structured case, timeline, exports), and back/forward between the case list and the case;
  4. a case-evidence item with its supporting text highlighted in the stored case;
  5. a case stored without its document text (as every case stored before schema v7 is),
     reopened by URL and reloaded: its spans with a note, structured case and timeline, and its
     case evidence with the supporting text marked within the spans;
  6. the evidence overview with its charts and the knowledge base's as-of date;
  7. the cohort report of `caseboard annotate --format html` on the genomics test fixtures
     (invented samples): its samples x genes grid, counts by level and by drug, and a link from
     every sample to its options;
  8. the printable report that "Printable report" downloads from the match, opened as a file:
     every option lists its citations, with PubMed links.

On every view it runs axe-core (vendored in Tests/Browser/vendor/axe-core) and fails on any
serious or critical violation; it also fails on any script error or content-security-policy
refusal. Saves a screenshot of each view to ARTIFACTS, and with a third argument copies the
README's screenshots there too; writes the axe-core results to ARTIFACTS/axe.json.

Usage: ui_test.py CASEBOARD_BINARY ARTIFACTS_DIR [SCREENSHOTS_DIR]
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
from urllib.parse import quote, unquote

try:
    import websocket  # websocket-client
except ImportError:
    print("skip: python module websocket-client is not installed (pip install websocket-client)")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
AXE = os.path.join(HERE, "vendor", "axe-core", "axe.min.js")
TOKEN = "ui-test"
# The screenshots the README shows, by view.
README_SHOTS = ["start.png", "reader.png", "timeline.png", "match.png", "evidence-item.png", "case.png", "case-no-text.png", "evidence-case.png",
                "evidence-overview.png", "report.png", "annotate-report.png"]
FIXTURES = os.path.join(os.path.dirname(HERE), "CaseboardGenomicsTests", "Fixtures")


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
        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.next_id = 0
        self.problems = []

    def note(self, message):
        method = message.get("method")
        params = message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.problems.append("script error: " + json.dumps(details.get("exception", {}).get("description") or details.get("text")))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            text = entry.get("text", "")
            if entry.get("level") == "error" and ("Content Security Policy" in text or "Failed to load module" in text or "MIME type" in text):
                self.problems.append("console: " + text)

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.note(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, seconds=60, what=""):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except RuntimeError:
                pass  # The page is between documents.
            time.sleep(0.2)
        status = self.evaluate("(document.querySelector('#status') || {}).textContent")
        raise AssertionError(f"timed out waiting for {what or expression} (status: {status!r}, url: {self.evaluate('location.href')})")

    def click(self, selector):
        found = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false; e.click(); return true; }})()")
        assert found, f"nothing to click at {selector}"

    def key(self, key, code, text=None):
        down = {"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code}
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=key, windowsVirtualKeyCode=code)

    def screenshot(self, path, selector=None):
        if selector:
            self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (e) e.scrollIntoView({{block: 'start'}}); }})()")
        else:
            self.evaluate("window.scrollTo(0, 0)")
        time.sleep(0.2)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def expect_highlights(page, view, what):
    """The highlighted mentions' texts in `view`, after checking genes, drugs and diseases are among them."""
    marks = page.evaluate(f"Array.from(document.querySelectorAll({json.dumps(view + ' mark.mention')}))"
                          ".map(m => ({text: m.textContent, kind: Array.from(m.classList).find(c => c.startsWith('mention-'))}))")
    kinds = {mark["kind"] for mark in marks}
    for kind in ("mention-gene", "mention-drug", "mention-disease"):
        assert kind in kinds, f"{what}: no {kind} highlight; saw {sorted(k for k in kinds if k)}"
    texts = [mark["text"] for mark in marks]
    assert "osimertinib" in texts and "EGFR" in texts, f"{what}: highlights {texts[:20]}"
    return texts


class Axe:
    """Runs axe-core on the page as it is and keeps the results per view."""

    def __init__(self, page):
        with open(AXE, encoding="utf-8") as f:
            self.source = f.read()
        self.page = page
        self.results = {}

    def check(self, view):
        if not self.page.evaluate("typeof window.axe === 'object'"):
            # Evaluated through DevTools, never served: the page's CSP stays as it is.
            self.page.call("Runtime.evaluate", expression=self.source, returnByValue=True)
        result = self.page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "
            "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        by_impact = {impact: sum(v["nodes"] for v in result if v["impact"] == impact) for impact in ("critical", "serious", "moderate", "minor")}
        self.results[view] = {"violations": result, "serious_or_critical": len(serious), "nodes_by_impact": by_impact}
        print(f"axe {view}: {len(result)} violations, {len(serious)} serious or critical; nodes by impact {by_impact}")
        assert not serious, f"axe-core on {view}: {json.dumps(serious, indent=1)}"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    binary, artifacts = sys.argv[1], sys.argv[2]
    screenshots = sys.argv[3] if len(sys.argv) == 4 else None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("skip: Chromium is not installed (apt-get install chromium)")
        sys.exit(77)
    os.makedirs(artifacts, exist_ok=True)
    work = tempfile.mkdtemp(prefix="caseboard-ui-")
    server_port, debug_port = free_port(), free_port()
    server = subprocess.Popen(
        [binary, "serve", "--port", str(server_port), "--db", os.path.join(work, "kb.sqlite"), "--token", TOKEN, "--log-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(artifacts, "server.log"), "w"))
    browser = None
    axe = None
    shot = lambda name: os.path.join(artifacts, name)
    try:
        base = f"http://127.0.0.1:{server_port}"
        # A debug build seeds a fresh knowledge base first: slow on a loaded machine.
        wait_http(base + "/api/health", seconds=300)
        # Module scripts need a JavaScript MIME type.
        with urllib.request.urlopen(base + "/js/router.js") as response:
            mime = response.headers.get("Content-Type", "")
            assert "javascript" in mime, f"/js/router.js is served as {mime!r}"
        browser = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             f"--remote-debugging-port={debug_port}", f"--user-data-dir={os.path.join(work, 'profile')}",
             "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http(f"http://127.0.0.1:{debug_port}/json/version")
        targets = json.loads(wait_http(f"http://127.0.0.1:{debug_port}/json/list"))
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(page_target["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Log.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        axe = Axe(page)
        ready = "location.protocol === 'http:' && document.documentElement.dataset.ready === 'true'"

        # 1. The start page offers an example.
        page.call("Page.navigate", url=base + "/")
        page.wait_for(ready, what="the UI to load")
        page.wait_for("!!document.querySelector('#start-panel:not([hidden]) a.try-example')", what="Try an example")
        page.screenshot(shot("start.png"))
        axe.check("start page (#/)")

        # ... one key press to the highlighted case, its structured case, timeline and example
        # patient: Tab from the top of the page reaches "Try an example", Enter follows it.
        for _ in range(20):
            page.key("Tab", 9)
            if page.evaluate("document.activeElement && document.activeElement.matches('a.try-example')"):
                break
        else:
            raise AssertionError("Tab never reaches Try an example")
        page.key("Enter", 13, "\r")
        page.wait_for("document.querySelectorAll('#document-view mark.mention').length > 5", what="highlighted entities")
        page.wait_for("!!document.querySelector('#timeline svg') && !document.querySelector('#example-patient').hidden", what="timeline and example patient")
        assert page.evaluate("location.hash").startswith("#/examples/"), "the example has no URL"
        highlighted = expect_highlights(page, "#document-view", "the reader")
        read_text = page.evaluate("document.querySelector('#document-view').textContent")
        rows = page.evaluate("document.querySelectorAll('#therapies-rows .row').length")
        assert rows >= 2, f"structured case has {rows} therapy lines"
        assert page.evaluate("document.querySelectorAll('#timeline svg .bar').length") >= 2, "timeline has fewer than 2 bars"
        page.screenshot(shot("reader.png"), "#read-results")
        page.screenshot(shot("timeline.png"), "#timeline-heading")
        axe.check("reader with example (#/examples/{id})")

        # ... "Match this patient" fills the match form and matches.
        page.click("#match-this-patient")
        page.wait_for("location.hash.startsWith('#/match?')", what="the match URL")
        page.wait_for("document.querySelectorAll('#options-table tbody tr').length > 0", what="the options table")
        form = page.evaluate("({d: document.querySelector('#match-disease').value, a: document.querySelector('#match-alterations').value,"
                             " p: document.querySelector('#match-prior').value})")
        assert form["d"], f"no diagnosis in the form: {form}"
        assert "EGFR" in form["a"], f"alterations not filled: {form}"
        assert "osimertinib" in form["p"] and ":" in form["p"], f"prior therapies with responses not filled: {form}"
        badges = page.evaluate("Array.from(document.querySelectorAll('#options-table .level-badge')).map(b => b.className)")
        assert badges and all("level-" in b for b in badges), f"level badges without colour class: {badges[:5]}"
        options = page.evaluate("Array.from(document.querySelectorAll('#options-table tbody tr')).map(r => r.querySelectorAll('a.evidence-link').length)")
        assert all(count > 0 for count in options), f"an option without evidence links: {options}"
        alerts = page.evaluate("Array.from(document.querySelectorAll('#alerts li:not(.no-evidence)')).map(li => li.querySelectorAll('a.evidence-link').length)")
        assert alerts and all(count > 0 for count in alerts), f"a resistance alert without evidence links: {alerts}"
        rules = page.evaluate("Array.from(document.querySelectorAll('#alerts li.no-evidence')).map(li => li.textContent)")
        assert all("evidence" in text and "Basis:" in text for text in rules), f"an alert without evidence does not say why: {rules}"
        match_url = page.evaluate("location.href")
        page.screenshot(shot("match.png"), "#match-results")
        axe.check("match (#/match?…)")

        # ... an option's evidence item, with its PubMed link.
        target = page.evaluate("(() => { for (const li of document.querySelectorAll('#options-table ul.evidence-links li')) {"
                               " if (li.querySelector('a.pubmed-link')) return li.querySelector('a.evidence-link').getAttribute('href'); }"
                               " return document.querySelector('#options-table a.evidence-link').getAttribute('href'); })()")
        page.click(f"#options-table a.evidence-link[href={json.dumps(target)}]")
        page.wait_for("!!document.querySelector('#evidence-facts')", what="the evidence item")
        assert page.evaluate("location.hash") == target, f"evidence URL {page.evaluate('location.hash')} != {target}"
        facts = page.evaluate("document.querySelector('#evidence-facts').textContent")
        for term in ("Statement", "Level", "Disease", "Alteration scope", "Source"):
            assert term in facts, f"evidence item lacks {term}: {facts[:300]}"
        pubmed = page.evaluate("Array.from(document.querySelectorAll('#evidence-item-content a.pubmed-link')).map(a => ({href: a.href, rel: a.rel, target: a.target}))")
        assert pubmed, "no PubMed link on the evidence item"
        assert pubmed[0]["href"].startswith("https://pubmed.ncbi.nlm.nih.gov/") and pubmed[0]["rel"] == "noopener noreferrer" and pubmed[0]["target"] == "_blank", pubmed
        page.screenshot(shot("evidence-item.png"))
        axe.check("evidence item (#/evidence/{id})")

        # 2. Back restores the match from its URL.
        page.evaluate("history.back()")
        page.wait_for(f"location.href === {json.dumps(match_url)} && !document.querySelector('#section-match').hidden", what="back to the match")
        page.wait_for("document.querySelectorAll('#options-table tbody tr').length > 0", what="the options after back")

        # 3. Save the example, then reopen it by URL in a fresh page load.
        page.evaluate(f"(() => {{ const t = document.querySelector('#api-token'); t.value = {json.dumps(TOKEN)}; t.dispatchEvent(new Event('input')); }})()")
        page.evaluate("history.back()")
        page.wait_for("!document.querySelector('#section-read').hidden && !!document.querySelector('#timeline svg')", what="back to the reader")
        page.click("#save-case-button")
        page.wait_for("!!document.querySelector('#saved-case-link')", what="the saved case link")
        case_hash = page.evaluate("document.querySelector('#saved-case-link').getAttribute('href')")
        # As a link pasted into a new tab: a fresh document at the case's URL.
        page.call("Page.navigate", url="about:blank")
        page.wait_for("location.href === 'about:blank'", what="a blank page")
        page.call("Page.navigate", url=base + "/" + case_hash)
        page.wait_for(ready, what="the UI to load the case URL")
        page.wait_for("document.querySelectorAll('#case-document-view mark.mention').length > 5", what="the stored case's highlighted text")
        page.wait_for("!!document.querySelector('#case-timeline svg .bar')", what="the stored case's timeline")
        # The whole document text, highlighted as the reader showed it, not only the quoted spans.
        assert page.evaluate("document.querySelector('#case-document-view').dataset.text") == "whole", "the stored case shows spans, not its text"
        assert not page.evaluate("!!document.querySelector('#case-text-note')"), "the stored case says it has no text"
        case_text = page.evaluate("document.querySelector('#case-document-view').textContent")
        assert case_text == read_text, f"the stored case's text differs from the text read ({len(case_text)} vs {len(read_text)} characters)"
        case_marks = page.evaluate("document.querySelectorAll('#case-document-view mark.mention').length")
        read_marks = len(highlighted)
        assert case_marks == read_marks, f"the stored case has {case_marks} highlights, the reader had {read_marks}"
        assert page.evaluate("document.querySelectorAll('#stored-therapies tbody tr').length") >= 2, "stored case without its therapy lines"
        for link in ("#case-phenopacket", "#case-fhir", "#case-match"):
            assert page.evaluate(f"!!document.querySelector('{link}')"), f"no {link} on the stored case"
        for path in ("phenopacket", "fhir"):
            href = page.evaluate(f"document.querySelector('#case-{path}').href")
            with urllib.request.urlopen(href) as response:
                assert response.status == 200 and json.loads(response.read()), f"{href} is not JSON"
        page.screenshot(shot("case.png"))
        axe.check("stored case (#/cases/{id})")

        # ... back and forward between the case list and the case.
        page.click("#nav-cases")
        page.wait_for("!document.querySelector('#section-cases').hidden && document.querySelectorAll('#cases-table tbody tr').length > 0", what="the case list")
        page.screenshot(shot("cases.png"))
        axe.check("stored cases (#/cases)")
        page.evaluate("history.back()")
        page.wait_for(f"location.hash === {json.dumps(case_hash)} && document.querySelectorAll('#case-document-view mark.mention').length > 5", what="back to the case")
        page.evaluate("history.forward()")
        page.wait_for("location.hash === '#/cases' && !document.querySelector('#section-cases').hidden", what="forward to the list")

        # ... "Match this patient" from the stored case.
        page.evaluate("history.back()")
        page.wait_for("!!document.querySelector('#case-match')", what="the stored case again")
        page.click("#case-match")
        page.wait_for("document.querySelectorAll('#options-table tbody tr').length > 0 && document.querySelector('#match-prior').value.includes('osimertinib')", what="the stored case's match")

        # 4. Case evidence: the stored case with the supporting text highlighted.
        case_id = case_hash.split("/", 2)[2]
        items = json.loads(urllib.request.urlopen(base + "/api/evidence?q=osimertinib&limit=200").read())["items"]
        case_items = [item["id"] for item in items if item["id"].startswith("case:")]
        assert case_items, "saving the case made no case evidence"
        page.evaluate(f"location.hash = {json.dumps('#/evidence/' + case_items[0])}")
        page.wait_for("document.querySelectorAll('#evidence-case-view mark.support').length > 0", what="the supporting text highlighted")
        page.screenshot(shot("evidence-case.png"))
        axe.check("case evidence item (#/evidence/case:…)")

        # 5. A case stored without its document text, as every case stored before schema v7
        # (v7-case-documents) is, and as a client that sends no `document_text` stores one: reopened
        # by URL (a fresh page load, then a reload) it shows the spans its facts were read from, with
        # a note saying so, its structured case and its timeline; its case evidence marks the
        # supporting text within those spans.
        stored = json.loads(urllib.request.urlopen(base + "/api/cases/" + quote(unquote(case_id), safe="")).read())
        old_record = dict(stored["record"])
        old_record["document"] = "old-case-stored-before-v7.md"
        old_record["title"] = (old_record.get("title") or "Old case") + " (stored without its text)"
        (old_record.get("metadata") or {}).pop("pmid", None)
        request = urllib.request.Request(base + "/api/cases", data=json.dumps(old_record).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
        with urllib.request.urlopen(request) as response:
            assert response.status == 201, f"storing the case without text answered {response.status}"
            old_id = json.loads(response.read())["id"]
        old_path = base + "/api/cases/" + quote(old_id, safe="")
        assert json.loads(urllib.request.urlopen(old_path).read()).get("document_text") is None, "the old case was stored with a text"
        old_hash = "#/cases/" + quote(old_id, safe="")
        page.call("Page.navigate", url="about:blank")
        page.wait_for("location.href === 'about:blank'", what="a blank page")
        page.call("Page.navigate", url=base + "/" + old_hash)
        for attempt in ("a fresh page load", "a reload"):
            page.wait_for(ready + " && !window.caseboardBeforeReload", what=f"the UI to load the old case's URL ({attempt})")
            page.wait_for("!!document.querySelector('#case-document-view') && document.querySelector('#case-document-view').dataset.text === 'spans'"
                          " && !!document.querySelector('#case-timeline svg .bar')", what=f"the old case's spans and timeline ({attempt})")
            assert page.evaluate("location.hash") == old_hash, f"the old case's URL became {page.evaluate('location.hash')}"
            note = page.evaluate("(document.querySelector('#case-text-note') || {}).textContent || ''")
            assert "without its document text" in note, f"the old case does not say it has no text: {note!r}"
            spans_text = page.evaluate("document.querySelector('#case-document-view').textContent")
            assert "…" in spans_text and len(spans_text) < len(read_text), "the old case's spans are not excerpts of the text"
            old_marks = expect_highlights(page, "#case-document-view", "the old case's spans")
            # Each highlight quotes the text the reader highlighted.
            assert all(mark in read_text for mark in old_marks), [mark for mark in old_marks if mark not in read_text][:5]
            facts = page.evaluate("document.querySelector('#case-content dl.facts').textContent")
            assert "EGFR" in facts and "lung" in facts.lower(), f"the old case's structured case: {facts[:300]}"
            assert page.evaluate("document.querySelectorAll('#stored-therapies tbody tr').length") >= 2, "the old case without its therapy lines"
            assert page.evaluate("document.querySelectorAll('#case-timeline svg .bar').length") >= 2, "the old case's timeline has fewer than 2 bars"
            assert page.evaluate("!!document.querySelector('#case-match')"), "no Match this patient on the old case"
            if attempt == "a fresh page load":
                # A mark the reloaded document no longer has.
                page.evaluate("window.caseboardBeforeReload = true")
                page.call("Page.reload")
        page.screenshot(shot("case-no-text.png"))
        axe.check("stored case without document text (#/cases/{id}, pre-v7)")
        old_items = [item["id"] for item in json.loads(urllib.request.urlopen(base + "/api/evidence?q=osimertinib&limit=200").read())["items"]
                     if item["id"].startswith("case:" + old_id + ":")]
        assert old_items, "the old case made no case evidence"
        page.evaluate(f"location.hash = {json.dumps('#/evidence/' + old_items[0])}")
        page.wait_for("!!document.querySelector('#evidence-case-view') && document.querySelector('#evidence-case-view').dataset.text === 'spans'"
                      " && document.querySelectorAll('#evidence-case-view mark.support').length > 0", what="the old case's supporting text highlighted")
        axe.check("case evidence item of a case without text (#/evidence/case:…)")

        # 6. The evidence overview: charts and the as-of date.
        page.click("#nav-evidence")
        page.wait_for("document.querySelectorAll('#overview-charts svg.chart').length === 3", what="three overview charts")
        page.wait_for("document.querySelectorAll('#evidence-table tbody tr').length > 0", what="the evidence table")
        as_of = page.evaluate("document.querySelector('#overview-as-of').textContent")
        assert "as of" in as_of and "unknown" not in as_of, f"no as-of date: {as_of}"
        page.screenshot(shot("evidence-overview.png"))
        axe.check("evidence overview (#/evidence)")

        # 7. The cohort report, a self-contained page opened from a file as a user would.
        report = os.path.join(work, "report.html")
        with open(report, "w") as out:
            # Exit code 1 only says some rows or samples were refused (the fixtures have some on purpose).
            annotate = subprocess.run(
                [binary, "annotate", *(os.path.join(FIXTURES, name) for name in ("mutations.maf", "fusions.txt", "cna_list.txt")),
                 "--clinical", os.path.join(FIXTURES, "clinical.txt"), "--format", "html", "--db", os.path.join(work, "kb.sqlite")],
                stdout=out, stderr=subprocess.PIPE, text=True, timeout=600)
        assert annotate.returncode in (0, 1), f"annotate failed ({annotate.returncode}): {annotate.stderr[-2000:]}"
        page.call("Page.navigate", url="file://" + report)
        page.wait_for("document.readyState === 'complete' && !!document.querySelector('table.grid')", what="the cohort report's grid")
        grid = page.evaluate("""(() => {
            const rows = Array.from(document.querySelectorAll('table.grid tr')).slice(1);
            return {
              genes: Array.from(document.querySelectorAll('table.grid th.gene')).map(th => th.textContent),
              samples: rows.map(r => r.querySelector('th.sample').textContent),
              coloured: document.querySelectorAll('table.grid td[class*="lv"]').length,
              widths: rows.map(r => r.querySelectorAll('td').length),
              links: rows.map(r => { const a = r.querySelector('th.sample a'); const target = a && document.getElementById(decodeURIComponent(a.hash.slice(1)));
                return !!target && !!target.querySelector('h3') && (!!target.querySelector('table') || !!target.querySelector('.none')); }),
              optionTables: Array.from(document.querySelectorAll('section[id] table')).length,
              headings: Array.from(document.querySelectorAll('h2')).map(h => h.textContent),
            }; })()""")
        assert len(grid["samples"]) >= 2 and len(grid["genes"]) >= 2, f"the grid is not samples x genes: {grid}"
        assert all(width == len(grid["genes"]) for width in grid["widths"]), f"a grid row lacks cells: {grid['widths']}"
        assert grid["coloured"] > 0, "no grid cell coloured by level"
        assert all(grid["links"]), f"a sample's link does not reach its options: {list(zip(grid['samples'], grid['links']))}"
        assert grid["optionTables"] > 0, "no sample has an options table"
        for heading in ("Counts by level", "Counts by drug", "Actionability by sample", "Samples"):
            assert heading in grid["headings"], f"the report has no {heading!r}: {grid['headings']}"
        page.call("Emulation.setDeviceMetricsOverride", width=1200, height=1400, deviceScaleFactor=1, mobile=False)
        page.screenshot(shot("annotate-report.png"))
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        axe.check("cohort report (annotate --format html)")

        # 8. The printable report, as "Printable report" on the match downloads it and a user opens
        # the file: each option lists its citations, with PubMed links.
        page.call("Page.navigate", url=match_url)
        page.wait_for(ready + " && document.querySelectorAll('#options-table tbody tr').length > 0", what="the options for the report")
        option_count = page.evaluate("document.querySelectorAll('#options-table tbody tr').length")
        try:
            page.call("Browser.setDownloadBehavior", behavior="deny")
        except RuntimeError:
            pass  # An older Chromium: the blob is read before any download matters.
        page.evaluate("(() => { const create = URL.createObjectURL.bind(URL); window.caseboardReport = null;"
                      " URL.createObjectURL = (blob) => { window.caseboardReport = blob; return create(blob); }; })()")
        page.click("#report-button")
        page.wait_for("!!window.caseboardReport", what="the printable report's download")
        report_html = page.evaluate("window.caseboardReport.text()")
        printable = os.path.join(work, "tumor-board-report.html")
        with open(printable, "w", encoding="utf-8") as out:
            out.write(report_html)
        page.call("Page.navigate", url="file://" + printable)
        page.wait_for("document.readyState === 'complete' && !!document.querySelector('#options-heading')", what="the printable report")
        cited = page.evaluate("""Array.from(document.querySelectorAll('#options-heading ~ table tbody tr')).map(r => {
            const cell = r.querySelector('td:last-child');
            return {citations: cell.querySelectorAll('ol.citations li').length, pubmed: Array.from(cell.querySelectorAll('a')).filter(a => a.href.startsWith('https://pubmed.ncbi.nlm.nih.gov/')).length}; })""")
        assert len(cited) == option_count, f"the report has {len(cited)} options, the match view {option_count}"
        assert all(row["citations"] > 0 for row in cited), f"a report option without citations: {cited}"
        assert any(row["pubmed"] > 0 for row in cited), f"no PubMed link in the report's citations: {cited}"
        page.screenshot(shot("report.png"), "#options-heading")
        axe.check("printable report (POST /api/report)")

        # Phone width still shows the options.
        page.call("Page.navigate", url=match_url)
        page.wait_for("document.querySelectorAll('#options-table tbody tr').length > 0", what="the options at phone width")
        page.call("Emulation.setDeviceMetricsOverride", width=375, height=800, deviceScaleFactor=1, mobile=True)
        page.screenshot(shot("match-phone.png"), "#match-results")
        axe.check("match at phone width")

        assert not page.problems, "browser problems: " + "; ".join(page.problems)
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            for name in README_SHOTS:
                shutil.copyfile(shot(name), os.path.join(screenshots, name))
        print(f"pass: {len(highlighted)} highlights, {len(options)} options, report of {len(grid['samples'])} samples x {len(grid['genes'])} genes;"
              f" screenshots in {artifacts}")
        return 0
    except (AssertionError, RuntimeError) as error:
        print(f"fail: {error}")
        return 1
    finally:
        if axe:
            with open(os.path.join(artifacts, "axe.json"), "w") as f:
                json.dump(axe.results, f, indent=1)
        if browser:
            browser.terminate()
            browser.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
