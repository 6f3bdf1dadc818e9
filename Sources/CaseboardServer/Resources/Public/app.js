// Caseboard web UI: ES modules, no build step, no framework, no external requests beyond this
// server's /api. Each view has a route; this file wires the views to the router.
import { api, loadToken } from "./js/api.js";
import { byId, setStatus } from "./js/dom.js";
import { dispatch, otherwise, route, start } from "./js/router.js";
import * as cases from "./js/views/cases.js";
import * as storedCase from "./js/views/case.js";
import * as evidence from "./js/views/evidence.js";
import * as match from "./js/views/match.js";
import * as reader from "./js/views/reader.js";
import { printableReport } from "./js/views/report.js";

const SECTIONS = ["read", "case", "match", "evidence", "evidence-item", "cases"];
/** Which navigation link is current for each section. */
const NAV = { read: "read", case: "cases", match: "match", evidence: "evidence", "evidence-item": "evidence", cases: "cases" };
let firstRoute = true;

/** Shows one section; after the first screen, focus moves to its heading for screen readers. */
function show(name) {
  // A message about the previous view does not stay under the next one.
  setStatus("");
  for (const section of SECTIONS) byId("section-" + section).hidden = section !== name;
  for (const link of document.querySelectorAll(".site-nav a")) {
    if (link.dataset.section === NAV[name]) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const heading = byId(name === "case" ? "stored-case-heading" : name + "-heading");
  if (!firstRoute && heading) heading.focus({ preventScroll: false });
  firstRoute = false;
  window.scrollTo(0, 0);
}

route("/", () => {
  show("read");
  reader.showReader();
});
route("/read", () => {
  show("read");
  reader.showReader();
});
route("/examples/:id", (params) => {
  show("read");
  return reader.showExample(params.id);
});
route("/match", (params, query) => {
  show("match");
  match.showMatch(query);
});
route("/cases", () => {
  show("cases");
  cases.showCases();
});
route("/cases/:id", (params) => {
  show("case");
  return storedCase.showCase(params.id);
});
route("/evidence", () => {
  show("evidence");
  evidence.showOverview();
});
route("/evidence/:id", (params) => {
  show("evidence-item");
  return evidence.showItem(params.id);
});
// Old section anchors (#read, #match, #browse) still land somewhere sensible.
otherwise((path) => {
  const old = { "/match": "#/match", "/browse": "#/evidence" }[path];
  window.history.replaceState(null, "", old || "#/");
  dispatch();
});

async function loadVersion() {
  try {
    const info = await api("/api/version");
    const parts = ["Caseboard " + (info.version || "")];
    if (info.knowledge_as_of) parts.push("knowledge as of " + info.knowledge_as_of);
    if (info.snapshot) parts.push("snapshot " + info.snapshot);
    byId("version-info").textContent = parts.join(" · ");
  } catch (error) {
    byId("version-info").textContent = "Caseboard (server version unavailable)";
  }
}

// The skip link moves focus without touching the hash, which the router owns.
document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  byId("main").focus();
});
loadToken();
reader.setUp();
match.setUp(printableReport);
evidence.setUp();
cases.setUp();
loadVersion();
// The test harness waits for this before driving the page.
document.documentElement.dataset.ready = "true";
start();
