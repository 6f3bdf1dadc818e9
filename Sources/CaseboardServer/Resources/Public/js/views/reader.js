// Read a case: the start page with examples, extraction, the highlighted document, the
// editable structured case, its timeline, saving it, and "Match this patient".
import { api, ApiError, askForToken, authHeaders, busy, describeError, hasToken } from "../api.js";
import { baseName, byId, clear, h, plural, setStatus, submitOnCtrlEnter, uniqueId } from "../dom.js";
import { attachTooltips, renderHighlighted } from "../highlight.js";
import { matchHref, priorLine, profileOfPatient } from "../patient.js";
import { href, navigate, replace } from "../router.js";
import { showSvg } from "../svg.js";

const state = { extraction: null, timelineUrl: null, fileName: null, example: null, examples: null };
let hideTooltip = () => {};

// --- The start page: "Try an example" ---------------------------------------------------

async function loadExamples() {
  if (state.examples) return state.examples;
  try {
    const list = await api("/api/examples");
    state.examples = (list && list.items) || [];
  } catch (error) {
    state.examples = [];
  }
  return state.examples;
}

async function renderStart() {
  const holder = byId("example-list");
  const examples = await loadExamples();
  clear(holder);
  if (examples.length === 0) {
    holder.append(h("p", { className: "muted", text: "No example reports are bundled with this server." }));
    return;
  }
  for (const example of examples) {
    holder.append(
      h(
        "li",
        null,
        h("a", { className: "button-link primary try-example", href: href("/examples/" + encodeURIComponent(example.id)), text: "Try an example" }),
        " ",
        h("span", { text: example.title })
      )
    );
  }
}

/** `#/examples/{id}`: loads the example report, reads it, and offers its example patient. */
export async function showExample(id) {
  // Back or forward to the example already read shows it as it was, edits included.
  if (state.example && state.example.id === id && state.extraction) {
    byId("start-panel").hidden = true;
    return;
  }
  const example = await busy(null, "Loading the example…", () => api("/api/examples/" + encodeURIComponent(id)));
  if (!example) return;
  state.example = example;
  byId("case-text").value = example.text || "";
  byId("case-format").value = "auto";
  state.fileName = example.id + (example.format === "markdown" ? ".md" : ".txt");
  await extractText(example.text || "", example.format || "auto", state.fileName);
  renderExamplePatient(example);
}

function renderExamplePatient(example) {
  const card = byId("example-patient");
  clear(card);
  card.hidden = !(example && example.patient);
  if (card.hidden) return;
  const profile = profileOfPatient(example.patient);
  card.append(
    h("h2", { id: "example-patient-heading", text: "A matching example patient" }),
    h("p", { className: "hint", text: "A patient like this case's, as a tumour board would bring them: after the therapy the report describes." }),
    h(
      "dl",
      { className: "facts" },
      h("dt", { text: "Diagnosis" }),
      h("dd", { text: profile.disease || "—" }),
      h("dt", { text: "Alterations" }),
      h("dd", { text: profile.alterations.join(", ") || "—" }),
      h("dt", { text: "Prior therapies" }),
      h("dd", { text: profile.prior.join("; ") || "—" })
    ),
    h("a", { className: "button-link primary", id: "match-example-patient", href: matchHref(profile), text: "Match the example patient" })
  );
}

// --- Extraction -----------------------------------------------------------------------------

async function readSelectedFile() {
  const input = byId("case-file");
  const file = input.files && input.files[0];
  if (!file) return;
  try {
    byId("case-text").value = await file.text();
    state.fileName = file.name;
    setStatus("Loaded " + file.name + " (" + file.size.toLocaleString() + " bytes). Press Extract.", "info");
  } catch (error) {
    setStatus("Could not read " + file.name + ": " + describeError(error), "error");
  }
}

async function extract(event) {
  event.preventDefault();
  const text = byId("case-text").value;
  if (!text.trim()) {
    setStatus("Paste a case report or choose a file first.", "error");
    byId("case-text").focus();
    return;
  }
  state.example = null;
  renderExamplePatient(null);
  replace(href("/read"));
  await extractText(text, byId("case-format").value, state.fileName);
}

