// A stored case, `#/cases/{id}`: its highlighted text, structured case and timeline, the
// exports, and "Match this patient".
import { api, busy } from "../api.js";
import { byId, clear, h, setStatus } from "../dom.js";
import { attachTooltips, excerptsOf, renderHighlighted, wholeTextOf } from "../highlight.js";
import { pubMedLink } from "../links.js";
import { matchHref, priorLine, profileOfCase } from "../patient.js";
import { showSvg } from "../svg.js";

let hideTooltip = () => {};

/** Loads a stored case with its timeline. */
export async function loadCase(id) {
  const path = "/api/cases/" + encodeURIComponent(id);
  const [stored, svg] = await Promise.all([api(path), api(path + "/timeline.svg", { as: "text", accept: "image/svg+xml" })]);
  return { stored: stored, svg: svg };
}

function factList(record) {
  const rows = [];
  const patient = record.patient || {};
  const who = [patient.age !== null && patient.age !== undefined ? patient.age + " years" : null, patient.sex || null].filter(Boolean).join(", ");
  rows.push(["Patient", who || "—"]);
  rows.push(["Diagnoses", (record.diagnoses || []).map((d) => d.name + (d.oncotree ? " (" + d.oncotree + ")" : "")).join("; ") || "—"]);
  rows.push(["Alterations", (record.alterations || []).map((a) => a.gene + " " + a.variant).join("; ") || "—"]);
  const list = h("dl", { className: "facts" });
  for (const [term, value] of rows) list.append(h("dt", { text: term }), h("dd", { text: value }));
  return list;
}

function therapyTable(record) {
  const table = h(
    "table",
    { className: "data-table", id: "stored-therapies" },
    h("caption", { className: "visually-hidden", text: "Therapy lines" }),
    h(
      "thead",
      null,
      h("tr", null, ...["Line", "Drugs", "Response", "Adverse events", "Start"].map((name) => h("th", { attrs: { scope: "col" }, text: name })))
    )
  );
  const body = h("tbody");
  for (const line of record.therapies || []) {
    body.append(
      h(
        "tr",
        null,
        h("td", { className: "num", text: line.line }),
        h("td", { text: (line.drugs || []).join(" + ") || line.regimen || "" }),
        h("td", { text: line.response || "—" }),
        h("td", { text: (line.adverse_events || []).map((e) => (e.grade ? "G" + e.grade + " " : "") + e.term).join(", ") || "—" }),
        h("td", { text: line.start ? line.start.text : "undated" })
      )
    );
  }
  table.append(body);
  return table;
}

/**
 * Shows the stored case's text in `view` with the mentions highlighted and `support` ranges
 * marked as supporting text: the whole document when the case was stored with its text,
 * otherwise the spans its facts were read from, in document order. Returns whether the whole
 * text is shown.
 */
export function renderCaseText(view, stored, support) {
  const record = stored.record || {};
  const whole = wholeTextOf(record, stored.document_text, support);
  const shown = whole || excerptsOf(record, support);
  renderHighlighted(view, shown.text, shown.mentions, shown.support);
  view.dataset.text = whole ? "whole" : "spans";
  return whole !== null;
}

/** `#/cases/{id}`. */
export async function showCase(id) {
  const section = byId("case-content");
  const loaded = await busy(null, "Loading case " + id + "…", () => loadCase(id));
  clear(section);
  if (!loaded) {
    byId("case-title").textContent = "Stored case not found";
    section.append(h("p", { className: "muted", text: "There is no stored case " + id + "." }));
    return;
  }
  const record = loaded.stored.record || {};
  const path = "/api/cases/" + encodeURIComponent(id);
  byId("case-title").textContent = record.title || record.document || id;
  const meta = h("p", { className: "sub" }, "Case " + id + " · " + (record.document || "") + " · imported " + (loaded.stored.imported_at || ""));
  const pmid = record.metadata && record.metadata.pmid;
  const link = pmid ? pubMedLink(pmid) : null;
  if (link) meta.append(" · ", link);
  const profile = profileOfCase(record);
  const actions = h(
    "div",
    { className: "form-actions" },
    h("a", { className: "button-link primary", id: "case-match", href: matchHref(profile), text: "Match this patient" }),
    h("a", { className: "button-link", id: "case-phenopacket", href: path + "/phenopacket.json", download: "case-phenopacket.json", text: "Download Phenopacket" }),
    h("a", { className: "button-link", id: "case-fhir", href: path + "/fhir.json", download: "case-fhir.json", text: "Download FHIR" }),
    h("a", { className: "button-link", href: path + "/timeline.svg", download: "case-timeline.svg", text: "Download timeline SVG" })
  );
  const text = h("div", { id: "case-document-view", className: "document-view", attrs: { tabindex: "0", role: "region", "aria-label": "Case text with highlighted mentions" } });
  const tooltip = h("div", { id: "case-mention-tooltip", className: "mention-tooltip", attrs: { role: "tooltip" }, hidden: true });
  hideTooltip();
  hideTooltip = attachTooltips(text, tooltip);
  const whole = renderCaseText(text, loaded.stored, []);
  const timeline = h("div", { id: "case-timeline", className: "timeline-view" });
  section.append(
    meta,
    actions,
    h(
      "div",
      { className: "read-columns" },
      h(
        "section",
        { className: "card document-card", attrs: { "aria-labelledby": "case-text-heading" } },
        h("h2", { id: "case-text-heading", text: "Highlighted text" }),
        whole
          ? h("p", { className: "hint", text: "The document as it was read, with its mentions highlighted." })
          : h("p", {
              className: "note",
              id: "case-text-note",
              text:
                "This case was stored without its document text (before Caseboard kept it, or by a client that did not send it): " +
                "shown are the sentences and phrases its facts were read from, in order; … marks text between them.",
            }),
        text,
        tooltip
      ),
      h(
        "section",
        { className: "card", attrs: { "aria-labelledby": "case-structured-heading" } },
        h("h2", { id: "case-structured-heading", text: "Structured case" }),
        factList(record),
        h("div", { className: "table-scroll" }, therapyTable(record)),
        h("p", { className: "sub", text: "Prior therapies for matching: " + ((record.therapies || []).map((t) => priorLine(t.drugs, t.response)).join("; ") || "none") })
      )
    ),
    h("section", { className: "card", attrs: { "aria-labelledby": "case-timeline-heading" } }, h("h2", { id: "case-timeline-heading", text: "Timeline" }), timeline)
  );
  showSvg(timeline, loaded.svg);
  setStatus("Showing case " + id + ".", "ok");
}
