// Links to evidence. Outbound addresses (PubMed, CIViC) open only when clicked, in a new tab,
// with no opener and no referrer; every evidence id also links to its own view in the UI.
import { h } from "./dom.js";
import { href } from "./router.js";

export function pubMedLink(pmid) {
  const digits = String(pmid).replace(/^pmid:/i, "");
  if (!/^\d{1,9}$/.test(digits)) return null;
  return h("a", {
    href: "https://pubmed.ncbi.nlm.nih.gov/" + digits + "/",
    target: "_blank",
    rel: "noopener noreferrer",
    className: "pubmed-link",
    text: "PMID " + digits,
  });
}

export function civicLink(id) {
  const match = /^civic:EID(\d{1,9})$/.exec(String(id));
  if (!match) return null;
  return h("a", { href: "https://civicdb.org/evidence/" + match[1], target: "_blank", rel: "noopener noreferrer", text: "CIViC EID" + match[1] });
}

/** The UI's own link to an evidence item. */
export function evidenceItemLink(id, text) {
  return h("a", { href: href("/evidence/" + encodeURIComponent(id)), className: "evidence-link", text: text || id });
}

/** The UI's own link to a stored case. */
export function caseLink(id, text) {
  return h("a", { href: href("/cases/" + encodeURIComponent(id)), text: text || id });
}

/** A coloured level badge: A to E, with the level spelled out for screen readers. */
export function levelBadge(level) {
  const value = String(level || "").toUpperCase();
  const known = /^[A-E]$/.test(value);
  return h("span", {
    className: "level-badge" + (known ? " level-" + value.toLowerCase() : ""),
    text: value || "?",
    attrs: { title: "Evidence level " + (value || "unknown") },
  });
}

/**
 * One list of links for evidence references: each item's own view, then its PMID once. Past
 * `shown` items, the rest fold into a "more" disclosure.
 */
export function evidenceLinks(references, shown) {
  const all = evidenceList(references);
  const limit = shown || Infinity;
  if (all.children.length <= limit + 1) return all;
  const rest = h("ul", { className: "evidence-links" }, ...Array.from(all.children).slice(limit));
  return h("div", null, all, h("details", { className: "more-evidence" }, h("summary", { text: rest.children.length + " more evidence items" }), rest));
}

function evidenceList(references) {
  const list = h("ul", { className: "evidence-links" });
  const seenPmids = new Set();
  for (const reference of references || []) {
    if (!reference || !reference.id) continue;
    const item = h("li", null, evidenceItemLink(reference.id));
    if (reference.level) item.prepend(levelBadge(reference.level), " ");
    if (reference.pmid && !seenPmids.has(String(reference.pmid))) {
      const link = pubMedLink(reference.pmid);
      if (link) {
        seenPmids.add(String(reference.pmid));
        if (reference.citation) link.title = reference.citation;
        item.append(" ", link);
      }
    }
    list.append(item);
  }
  return list;
}