async function extractText(text, format, name) {
  const body = { text: text, format: format };
  if (name) body.name = name;
  const result = await busy(byId("extract-button"), "Extracting…", () => api("/api/extract", { method: "POST", json: body }));
  if (!result) return;
  state.extraction = result;
  byId("start-panel").hidden = true;
  byId("read-results").hidden = false;
  byId("document-name").textContent = result.document ? "(" + result.document + ")" : "";
  hideTooltip();
  const skipped = renderHighlighted(byId("document-view"), result.document_text || "", result.mentions || []);
  fillCaseForm(result);
  showTimeline(result.timeline_svg, result.document);
  let message = "Extracted " + plural((result.mentions || []).length, "mention") + " and " + plural((result.therapies || []).length, "therapy line") + ".";
  if (skipped > 0) message += " " + skipped + " overlapping mention" + (skipped === 1 ? " is" : "s are") + " not highlighted.";
  setStatus(message, "ok");
}

function showTimeline(svgText, documentName) {
  const container = byId("timeline");
  const link = byId("timeline-download");
  if (state.timelineUrl) {
    URL.revokeObjectURL(state.timelineUrl);
    state.timelineUrl = null;
  }
  if (showSvg(container, svgText)) {
    state.timelineUrl = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    link.href = state.timelineUrl;
    link.download = baseName(documentName || state.fileName) + "-timeline.svg";
    link.hidden = false;
  } else {
    link.hidden = true;
    link.removeAttribute("href");
  }
}

// --- The editable case form -------------------------------------------------------------

const RESPONSES = [
  ["", "none"],
  ["complete response", "CR"],
  ["partial response", "PR"],
  ["stable disease", "SD"],
  ["progressive disease", "PD"],
];

