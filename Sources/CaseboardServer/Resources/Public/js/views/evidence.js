// Evidence: the overview (`#/evidence`: counts by level, source and disease as small inline
// SVG charts, the knowledge base's as-of date, and a search), and one item (`#/evidence/{id}`).
import { api, busy, query } from "../api.js";
import { byId, clear, h, labelCells, plural, setStatus, svg } from "../dom.js";
import { caseLink, civicLink, evidenceItemLink, levelBadge, pubMedLink } from "../links.js";
import { renderCaseText, loadCase } from "./case.js";
import { attachTooltips } from "../highlight.js";

const PAGE = 25;
const searchState = { offset: 0, total: 0, loaded: false };
const LEVEL_COLOURS = { A: "#1a7f37", B: "#0b62a4", C: "#7a4d00", D: "#6a3d9a", E: "#57606a" };

/** A horizontal bar chart of `counts` ([{name, count}]) as inline SVG, with a text table for screen readers. */
function barChart(title, counts, colour) {
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 200;
  // "other" sums many diseases; its bar is capped rather than shrinking the rest.
  const max = Math.max(1, ...counts.filter((c) => c.name !== "other").map((c) => c.count));
  const height = counts.length * rowHeight + 4;
  const chart = svg("svg", {
    class: "chart",
    width: labelWidth + barWidth + 60,
    height: height,
    viewBox: "0 0 " + (labelWidth + barWidth + 60) + " " + height,
    role: "img",
    "aria-label": title + ": " + counts.map((c) => c.name + " " + c.count).join(", "),
  });
  counts.forEach((count, index) => {
    const y = index * rowHeight + 2;
    const width = Math.max(2, Math.min(1, count.count / max) * barWidth);
    // A long name is cut in its middle so a trailing OncoTree code stays readable.
    const name = count.name.length > 27 ? count.name.slice(0, 16) + "…" + count.name.slice(-10) : count.name;
    chart.append(
      svg(
        "g",
        null,
        svg("title", null, count.name + ": " + count.count),
      svg("text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end", "font-size": 12, fill: "#1f2328" }, name),
      svg("rect", { x: labelWidth, y: y + 3, width: width, height: 14, rx: 2, fill: typeof colour === "function" ? colour(count.name) : colour }),
      svg("text", { x: labelWidth + width + 6, y: y + 14, "font-size": 12, fill: "#1f2328" }, count.count.toLocaleString())
      )
    );
  });
  return h("figure", { className: "chart-figure" }, h("figcaption", { text: title }), chart);
}

async function renderOverview() {
  const holder = byId("overview-charts");
  const overview = await busy(null, "Loading the evidence overview…", () => api("/api/evidence-overview"));
  if (!overview) return;
  clear(holder);
  byId("overview-as-of").textContent =
    "Knowledge base as of " + (overview.knowledge_as_of || "unknown") + " · snapshot " + overview.snapshot + " · " + plural(overview.total, "evidence item") + " · " + plural(overview.cases, "stored case");
  holder.append(
    barChart("By level", overview.by_level || [], (name) => LEVEL_COLOURS[name] || "#57606a"),
    barChart("By source", overview.by_source || [], "#0b62a4"),
    // Grouped by OncoTree code, labelled with the OncoTree name and the code.
    barChart(
      "By disease (OncoTree)",
      (overview.by_disease || []).map((c) => (c.code ? Object.assign({}, c, { name: c.name + " (" + c.code + ")" }) : c)),
      "#00695c"
    )
  );
  setStatus(plural(overview.total, "evidence item") + " in the knowledge base.", "ok");
}

function citationCell(item) {
  const citation = item.citation || {};
  const cell = h("td");
  const pmidLink = citation.pmid ? pubMedLink(citation.pmid) : null;
  if (pmidLink) cell.append(pmidLink, " ");
  if (!pmidLink && citation.label) cell.append(h("span", { className: "sub", text: citation.label }));
  return cell;
}

async function searchEvidence(offset) {
  const params = {
    q: byId("evidence-q").value.trim(),
    gene: byId("evidence-gene").value.trim(),
    drug: byId("evidence-drug").value.trim(),
    disease: byId("evidence-disease").value.trim(),
    level: byId("evidence-level").value,
    limit: PAGE,
    offset: Math.max(0, offset),
  };
  const page = await busy(byId("evidence-button"), "Searching evidence…", () => api("/api/evidence?" + query(params)));
  if (!page) return;
  const items = page.items || [];
  searchState.offset = params.offset;
  searchState.total = Number(page.total) || 0;
  const table = byId("evidence-table");
  const body = table.tBodies[0];
  clear(body);
  for (const item of items) {
    const disease = item.disease || {};
    body.append(
      h(
        "tr",
        null,
        h("td", null, (item.profile && item.profile.name) || "", h("span", { className: "sub" }, evidenceItemLink(item.id))),
        h("td", null, disease.name || "", disease.oncotree ? h("span", { className: "sub", text: disease.oncotree }) : null),
        h("td", { text: (item.drugs || []).join(" + ") }),
        h("td", null, levelBadge(item.level)),
        h("td", { text: item.significance || "" }),
        h("td", { text: item.source || "" }),
        citationCell(item)
      )
    );
  }
  labelCells(table);
  table.hidden = items.length === 0;
  byId("evidence-pager").hidden = searchState.total === 0;
  byId("evidence-range").textContent = searchState.total === 0 ? "" : params.offset + 1 + "–" + (params.offset + items.length) + " of " + searchState.total.toLocaleString();
  byId("evidence-prev").disabled = params.offset === 0;
  byId("evidence-next").disabled = params.offset + items.length >= searchState.total;
  setStatus(plural(searchState.total, "evidence item") + " found.", "ok");
}

