// Match a patient: the form (filled from `#/match?disease=…&alteration=…&prior=…`), the
// ranked options with coloured level badges, and resistance and not-recommended drugs as a
// separate block. Every option and alert links to its evidence items.
import { api, ApiError, busy, describeError } from "../api.js";
import { byId, clear, debounce, h, labelCells, plural, setStatus, submitOnCtrlEnter } from "../dom.js";
import { caseLink, evidenceLinks, levelBadge } from "../links.js";
import { href } from "../router.js";
import { splitDrugs } from "./reader.js";

// The API's not-recommended reasons, as a tumour board reads them.
const REASON_LABELS = {
  resistance: "resistance",
  progressedOn: "progressed on it",
  labelExcluded: "excluded by its label",
  contraindicated: "contraindicated",
  stoppedForToxicity: "stopped for toxicity, not resistance",
  withdrawn: "approval withdrawn",
  targetNotExpressed: "target not expressed",
  otherSetting: "for another setting",
};

const alterationCache = new Map();
let validationRound = 0;
let diseaseRound = 0;

function lines(id) {
  return byId(id)
    .value.split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function priorTherapies() {
  return lines("match-prior")
    .map((line) => {
      const colon = line.lastIndexOf(":");
      const drugsText = colon >= 0 ? line.slice(0, colon) : line;
      const response = colon >= 0 ? line.slice(colon + 1).trim() : "";
      const therapy = { drugs: splitDrugs(drugsText) };
      if (response) therapy.response = response;
      return therapy;
    })
    .filter((therapy) => therapy.drugs.length > 0);
}

/** The match request the form describes. */
export function profile() {
  const disease = byId("match-disease").value.trim();
  return { disease: disease || null, alterations: lines("match-alterations"), prior_therapies: priorTherapies() };
}

/** The form as a `#/match?…` URL. */
function formHref() {
  return href("/match", { disease: byId("match-disease").value.trim(), alteration: lines("match-alterations"), prior: lines("match-prior") });
}

async function validateAlterations() {
  const round = ++validationRound;
  const items = lines("match-alterations").slice(0, 40);
  const list = byId("alteration-checks");
  const pending = items.filter((line) => !alterationCache.has(line));
  renderChecks(items);
  await Promise.all(
    pending.map(async (line) => {
      try {
        const result = await api("/api/alterations/validate?text=" + encodeURIComponent(line));
        alterationCache.set(line, result || { ok: false, message: "No answer." });
      } catch (error) {
        if (error instanceof ApiError && error.status === 0) return;
        alterationCache.set(line, { ok: false, message: describeError(error) });
      }
    })
  );
  if (round === validationRound) renderChecks(items);
  const invalid = items.some((line) => alterationCache.has(line) && !alterationCache.get(line).ok);
  byId("match-alterations").setAttribute("aria-invalid", invalid ? "true" : "false");
  list.hidden = items.length === 0;
}

function renderChecks(items) {
  const list = byId("alteration-checks");
  clear(list);
  for (const line of items) {
    const result = alterationCache.get(line);
    if (!result) {
      list.append(h("li", { className: "pending" }, h("span", { attrs: { "aria-hidden": "true" }, text: "…" }), line + ": checking"));
    } else if (result.ok) {
      list.append(h("li", { className: "ok" }, h("span", { attrs: { "aria-hidden": "true" }, text: "✓" }), line + " → " + (result.label || line)));
    } else {
      list.append(h("li", { className: "bad" }, h("span", { attrs: { "aria-hidden": "true" }, text: "✗" }), line + ": " + (result.message || "not recognized")));
    }
  }
}

async function suggestDiseases() {
  const text = byId("match-disease").value.trim();
  const round = ++diseaseRound;
  if (text.length < 2) return;
  try {
    const items = await api("/api/diseases?q=" + encodeURIComponent(text));
    if (round !== diseaseRound) return;
    const list = byId("disease-options");
    clear(list);
    for (const item of (items || []).slice(0, 20)) list.append(h("option", { value: item.name, label: item.code + " · " + item.name }));
  } catch (error) {
    // Suggestions are optional; typing still works.
  }
}

function addPriorLine() {
  const drugs = byId("prior-drugs").value.trim();
  if (!drugs) {
    setStatus("Enter the drugs of the prior therapy first.", "error");
    byId("prior-drugs").focus();
    return;
  }
  const response = byId("prior-response").value;
  const textarea = byId("match-prior");
  const line = drugs + (response ? ": " + response : "");
  textarea.value = textarea.value.trim() ? textarea.value.replace(/\s*$/, "") + "\n" + line : line;
  byId("prior-drugs").value = "";
  byId("prior-response").value = "";
  setStatus("Added prior therapy: " + line + ".", "info");
  byId("prior-drugs").focus();
}

async function runMatch() {
  const body = profile();
  if (!body.disease && body.alterations.length === 0) {
    setStatus("Enter a tumour type or at least one alteration.", "error");
    byId("match-disease").focus();
    return;
  }
  const result = await busy(byId("match-button"), "Matching…", () => api("/api/match", { method: "POST", json: body }));
  if (!result) return;
  renderMatch(result);
  const options = (result.options || []).length;
  const alerts = (result.resistance || []).length + (result.not_recommended || []).length;
  setStatus(plural(options, "option") + ", " + plural(alerts, "drug") + " to avoid" + (result.snapshot ? " (snapshot " + result.snapshot + ")." : "."), "ok");
}

function submit(event) {
  event.preventDefault();
  // The URL follows the form, so the result can be shared, reloaded and gone back to.
  const target = formHref();
  if (window.location.hash !== target) window.history.pushState(null, "", target);
  runMatch();
}

function renderProblems(result) {
  const problems = byId("problems");
  clear(problems);
  // An ambiguous disease the patient's markers settled is shown with how it was read.
  const via = result.disease && result.disease.via;
  const findings = result.findings || [];
  problems.hidden = !(result.problems && result.problems.length) && !via && !findings.length;
  if (problems.hidden) return;
  if (via) problems.append(h("p", { class: "disease-via", text: "Disease read as " + result.disease.name + ": " + via }));
  // Clinical findings (karyotype, laboratory values, imaging) were understood but match no evidence.
  if (findings.length) {
    problems.append(h("h2", { text: "Read, not matched" }));
    const read = h("ul");
    for (const finding of findings) read.append(h("li", null, "“" + (finding.input || "") + "”: " + (finding.note || "")));
    problems.append(read);
  }
  if (!(result.problems && result.problems.length)) return;
  problems.append(h("h2", { text: "Inputs not used" }));
  const list = h("ul");
  for (const problem of result.problems) {
    list.append(h("li", null, h("code", { text: problem.field || "" }), " “" + (problem.input || "") + "”: " + (problem.message || "")));
  }
  problems.append(list);
}

function renderAvoid(result) {
  const block = byId("alerts");
  clear(block);
  const resistance = result.resistance || [];
  // A drug set already named by a resistance alert is not listed again as not recommended.
  const alerted = new Set(resistance.map((alert) => (alert.drugs || []).join("+")));
  const notRecommended = (result.not_recommended || []).filter((item) => !(item.reason === "resistance" && alerted.has((item.drugs || []).join("+"))));
  const summary = byId("avoid-summary");
  const count = resistance.length + notRecommended.length;
  summary.hidden = count === 0;
  byId("avoid-summary-text").textContent = plural(count, "drug") + " or combination" + (count === 1 ? "" : "s") + " to avoid or reconsider, with their evidence, below the options.";
  block.hidden = resistance.length + notRecommended.length === 0;
  if (block.hidden) return;
  block.append(h("h2", { id: "alerts-heading" }, h("span", { attrs: { "aria-hidden": "true" }, text: "⚠ " }), "Resistance and not recommended (" + (resistance.length + notRecommended.length) + ")"));
  if (resistance.length) {
    const list = h("ul", { className: "avoid-list", id: "resistance-list" });
    // Alerts from a class rule or a prior progression have no evidence item of their own:
    // the drugs one rule names are listed together.
    const grouped = new Map();
    for (const alert of resistance) {
      if ((alert.evidence || []).length) {
        list.append(
          h(
            "li",
            { className: "resistance-alert" },
            h("strong", { text: "Avoid or reconsider " + (alert.drugs || []).join(" + ") }),
            ": " + (alert.alteration || "") + ". " + (alert.why || "") + " ",
            h("span", { className: "sub", text: "Basis: " + (alert.basis || "—") }),
            evidenceLinks(alert.evidence)
          )
        );
        continue;
      }
      const key = [alert.alteration, alert.basis, alert.why].join("|");
      if (!grouped.has(key)) grouped.set(key, { alert: alert, drugs: [] });
      grouped.get(key).drugs.push((alert.drugs || []).join(" + "));
    }
    for (const { alert, drugs } of grouped.values()) {
      list.append(
        h(
          "li",
          { className: "resistance-alert no-evidence" },
          h("strong", { text: "Avoid or reconsider " + drugs.join(", ") }),
          ": " + (alert.alteration || "") + ". " + (alert.why || "") + " ",
          h("span", { className: "sub", text: "Basis: " + (alert.basis || "—") + " (no evidence item of its own)" })
        )
      );
    }
    block.append(h("h3", { text: "Resistance alerts" }), list);
  }
  if (notRecommended.length) {
    const list = h("ul", { className: "avoid-list", id: "not-recommended-list" });
    for (const item of notRecommended) {
      list.append(
        h(
          "li",
          { className: "not-recommended" },
          h("strong", { text: (item.drugs || []).join(" + ") }),
          ": " + (item.why || item.reason || "") + " ",
          item.reason ? h("span", { className: "sub", text: "Reason: " + (REASON_LABELS[item.reason] || item.reason) }) : null,
          evidenceLinks(item.evidence)
        )
      );
    }
    block.append(h("h3", { text: "Not recommended" }), list);
  }
}

function renderOptions(result) {
  const body = byId("options-table").tBodies[0];
  clear(body);
  const options = (result.options || []).slice().sort((a, b) => a.rank - b.rank);
  for (const option of options) {
    const why = h("td", null, option.why || "");
    if (option.prior_response) why.append(h("span", { className: "sub", text: "Prior: " + option.prior_response }));
    if (option.demoted) why.append(h("span", { className: "sub", text: "Ranked lower: " + option.demoted }));
    const drugs = h("td", null, h("strong", { text: (option.drugs || []).join(" + ") }));
    if (option.alterations && option.alterations.length) drugs.append(h("span", { className: "sub", text: "for " + option.alterations.join(", ") }));
    const specificity = h("td", { text: option.match_specificity === "disease" ? "disease-level (no biomarker)" : option.match_specificity || "" });
    if (option.partner) specificity.append(h("span", { className: "sub", text: "partner " + option.partner }));
    body.append(
      h(
        "tr",
        null,
        h("td", { className: "num", text: option.rank }),
        drugs,
        h("td", null, levelBadge(option.level)),
        h("td", { text: option.disease_match || "" }),
        specificity,
        why,
        h("td", null, evidenceLinks(option.evidence, 3))
      )
    );
  }
  labelCells(byId("options-table"));
  byId("options-table").hidden = options.length === 0;
  byId("options-empty").hidden = options.length > 0;
}

function renderSimilar(cases) {
  const container = byId("similar-cases");
  clear(container);
  if (cases.length === 0) {
    container.append(h("p", { className: "muted", text: "No similar stored cases." }));
    return;
  }
  const list = h("ul", { className: "similar-list" });
  for (const similar of cases) {
    const score = Math.round(Math.max(0, Math.min(1, Number(similar.score) || 0)) * 100);
    list.append(
      h(
        "li",
        null,
        h("span", { className: "score", text: score + "%" }),
        " ",
        caseLink(similar.case, similar.title || similar.case),
        h("span", { className: "sub", text: "Shared: " + (similar.shared || []).join(", ") + (similar.pmid ? " · PMID " + similar.pmid : "") })
      )
    );
  }
  container.append(list);
}

function renderMatch(result) {
  byId("match-results").hidden = false;
  renderProblems(result);
  renderAvoid(result);
  renderOptions(result);
  renderSimilar(result.similar_cases || []);
}

/** `#/match?disease=…&alteration=…&prior=…`: fills the form and, when it has a profile, matches. */
export function showMatch(params) {
  const disease = params.get("disease") || "";
  const alterations = params.getAll("alteration");
  const prior = params.getAll("prior");
  const changed =
    disease !== byId("match-disease").value.trim() ||
    alterations.join("\n") !== lines("match-alterations").join("\n") ||
    prior.join("\n") !== lines("match-prior").join("\n");
  if (!disease && alterations.length === 0 && prior.length === 0) return;
  byId("match-disease").value = disease;
  byId("match-alterations").value = alterations.join("\n");
  byId("match-prior").value = prior.join("\n");
  validateAlterations();
  if (changed || byId("match-results").hidden) runMatch();
}

export function setUp(onReport) {
  byId("match-form").addEventListener("submit", submit);
  byId("match-disease").addEventListener("input", debounce(suggestDiseases, 200));
  byId("match-alterations").addEventListener("input", debounce(validateAlterations, 250));
  submitOnCtrlEnter(byId("match-alterations"));
  submitOnCtrlEnter(byId("match-prior"));
  byId("prior-add").addEventListener("click", addPriorLine);
  byId("prior-drugs").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      addPriorLine();
    }
  });
  byId("report-button").addEventListener("click", () => onReport(profile()));
  byId("avoid-summary-button").addEventListener("click", () => {
    const heading = byId("alerts-heading");
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  });
}