/** Field definitions for each editable row kind. */
const ROW_KINDS = {
  diagnoses: {
    container: "diagnoses-rows",
    noun: "diagnosis",
    fields: [
      { key: "name", label: "Name" },
      { key: "oncotree", label: "OncoTree code", narrow: true },
    ],
  },
  alterations: {
    container: "alterations-rows",
    noun: "alteration",
    fields: [
      { key: "gene", label: "Gene", narrow: true },
      { key: "variant", label: "Variant" },
    ],
  },
  therapies: {
    container: "therapies-rows",
    noun: "therapy line",
    fields: [
      { key: "drugs", label: "Drugs (comma-separated)" },
      { key: "response", label: "Response", options: RESPONSES, narrow: true },
    ],
  },
  adverse: {
    container: "adverse-rows",
    noun: "adverse event",
    fields: [
      { key: "term", label: "Term" },
      { key: "grade", label: "Grade", options: [["", "—"], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"]], narrow: true },
    ],
  },
  resistance: {
    container: "resistance-rows",
    noun: "resistance finding",
    fields: [
      { key: "gene", label: "Gene", narrow: true },
      { key: "variant", label: "Variant" },
      { key: "drugs", label: "Drugs resisted" },
    ],
  },
};

/** Adds a row of inputs; `values` fills them and `origin` is the index of the source item. */
function addRow(kindName, values, origin) {
  const kind = ROW_KINDS[kindName];
  const container = byId(kind.container);
  const row = h("div", { className: "row", dataset: { origin: origin === undefined ? "" : origin } });
  const data = values || {};
  let firstInput = null;
  for (const field of kind.fields) {
    const id = uniqueId(kindName + "-" + field.key);
    let input;
    if (field.options) {
      input = h("select", { id: id, name: field.key });
      for (const [value, text] of field.options) input.append(h("option", { value: value, text: text }));
    } else {
      input = h("input", { type: "text", id: id, name: field.key, autocomplete: "off", spellcheck: false });
    }
    input.value = data[field.key] === undefined || data[field.key] === null ? "" : String(data[field.key]);
    firstInput = firstInput || input;
    row.append(h("div", { className: "field" + (field.narrow ? " field-narrow" : "") }, h("label", { htmlFor: id, text: field.label }), input));
  }
  const remove = h("button", {
    type: "button",
    className: "small danger",
    text: "Remove",
    attrs: { "aria-label": "Remove this " + kind.noun },
    on: {
      click: () => {
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        updateEmptyNote(kindName);
        const focusTarget = next ? next.querySelector("input, select") : container.parentElement.querySelector(".add-row");
        if (focusTarget) focusTarget.focus();
      },
    },
  });
  row.append(remove);
  container.append(row);
  updateEmptyNote(kindName);
  return firstInput;
}

function updateEmptyNote(kindName) {
  const container = byId(ROW_KINDS[kindName].container);
  const rows = container.querySelectorAll(".row");
  const note = container.querySelector(".empty-rows");
  if (rows.length === 0 && !note) container.append(h("p", { className: "empty-rows", text: "None." }));
  if (rows.length > 0 && note) note.remove();
}

function rowValues(kindName) {
  const kind = ROW_KINDS[kindName];
  return Array.from(byId(kind.container).querySelectorAll(".row")).map((row) => {
    const values = { origin: row.dataset.origin === "" ? null : Number(row.dataset.origin) };
    for (const field of kind.fields) values[field.key] = row.querySelector('[name="' + field.key + '"]').value.trim();
    return values;
  });
}

function fillCaseForm(record) {
  const patient = record.patient || {};
  byId("patient-age").value = Number.isInteger(patient.age) ? String(patient.age) : "";
  byId("patient-sex").value = patient.sex === "male" || patient.sex === "female" ? patient.sex : "";
  for (const kindName of Object.keys(ROW_KINDS)) clear(byId(ROW_KINDS[kindName].container));
  (record.diagnoses || []).forEach((d, i) => addRow("diagnoses", { name: d.name, oncotree: d.oncotree }, i));
  (record.alterations || []).forEach((a, i) => addRow("alterations", { gene: a.gene, variant: a.variant }, i));
  (record.therapies || []).forEach((t, i) => addRow("therapies", { drugs: (t.drugs || []).join(", "), response: t.response || "" }, i));
  (record.adverse_events || []).forEach((a, i) => addRow("adverse", { term: a.term, grade: a.grade }, i));
  (record.resistance || []).forEach((r, i) => addRow("resistance", { gene: r.gene, variant: r.variant, drugs: (r.drugs || []).join(", ") }, i));
  for (const kindName of Object.keys(ROW_KINDS)) updateEmptyNote(kindName);
  const saveResult = byId("save-result");
  saveResult.className = "save-result";
  clear(saveResult);
}

export function splitDrugs(text) {
  return text
    .split(/\s*(?:,|\+|;|\/|\band\b)\s*/i)
    .map((drug) => drug.trim().toLowerCase())
    .filter((drug) => drug.length > 0);
}

/** The alteration kind the extraction contract would give a gene + variant typed by hand. */
function alterationKind(variant) {
  const v = variant.trim();
  if (/^(p\.)?[A-Z]\d+([A-Z*]|fs|del|ins|dup)/.test(v)) return "protein_change";
  if (/^c\./i.test(v)) return "dna_change";
  if (/\bITD\b/i.test(v)) return "itd";
  if (/exon/i.test(v)) return "exon";
  if (/fusion|rearrange/i.test(v)) return "fusion";
  if (/amplif/i.test(v)) return "amplification";
  if (/delet|loss/i.test(v)) return "deletion";
  if (/express/i.test(v)) return "expression";
  return "mutation";
}

function copyOf(list, origin) {
  return origin !== null && list && list[origin] ? JSON.parse(JSON.stringify(list[origin])) : null;
}

/** The extraction result with the form's edits applied, in the extraction contract's shape. */
function editedCase() {
  const source = state.extraction || {};
  const record = JSON.parse(JSON.stringify(source));
  delete record.document_text;
  delete record.timeline_svg;

  const ageText = byId("patient-age").value.trim();
  const age = ageText === "" ? null : Number(ageText);
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > 130)) {
    throw new ApiError("Age must be a whole number of years between 0 and 130.", 0, "invalid", "patient.age");
  }
  record.patient = Object.assign({ spans: [] }, record.patient || {}, { age: age, sex: byId("patient-sex").value || null });

  record.diagnoses = rowValues("diagnoses")
    .filter((row) => row.name)
    .map((row) => {
      const base = copyOf(source.diagnoses, row.origin) || { spans: [] };
      const oncotree = row.oncotree ? row.oncotree.toUpperCase() : null;
      const renamed = base.name !== row.name.toLowerCase() || (base.oncotree || null) !== oncotree;
      return Object.assign(base, {
        name: row.name.toLowerCase(),
        oncotree: oncotree,
        code: renamed ? oncotree || base.code || "" : base.code,
        canonical_name: renamed ? row.name : base.canonical_name,
      });
    });

  record.alterations = rowValues("alterations")
    .filter((row) => row.gene)
    .map((row) => {
      const base = copyOf(source.alterations, row.origin) || { spans: [] };
      const changed = base.gene !== row.gene.toUpperCase() || base.variant !== row.variant;
      return Object.assign(base, {
        gene: row.gene.toUpperCase(),
        variant: row.variant || "mutation",
        kind: changed || !base.kind ? alterationKind(row.variant || "mutation") : base.kind,
      });
    });

  const originalEvents = source.adverse_events || [];
  record.adverse_events = rowValues("adverse")
    .filter((row) => row.term)
    .map((row) => {
      const base = copyOf(originalEvents, row.origin) || { drugs: [], spans: [] };
      return Object.assign(base, { term: row.term.toLowerCase(), grade: row.grade ? Number(row.grade) : null, originalTerm: base.term });
    });

  record.therapies = rowValues("therapies")
    .filter((row) => row.drugs)
    .map((row, index) => {
      const base = copyOf(source.therapies, row.origin) || { adverse_events: [], dose_changes: [], spans: [], response_spans: [] };
      const drugs = splitDrugs(row.drugs);
      const oldTerms = new Set((base.adverse_events || []).map((event) => event.term));
      // A line keeps the adverse events it had (as edited) and gains those attributed to its drugs.
      const events = record.adverse_events
        .filter((event) => oldTerms.has(event.originalTerm) || (event.drugs || []).some((drug) => drugs.includes(drug)))
        .map((event) => ({ term: event.term, grade: event.grade, drugs: event.drugs || [], spans: event.spans || [] }));
      const responseChanged = (base.response || "") !== row.response;
      return Object.assign(base, {
        line: index + 1,
        drugs: drugs,
        response: row.response || null,
        response_text: responseChanged ? undefined : base.response_text,
        adverse_events: events,
      });
    });
  for (const event of record.adverse_events) delete event.originalTerm;

  record.resistance = rowValues("resistance")
    .filter((row) => row.gene)
    .map((row) => {
      const base = copyOf(source.resistance, row.origin) || { basis: "stated", spans: [] };
      return Object.assign(base, { gene: row.gene.toUpperCase(), variant: row.variant || "mutation", drugs: splitDrugs(row.drugs) });
    });
  return record;
}