/** `#/evidence`. */
export function showOverview() {
  renderOverview();
  if (!searchState.loaded) {
    searchState.loaded = true;
    searchEvidence(0);
  }
}

function scopeText(item) {
  const profile = item.profile || {};
  const components = (profile.components || []).map((c) => [c.gene, c.variant].filter(Boolean).join(" ") + (c.kind ? " (" + c.kind + ")" : ""));
  const joined = components.join(profile.combination === "any" ? " or " : " and ");
  const parts = [profile.name && profile.name !== joined ? profile.name + ": " + joined : joined || profile.name];
  parts.push("scope: " + (item.scope || "as the pattern implies"));
  return parts.filter(Boolean).join(" · ");
}

let hideTooltip = () => {};

/** `#/evidence/{id}`: statement, level, disease, alteration scope, source and citation; for case evidence, the case with the supporting text highlighted. */
export async function showItem(id) {
  const holder = byId("evidence-item-content");
  const item = await busy(null, "Loading evidence " + id + "…", () => api("/api/evidence/" + encodeURIComponent(id)));
  clear(holder);
  if (!item) {
    byId("evidence-item-title").textContent = "Evidence item not found";
    holder.append(h("p", { className: "muted", text: "There is no evidence item " + id + "." }));
    return;
  }
  byId("evidence-item-title").textContent = "Evidence " + item.id;
  const disease = item.disease || {};
  const citation = item.citation || {};
  const source = h("dd", null, item.source || "");
  const pmid = citation.pmid ? pubMedLink(citation.pmid) : null;
  if (citation.label) source.append(" · " + citation.label);
  if (pmid) source.append(" · ", pmid);
  const civic = civicLink(item.id);
  if (civic) source.append(" · ", civic);
  const facts = h(
    "dl",
    { className: "facts", id: "evidence-facts" },
    h("dt", { text: "Statement" }),
    h("dd", { text: item.statement || "—" }),
    h("dt", { text: "Level" }),
    h("dd", null, levelBadge(item.level), " ", item.evidenceType || "", item.direction ? " · " + item.direction : "", item.significance ? " · " + item.significance : ""),
    h("dt", { text: "Disease" }),
    h("dd", { text: (disease.name || "—") + (disease.oncotree ? " (" + disease.oncotree + ")" : "") + (disease.tumorAgnostic ? " · tumour-agnostic" : "") }),
    h("dt", { text: "Alteration scope" }),
    h("dd", { text: scopeText(item) || "—" }),
    h("dt", { text: "Drugs" }),
    h("dd", { text: (item.drugs || []).join(" + ") || "—" }),
    h("dt", { text: "Source" }),
    source
  );
  holder.append(h("section", { className: "card", attrs: { "aria-label": "Evidence details" } }, facts));
  if (item.caseID) {
    const loaded = await busy(null, "Loading case " + item.caseID + "…", () => loadCase(item.caseID));
    const card = h("section", { className: "card document-card", attrs: { "aria-labelledby": "evidence-case-heading" } });
    card.append(h("h2", { id: "evidence-case-heading" }, "From the stored case ", caseLink(item.caseID)));
    const quotes = h("ul", { className: "quotes" });
    for (const span of item.spans || []) quotes.append(h("li", null, h("q", { text: span.text }), h("span", { className: "sub", text: " " + (span.section || "") })));
    card.append(h("h3", { text: "Supporting text" }), quotes);
    if (loaded) {
      const view = h("div", { id: "evidence-case-view", className: "document-view", attrs: { tabindex: "0", role: "region", "aria-label": "Case text with the supporting text highlighted" } });
      const tooltip = h("div", { id: "evidence-mention-tooltip", className: "mention-tooltip", attrs: { role: "tooltip" }, hidden: true });
      hideTooltip();
      hideTooltip = attachTooltips(view, tooltip);
      renderCaseText(view, loaded.stored, item.spans || []);
      card.append(view, tooltip);
      // In a whole document the supporting text may be far down.
      const first = view.querySelector("mark.support");
      if (first) requestAnimationFrame(() => (view.scrollTop = Math.max(0, first.offsetTop - view.offsetTop - 40)));
    }
    holder.append(card);
  }
  setStatus("Showing evidence " + item.id + ".", "ok");
}

export function setUp() {
  byId("evidence-form").addEventListener("submit", (event) => {
    event.preventDefault();
    searchEvidence(0);
  });
  byId("evidence-prev").addEventListener("click", () => searchEvidence(searchState.offset - PAGE));
  byId("evidence-next").addEventListener("click", () => searchEvidence(searchState.offset + PAGE));
}