async function saveCase(event) {
  event.preventDefault();
  const result = byId("save-result");
  result.className = "save-result";
  clear(result);
  if (!state.extraction) return;
  let record;
  try {
    record = editedCase();
  } catch (error) {
    result.className = "save-result error";
    result.textContent = describeError(error);
    return;
  }
  if (!hasToken()) {
    result.className = "save-result error";
    result.textContent = "Enter the API token in Settings to save cases.";
    askForToken();
    return;
  }
  // The text the mentions point into, so the stored case reopens whole.
  if (typeof state.extraction.document_text === "string") record.document_text = state.extraction.document_text;
  const saved = await busy(byId("save-case-button"), "Saving case…", () => api("/api/cases", { method: "POST", json: record, headers: authHeaders() }));
  if (saved && saved.id) {
    result.className = "save-result ok";
    result.append("Saved as ", h("a", { href: href("/cases/" + encodeURIComponent(saved.id)), id: "saved-case-link", text: saved.id }), ".");
    setStatus("Case saved as " + saved.id + ".", "ok");
  } else {
    result.className = "save-result error";
    result.textContent = byId("status").textContent || "The case was not saved.";
  }
}

/** "Match this patient": the form's diagnosis, alterations and therapy lines with responses. */
function matchThisPatient() {
  let record;
  try {
    record = editedCase();
  } catch (error) {
    setStatus(describeError(error), "error");
    return;
  }
  const diagnosis = record.diagnoses.find((d) => d.oncotree) || record.diagnoses[0];
  navigate(
    matchHref({
      disease: diagnosis ? diagnosis.name : "",
      alterations: Array.from(new Set(record.alterations.map((a) => a.gene + " " + a.variant))),
      prior: record.therapies.map((t) => priorLine(t.drugs, t.response)).filter(Boolean),
    })
  );
}

/** `#/` and `#/read`: the reader, with the start page while nothing has been read. */
export function showReader() {
  byId("start-panel").hidden = state.extraction !== null;
  if (!state.extraction) renderStart();
}

export function setUp() {
  byId("extract-form").addEventListener("submit", extract);
  byId("case-file").addEventListener("change", readSelectedFile);
  // Typed or pasted text is no longer the file (or example) it was loaded from.
  byId("case-text").addEventListener("input", () => {
    state.fileName = null;
  });
  submitOnCtrlEnter(byId("case-text"));
  hideTooltip = attachTooltips(byId("document-view"), byId("mention-tooltip"));
  byId("case-form").addEventListener("submit", saveCase);
  byId("match-this-patient").addEventListener("click", matchThisPatient);
  for (const button of document.querySelectorAll(".add-row")) {
    button.addEventListener("click", () => {
      const input = addRow(button.dataset.add);
      if (input) input.focus();
    });
  }
}
