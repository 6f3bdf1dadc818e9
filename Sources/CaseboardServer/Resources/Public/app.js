// Caseboard web UI: vanilla JavaScript, no build step, no external requests beyond this
// server's /api. Case text is only ever put into the page with textContent or DOM nodes.
(function () {
  "use strict";

  // ---------------------------------------------------------------------------------------
  // Small DOM helpers

  /** The element with `id`. */
  function byId(id) {
    return document.getElementById(id);
  }

  /**
   * Creates an element. `props` may hold `className`, `text` (textContent), `attrs` (set with
   * setAttribute), `dataset`, `on` (event listeners) and any plain property such as `type`.
   * Children are nodes or strings (added as text nodes).
   */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    const options = props || {};
    for (const key of Object.keys(options)) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key === "attrs") for (const name of Object.keys(value)) node.setAttribute(name, String(value[name]));
      else if (key === "dataset") for (const name of Object.keys(value)) node.dataset[name] = String(value[name]);
      else if (key === "on") for (const name of Object.keys(value)) node.addEventListener(name, value[name]);
      else node[key] = value;
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Copies each column header's text to the body cells' `data-label`, for stacked phone layouts. */
  function labelCells(table) {
    const headers = Array.from(table.tHead.rows[0].cells).map((cell) => cell.textContent.trim());
    for (const row of table.tBodies[0].rows) {
      Array.from(row.cells).forEach((cell, index) => {
        if (headers[index]) cell.dataset.label = headers[index];
        // One wrapper per cell, so a stacked cell is exactly "label | content".
        if (!(cell.childNodes.length === 1 && cell.firstChild.nodeName === "DIV" && cell.firstChild.className === "cell")) {
          const wrapper = h("div", { className: "cell" });
          wrapper.append(...Array.from(cell.childNodes));
          cell.append(wrapper);
        }
      });
    }
  }

  /** Removes every child of `node`. */
  function clear(node) {
    node.replaceChildren();
  }

  let uniqueCounter = 0;
  function uniqueId(prefix) {
    uniqueCounter += 1;
    return prefix + "-" + uniqueCounter;
  }

  function debounce(fn, ms) {
    let timer = 0;
    return function (...args) {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => fn.apply(this, args), ms);
    };
  }

  // ---------------------------------------------------------------------------------------
  // Status line (an ARIA live region) and the API token

  const statusNode = byId("status");

  function setStatus(message, kind) {
    statusNode.className = "status" + (message ? " status-" + (kind || "info") : "");
    statusNode.textContent = message || "";
  }

  const TOKEN_KEY = "caseboard.token";
  const tokenInput = byId("api-token");

  function loadToken() {
    try {
      tokenInput.value = window.sessionStorage.getItem(TOKEN_KEY) || "";
    } catch (error) {
      tokenInput.value = "";
    }
  }

  function saveToken() {
    try {
      if (tokenInput.value) window.sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
      else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (error) {
      // Storage may be disabled; the token then lasts as long as the page.
    }
  }

  function authHeaders() {
    const token = tokenInput.value.trim();
    return token ? { Authorization: "Bearer " + token } : {};
  }

  // ---------------------------------------------------------------------------------------
  // API access

  class ApiError extends Error {
    constructor(message, status, code, field) {
      super(message);
      this.status = status;
      this.code = code;
      this.field = field;
    }
  }

  /** The server's error JSON, `{"error":{"code","message","field"}}`, as an ApiError. */
  async function errorFrom(response) {
    let message = "Request failed (" + response.status + " " + response.statusText + ")";
    let code = null;
    let field = null;
    try {
      const body = await response.json();
      if (body && body.error) {
        message = body.error.message || message;
        code = body.error.code || null;
        field = body.error.field || null;
      }
    } catch (error) {
      // Not JSON: keep the HTTP status message.
    }
    return new ApiError(message, response.status, code, field);
  }

  /**
   * Calls the API. `options.json` is sent as a JSON body; `options.as` is "json" (default),
   * "text" or "none". Throws ApiError for HTTP errors and network failures.
   */
  async function api(path, options) {
    const settings = options || {};
    const init = { method: settings.method || "GET", headers: Object.assign({ Accept: "application/json" }, settings.headers || {}) };
    if (settings.json !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(settings.json);
    }
    if (settings.as === "text") init.headers.Accept = settings.accept || "*/*";
    let response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      throw new ApiError("Cannot reach the Caseboard server.", 0, "network", null);
    }
    if (!response.ok) throw await errorFrom(response);
    if (settings.as === "text") return response.text();
    if (settings.as === "none" || response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  function describeError(error) {
    if (error instanceof ApiError) return error.field ? error.message + " (" + error.field + ")" : error.message;
    return error && error.message ? error.message : String(error);
  }

  /** Disables `button` while `work` runs, and reports failures in the status line. */
  async function busy(button, message, work) {
    if (button) button.disabled = true;
    setStatus(message, "busy");
    try {
      return await work();
    } catch (error) {
      setStatus(describeError(error), "error");
      return undefined;
    } finally {
      if (button) button.disabled = false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Links to evidence (the only external addresses the UI makes)

  function pubMedLink(pmid) {
    const digits = String(pmid).replace(/^pmid:/i, "");
    if (!/^\d{1,9}$/.test(digits)) return null;
    return h("a", { href: "https://pubmed.ncbi.nlm.nih.gov/" + digits + "/", target: "_blank", rel: "noopener noreferrer", text: "PMID " + digits });
  }

  function civicLink(id) {
    const match = /^civic:EID(\d{1,9})$/.exec(String(id));
    if (!match) return null;
    return h("a", { href: "https://civicdb.org/evidence/" + match[1], target: "_blank", rel: "noopener noreferrer", text: "EID" + match[1] });
  }

  /** PubMed and CIViC links for evidence references, each shown once. */
  function evidenceLinks(references) {
    const span = h("span", { className: "evidence-links" });
    const seen = new Set();
    for (const reference of references || []) {
      if (reference.pmid && !seen.has("pmid:" + reference.pmid)) {
        const link = pubMedLink(reference.pmid);
        if (link) {
          if (reference.citation) link.title = reference.citation;
          seen.add("pmid:" + reference.pmid);
          span.append(link, " ");
        }
      }
      if (reference.id && !seen.has(reference.id)) {
        const link = civicLink(reference.id);
        seen.add(reference.id);
        if (link) span.append(link, " ");
        else if (!reference.pmid) span.append(h("code", { text: reference.id }), " ");
      }
    }
    return span;
  }

  // ---------------------------------------------------------------------------------------
  // SVG: parse the server's string, refuse anything active, import the node

  const FORBIDDEN_SVG_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed", "audio", "video", "handler", "listener"]);

  /** A safe SVG element from `text`, or throws if it is not a plain, script-free SVG. */
  function sanitizedSvg(text) {
    const parsed = new DOMParser().parseFromString(String(text), "image/svg+xml");
    const root = parsed.documentElement;
    if (!root || root.localName !== "svg" || parsed.getElementsByTagName("parsererror").length > 0) {
      throw new Error("The timeline is not a valid SVG image.");
    }
    for (const element of [root, ...root.querySelectorAll("*")]) {
      if (FORBIDDEN_SVG_ELEMENTS.has(element.localName.toLowerCase())) {
        throw new Error("The timeline SVG contains a <" + element.localName + "> element and was not shown.");
      }
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith("on")) throw new Error("The timeline SVG contains an event handler and was not shown.");
        if ((name === "href" || name.endsWith(":href")) && !value.startsWith("#")) {
          throw new Error("The timeline SVG links outside itself and was not shown.");
        }
        if (name === "style" && /url\s*\(|expression|javascript:/.test(value)) {
          throw new Error("The timeline SVG has an unsafe style and was not shown.");
        }
      }
    }
    return document.importNode(root, true);
  }

  /** Shows `svgText` in `container`, or the reason it was refused. */
  function showSvg(container, svgText) {
    clear(container);
    if (!svgText) {
      container.append(h("p", { className: "muted", text: "No timeline was returned." }));
      return false;
    }
    try {
      container.append(sanitizedSvg(svgText));
      return true;
    } catch (error) {
      container.append(h("p", { className: "save-result error", text: error.message }));
      return false;
    }
  }

  function baseName(documentName) {
    const name = String(documentName || "case").split(/[\\/]/).pop().replace(/\.[A-Za-z0-9]{1,5}$/, "");
    const safe = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "");
    return safe || "case";
  }

  /** Offers `content` as a file download through a short-lived Blob URL. */
  function downloadBlob(content, type, filename) {
    const url = URL.createObjectURL(new Blob([content], { type: type }));
    const link = h("a", { href: url, download: filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---------------------------------------------------------------------------------------
  // Sections

  const SECTIONS = ["read", "match", "browse"];

  function showSection(name, focusHeading) {
    const target = SECTIONS.includes(name) ? name : "read";
    for (const section of SECTIONS) {
      byId("section-" + section).hidden = section !== target;
      const button = byId("nav-" + section);
      if (section === target) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
    if (window.location.hash !== "#" + target) window.history.replaceState(null, "", "#" + target);
    if (focusHeading) byId(target + "-heading").focus();
    if (target === "browse" && !browseLoaded) {
      browseLoaded = true;
      searchEvidence(0);
      searchCases(0);
    }
  }
  let browseLoaded = false;

  /** Ctrl+Enter (or Cmd+Enter) in a textarea submits its form. */
  function submitOnCtrlEnter(textarea) {
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        textarea.form.requestSubmit();
      }
    });
  }

  // ---------------------------------------------------------------------------------------
  // 1. Read a case: extraction, highlighted document, editable case, timeline

  const readState = { extraction: null, timelineUrl: null, fileName: null };

  async function readSelectedFile() {
    const input = byId("case-file");
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      byId("case-text").value = await file.text();
      readState.fileName = file.name;
      // The format stays as chosen; "auto" lets the server detect it from the content.
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
    const format = byId("case-format").value;
    const result = await busy(byId("extract-button"), "Extracting…", () =>
      api("/api/extract", { method: "POST", json: { text: text, format: format } })
    );
    if (!result) return;
    readState.extraction = result;
    byId("read-results").hidden = false;
    byId("document-name").textContent = result.document ? "(" + result.document + ")" : "";
    const skipped = renderDocument(result.document_text || "", result.mentions || []);
    fillCaseForm(result);
    showTimeline(result.timeline_svg, result.document);
    const therapies = (result.therapies || []).length;
    let message = "Extracted " + (result.mentions || []).length + " mentions and " + therapies + " therapy line" + (therapies === 1 ? "" : "s") + ".";
    if (skipped > 0) message += " " + skipped + " overlapping mention" + (skipped === 1 ? " is" : "s are") + " not highlighted.";
    setStatus(message, "ok");
  }

  const KIND_TAGS = { gene: "GENE", variant: "VAR", drug: "DRUG", disease: "DX", adverse_event: "AE" };
  const KIND_NAMES = { gene: "Gene", variant: "Variant", drug: "Drug", disease: "Disease", adverse_event: "Adverse event" };

  /**
   * Renders the document text with one <mark> per mention. Offsets are UTF-8 byte offsets, so
   * the text is encoded once and every piece is decoded from a byte slice. Nested mentions are
   * nested marks; a mention that partly overlaps an earlier one is skipped. Returns the number
   * skipped.
   */
  function renderDocument(documentText, mentions) {
    const view = byId("document-view");
    clear(view);
    hideTooltip();
    const bytes = new TextEncoder().encode(documentText);
    const decoder = new TextDecoder("utf-8");
    const slice = (start, end) => decoder.decode(bytes.subarray(start, end));

    const valid = mentions
      .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= bytes.length)
      .map((m, index) => ({ mention: m, index: index }))
      .sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end || a.index - b.index);
    let skipped = mentions.length - valid.length;

    // Build a tree of properly nested mentions.
    const root = { start: 0, end: bytes.length, children: [] };
    const stack = [root];
    for (const item of valid) {
      const m = item.mention;
      while (stack.length > 1 && stack[stack.length - 1].end <= m.start) stack.pop();
      const parent = stack[stack.length - 1];
      if (m.end > parent.end) {
        skipped += 1;
        continue;
      }
      const node = { start: m.start, end: m.end, mention: m, children: [] };
      parent.children.push(node);
      stack.push(node);
    }

    const fragment = document.createDocumentFragment();
    (function render(target, node) {
      let cursor = node.start;
      for (const child of node.children) {
        if (child.start > cursor) target.append(document.createTextNode(slice(cursor, child.start)));
        const mark = mentionMark(child.mention);
        render(mark, child);
        target.append(mark);
        cursor = child.end;
      }
      if (node.end > cursor) target.append(document.createTextNode(slice(cursor, node.end)));
    })(fragment, root);
    view.append(fragment);
    return skipped;
  }

  function mentionMark(mention) {
    const kind = Object.prototype.hasOwnProperty.call(KIND_TAGS, mention.kind) ? mention.kind : "gene";
    const description = KIND_NAMES[kind] + ": " + (mention.identifier || "?") + (mention.subtype ? " (" + mention.subtype + ")" : "");
    const mark = h("mark", {
      className: "mention mention-" + kind,
      tabIndex: 0,
      title: description,
      dataset: { tag: KIND_TAGS[kind] },
      attrs: { "aria-label": (mention.evidence && mention.evidence.text ? mention.evidence.text + ", " : "") + description },
    });
    mark.caseboardMention = mention;
    return mark;
  }

  const tooltip = byId("mention-tooltip");
  let activeMark = null;

  function showTooltip(mark) {
    const mention = mark.caseboardMention;
    if (!mention) return;
    if (activeMark && activeMark !== mark) activeMark.classList.remove("active");
    activeMark = mark;
    mark.classList.add("active");
    clear(tooltip);
    const rows = [
      ["Kind", KIND_NAMES[mention.kind] || mention.kind],
      ["Identifier", mention.identifier || "—"],
      ["Subtype", mention.subtype || "—"],
      ["Text", mention.evidence && mention.evidence.text ? mention.evidence.text : ""],
      ["Section", mention.evidence && mention.evidence.section ? mention.evidence.section : "—"],
      ["Bytes", mention.start + "–" + mention.end],
    ];
    const list = h("dl");
    for (const [term, value] of rows) list.append(h("dt", { text: term }), h("dd", { text: value }));
    tooltip.append(list);
    tooltip.hidden = false;
    mark.setAttribute("aria-describedby", "mention-tooltip");
    // Position below the mark, inside the document card.
    const card = tooltip.offsetParent || tooltip.parentElement;
    const cardBox = card.getBoundingClientRect();
    const markBox = mark.getBoundingClientRect();
    const left = Math.max(4, Math.min(markBox.left - cardBox.left, cardBox.width - tooltip.offsetWidth - 4));
    tooltip.style.left = left + "px";
    tooltip.style.top = markBox.bottom - cardBox.top + 6 + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
    if (activeMark) {
      activeMark.classList.remove("active");
      activeMark.removeAttribute("aria-describedby");
      activeMark = null;
    }
  }

  function setUpMentionEvents() {
    const view = byId("document-view");
    const markFrom = (event) => (event.target instanceof Element ? event.target.closest("mark.mention") : null);
    view.addEventListener("mouseover", (event) => {
      const mark = markFrom(event);
      if (mark) showTooltip(mark);
      else if (activeMark && document.activeElement !== activeMark) hideTooltip();
    });
    view.addEventListener("mouseleave", hideTooltip);
    view.addEventListener("focusin", (event) => {
      const mark = markFrom(event);
      if (mark) showTooltip(mark);
    });
    view.addEventListener("focusout", hideTooltip);
    view.addEventListener("click", (event) => {
      const mark = markFrom(event);
      if (mark) showTooltip(mark);
    });
    view.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hideTooltip();
    });
    view.addEventListener("scroll", hideTooltip);
  }

  // --- The editable case form ------------------------------------------------------------

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
        {
          key: "grade",
          label: "Grade",
          options: [["", "—"], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"]],
          narrow: true,
        },
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
        input.value = data[field.key] === undefined || data[field.key] === null ? "" : String(data[field.key]);
      } else {
        input = h("input", { type: "text", id: id, name: field.key, autocomplete: "off", spellcheck: false });
        input.value = data[field.key] === undefined || data[field.key] === null ? "" : String(data[field.key]);
      }
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
    const kind = ROW_KINDS[kindName];
    const container = byId(kind.container);
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
    saveResult.textContent = "";
  }

  function splitDrugs(text) {
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
    const source = readState.extraction || {};
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
    result.textContent = "";
    if (!readState.extraction) return;
    let record;
    try {
      record = editedCase();
    } catch (error) {
      result.className = "save-result error";
      result.textContent = describeError(error);
      return;
    }
    if (!tokenInput.value.trim()) {
      result.className = "save-result error";
      result.textContent = "Enter the API token in Settings to save cases.";
      byId("api-token").closest("details").open = true;
      byId("api-token").focus();
      return;
    }
    const saved = await busy(byId("save-case-button"), "Saving case…", () =>
      api("/api/cases", { method: "POST", json: record, headers: authHeaders() })
    ).catch(() => undefined);
    if (saved) {
      const id = saved.id || (saved.case && saved.case.id) || "";
      result.className = "save-result ok";
      result.textContent = "Saved" + (id ? " as " + id : "") + ".";
      setStatus("Case saved" + (id ? " as " + id : "") + ".", "ok");
      browseLoaded = false;
    } else {
      result.className = "save-result error";
      result.textContent = statusNode.textContent || "The case was not saved.";
    }
  }

  function showTimeline(svgText, documentName) {
    const container = byId("timeline");
    const link = byId("timeline-download");
    if (readState.timelineUrl) {
      URL.revokeObjectURL(readState.timelineUrl);
      readState.timelineUrl = null;
    }
    const shown = showSvg(container, svgText);
    if (shown) {
      readState.timelineUrl = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
      link.href = readState.timelineUrl;
      link.download = baseName(documentName || readState.fileName) + "-timeline.svg";
      link.hidden = false;
    } else {
      link.hidden = true;
      link.removeAttribute("href");
    }
  }

  // ---------------------------------------------------------------------------------------
  // 2. Match a patient

  const alterationCache = new Map();
  let validationRound = 0;

  function alterationLines() {
    return byId("match-alterations")
      .value.split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }

  function priorTherapies() {
    return byId("match-prior")
      .value.split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
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

  function profile() {
    const disease = byId("match-disease").value.trim();
    return { disease: disease || null, alterations: alterationLines(), prior_therapies: priorTherapies() };
  }

  async function validateAlterations() {
    const round = ++validationRound;
    const lines = alterationLines().slice(0, 40);
    const list = byId("alteration-checks");
    const pending = lines.filter((line) => !alterationCache.has(line));
    renderChecks(lines);
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
    if (round === validationRound) renderChecks(lines);
    const invalid = lines.some((line) => alterationCache.has(line) && !alterationCache.get(line).ok);
    byId("match-alterations").setAttribute("aria-invalid", invalid ? "true" : "false");
    list.hidden = lines.length === 0;
  }

  function renderChecks(lines) {
    const list = byId("alteration-checks");
    clear(list);
    for (const line of lines) {
      const result = alterationCache.get(line);
      if (!result) {
        list.append(h("li", { className: "pending" }, h("span", { attrs: { "aria-hidden": "true" }, text: "…" }), line + ": checking"));
      } else if (result.ok) {
        list.append(h("li", { className: "ok" }, h("span", { attrs: { "aria-hidden": "true" }, text: "✓" }), line + " → " + (result.label || line)));
      } else {
        list.append(
          h("li", { className: "bad" }, h("span", { attrs: { "aria-hidden": "true" }, text: "✗" }), line + ": " + (result.message || "not recognized"))
        );
      }
    }
  }

  let diseaseRound = 0;
  async function suggestDiseases() {
    const query = byId("match-disease").value.trim();
    const round = ++diseaseRound;
    if (query.length < 2) return;
    try {
      const items = await api("/api/diseases?q=" + encodeURIComponent(query));
      if (round !== diseaseRound) return;
      const list = byId("disease-options");
      clear(list);
      for (const item of (items || []).slice(0, 20)) {
        list.append(h("option", { value: item.name, label: item.code + " · " + item.name }));
      }
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

  async function match(event) {
    event.preventDefault();
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
    const alerts = (result.resistance || []).length;
    setStatus(
      options + " option" + (options === 1 ? "" : "s") + ", " + alerts + " resistance alert" + (alerts === 1 ? "" : "s") + (result.snapshot ? " (snapshot " + result.snapshot + ")." : "."),
      "ok"
    );
  }

  function renderMatch(result) {
    byId("match-results").hidden = false;

    const problems = byId("problems");
    clear(problems);
    problems.hidden = !(result.problems && result.problems.length);
    if (!problems.hidden) {
      problems.append(h("h2", { text: "Inputs not used" }));
      const list = h("ul");
      for (const problem of result.problems) {
        list.append(h("li", null, h("code", { text: problem.field || "" }), " “" + (problem.input || "") + "”: " + (problem.message || "")));
      }
      problems.append(list);
    }

    const alerts = byId("alerts");
    clear(alerts);
    const resistance = result.resistance || [];
    alerts.hidden = resistance.length === 0;
    if (resistance.length) {
      alerts.append(
        h("h2", null, h("span", { attrs: { "aria-hidden": "true" }, text: "⚠" }), "Resistance alerts (" + resistance.length + ")")
      );
      const list = h("ul");
      for (const alert of resistance) {
        list.append(
          h(
            "li",
            null,
            h("strong", { text: "Avoid or reconsider " + (alert.drugs || []).join(" + ") }),
            ": " + (alert.alteration || "") + ". " + (alert.why || "") + " ",
            h("span", { className: "sub", text: "Basis: " + (alert.basis || "—") }),
            evidenceLinks(alert.evidence)
          )
        );
      }
      alerts.append(list);
    }

    const body = byId("options-table").tBodies[0];
    clear(body);
    const options = (result.options || []).slice().sort((a, b) => a.rank - b.rank);
    for (const option of options) {
      const why = h("td", null, option.why || "");
      if (option.prior_response) why.append(h("span", { className: "sub", text: "Prior: " + option.prior_response }));
      if (option.demoted) why.append(h("span", { className: "sub", text: "Ranked lower: " + option.demoted }));
      const drugs = h("td", null, h("strong", { text: (option.drugs || []).join(" + ") }));
      if (option.alterations && option.alterations.length) drugs.append(h("span", { className: "sub", text: "for " + option.alterations.join(", ") }));
      const specificity = h("td", { text: option.match_specificity || "" });
      if (option.partner) specificity.append(h("span", { className: "sub", text: "partner " + option.partner }));
      body.append(
        h(
          "tr",
          null,
          h("td", { className: "num", text: option.rank }),
          drugs,
          h("td", null, h("span", { className: "level-badge", text: option.level || "" })),
          h("td", { text: option.disease_match || "" }),
          specificity,
          why,
          h("td", null, evidenceLinks(option.evidence))
        )
      );
    }
    labelCells(byId("options-table"));
    byId("options-empty").hidden = options.length > 0;

    renderSimilar(result.similar_cases || []);
  }

  function renderSimilar(cases) {
    const container = byId("similar-cases");
    clear(container);
    const view = byId("similar-case-view");
    clear(view);
    view.hidden = true;
    if (cases.length === 0) {
      container.append(h("p", { className: "muted", text: "No similar stored cases." }));
      return;
    }
    const list = h("ul", { className: "similar-list" });
    for (const similar of cases) {
      const score = Math.round(Math.max(0, Math.min(1, Number(similar.score) || 0)) * 100);
      const button = h(
        "button",
        { type: "button", attrs: { "aria-pressed": "false" } },
        h("span", { className: "score", text: score + "%" }),
        " " + (similar.title || similar.case),
        h("span", { className: "sub", text: "Shared: " + (similar.shared || []).join(", ") + (similar.pmid ? " · PMID " + similar.pmid : "") })
      );
      button.addEventListener("click", () => {
        for (const other of list.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
        button.setAttribute("aria-pressed", "true");
        showStoredCase(similar.case, view);
      });
      list.append(h("li", null, button));
    }
    container.append(list);
  }

  /** Loads a stored case and its timeline into `view`. */
  async function showStoredCase(id, view) {
    const path = "/api/cases/" + encodeURIComponent(id);
    await busy(null, "Loading case " + id + "…", async () => {
      const [record, svg] = await Promise.all([api(path), api(path + "/timeline.svg", { as: "text", accept: "image/svg+xml" })]);
      clear(view);
      view.hidden = false;
      const title = (record && (record.title || record.document)) || id;
      view.append(h("h3", { text: title }));
      const facts = [];
      const diagnoses = (record && record.diagnoses) || [];
      if (diagnoses.length) facts.push("Diagnoses: " + diagnoses.map((d) => d.name + (d.oncotree ? " (" + d.oncotree + ")" : "")).join(", "));
      const alterations = (record && record.alterations) || [];
      if (alterations.length) facts.push("Alterations: " + alterations.map((a) => a.gene + " " + a.variant).join(", "));
      for (const fact of facts) view.append(h("p", { className: "sub", text: fact }));
      const holder = h("div", { className: "timeline-view" });
      view.append(holder);
      showSvg(holder, svg);
      setStatus("Showing case " + id + ".", "ok");
    });
  }

  async function printableReport() {
    const body = profile();
    const html = await busy(byId("report-button"), "Preparing the report…", () =>
      api("/api/report", { method: "POST", json: body, as: "text", accept: "text/html" })
    );
    if (html === undefined) return;
    downloadBlob(html, "text/html;charset=utf-8", "tumor-board-report.html");
    setStatus("Report downloaded as tumor-board-report.html.", "ok");
  }

  // ---------------------------------------------------------------------------------------
  // 3. Browse: evidence and stored cases

  const PAGE = 25;
  const browseState = { evidenceOffset: 0, evidenceTotal: 0, casesOffset: 0, casesTotal: 0 };

  function query(params) {
    const search = new URLSearchParams();
    for (const key of Object.keys(params)) {
      const value = params[key];
      if (value !== "" && value !== null && value !== undefined) search.set(key, String(value));
    }
    return search.toString();
  }

  function updatePager(prefix, offset, count, total) {
    byId(prefix + "-pager").hidden = total === 0;
    byId(prefix + "-range").textContent = total === 0 ? "" : offset + 1 + "–" + (offset + count) + " of " + total.toLocaleString();
    byId(prefix + "-prev").disabled = offset === 0;
    byId(prefix + "-next").disabled = offset + count >= total;
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
    browseState.evidenceOffset = params.offset;
    browseState.evidenceTotal = Number(page.total) || 0;
    const table = byId("evidence-table");
    const body = table.tBodies[0];
    clear(body);
    for (const item of items) {
      const disease = item.disease || {};
      const citation = item.citation || {};
      const cite = h("td");
      const pmidLink = citation.pmid ? pubMedLink(citation.pmid) : null;
      const civic = civicLink(item.id);
      if (pmidLink) cite.append(pmidLink, " ");
      if (civic) cite.append(civic, " ");
      if (!pmidLink && citation.url && /^https:\/\/[^\s]+$/i.test(citation.url)) {
        cite.append(h("a", { href: citation.url, target: "_blank", rel: "noopener noreferrer", text: citation.label || "source" }));
      } else if (citation.label) {
        cite.append(h("span", { className: "sub", text: citation.label }));
      }
      body.append(
        h(
          "tr",
          null,
          h("td", null, (item.profile && item.profile.name) || "", h("span", { className: "sub", text: item.id || "" })),
          h("td", null, disease.name || "", disease.oncotree ? h("span", { className: "sub", text: disease.oncotree }) : null),
          h("td", { text: (item.drugs || []).map((drug) => (typeof drug === "string" ? drug : drug.name || "")).join(" + ") }),
          h("td", null, h("span", { className: "level-badge", text: item.level || "" })),
          h("td", { text: item.significance || "" }),
          h("td", { text: item.source || "" }),
          cite
        )
      );
    }
    labelCells(table);
    table.hidden = items.length === 0;
    updatePager("evidence", params.offset, items.length, browseState.evidenceTotal);
    setStatus(browseState.evidenceTotal.toLocaleString() + " evidence item" + (browseState.evidenceTotal === 1 ? "" : "s") + " found.", "ok");
  }

  async function searchCases(offset) {
    const params = { q: byId("cases-q").value.trim(), limit: PAGE, offset: Math.max(0, offset) };
    const page = await busy(byId("cases-button"), "Loading stored cases…", () => api("/api/cases?" + query(params)));
    if (!page) return;
    const items = page.items || [];
    browseState.casesOffset = params.offset;
    browseState.casesTotal = Number(page.total) || 0;
    const table = byId("cases-table");
    const body = table.tBodies[0];
    clear(body);
    for (const item of items) {
      const view = h("button", { type: "button", className: "small", text: "Timeline", attrs: { "aria-label": "Show the timeline of " + (item.title || item.id) } });
      view.addEventListener("click", () => showStoredCase(item.id, byId("stored-case-view")));
      const remove = h("button", { type: "button", className: "small danger", text: "Delete", attrs: { "aria-label": "Delete " + (item.title || item.id) } });
      remove.addEventListener("click", () => deleteCase(item));
      body.append(
        h(
          "tr",
          null,
          h("td", null, item.title || "(untitled)", h("span", { className: "sub", text: item.id || "" })),
          h("td", { text: item.document || "" }),
          h("td", { text: item.imported_at || "" }),
          h("td", null, h("div", { className: "actions" }, view, remove))
        )
      );
    }
    labelCells(table);
    table.hidden = items.length === 0;
    updatePager("cases", params.offset, items.length, browseState.casesTotal);
    setStatus(browseState.casesTotal.toLocaleString() + " stored case" + (browseState.casesTotal === 1 ? "" : "s") + ".", "ok");
  }

  async function deleteCase(item) {
    if (!tokenInput.value.trim()) {
      setStatus("Enter the API token in Settings to delete cases.", "error");
      byId("api-token").closest("details").open = true;
      byId("api-token").focus();
      return;
    }
    if (!window.confirm("Delete the stored case “" + (item.title || item.id) + "”? This cannot be undone.")) return;
    const done = await busy(null, "Deleting…", async () => {
      await api("/api/cases/" + encodeURIComponent(item.id), { method: "DELETE", headers: authHeaders(), as: "none" });
      return true;
    });
    if (!done) return;
    const offset = browseState.casesOffset >= browseState.casesTotal - 1 ? Math.max(0, browseState.casesOffset - PAGE) : browseState.casesOffset;
    await searchCases(offset);
    setStatus("Deleted case " + item.id + ".", "ok");
    byId("cases-q").focus();
  }

  // ---------------------------------------------------------------------------------------
  // Footer: version

  async function loadVersion() {
    try {
      const info = await api("/api/version");
      const parts = ["Caseboard " + (info.version || "")];
      if (info.snapshot) parts.push("knowledge snapshot " + info.snapshot);
      const sources = info.sources || {};
      const names = Object.keys(sources).sort();
      if (names.length) {
        parts.push(
          "sources: " +
            names
              .map((name) => {
                const value = sources[name];
                return name + " " + (value !== null && typeof value === "object" ? Object.values(value).join(" ") : String(value));
              })
              .join(", ")
        );
      }
      byId("version-info").textContent = parts.join(" · ");
    } catch (error) {
      byId("version-info").textContent = "Caseboard (server version unavailable)";
    }
  }

  // ---------------------------------------------------------------------------------------
  // Wiring

  function start() {
    loadToken();
    tokenInput.addEventListener("input", saveToken);
    tokenInput.addEventListener("change", saveToken);

    for (const section of SECTIONS) {
      byId("nav-" + section).addEventListener("click", () => showSection(section, true));
    }
    window.addEventListener("hashchange", () => showSection(window.location.hash.slice(1), false));

    byId("extract-form").addEventListener("submit", extract);
    byId("case-file").addEventListener("change", readSelectedFile);
    submitOnCtrlEnter(byId("case-text"));
    setUpMentionEvents();
    byId("case-form").addEventListener("submit", saveCase);
    for (const button of document.querySelectorAll(".add-row")) {
      button.addEventListener("click", () => {
        const input = addRow(button.dataset.add);
        if (input) input.focus();
      });
    }

    byId("match-form").addEventListener("submit", match);
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
    byId("report-button").addEventListener("click", printableReport);

    byId("evidence-form").addEventListener("submit", (event) => {
      event.preventDefault();
      searchEvidence(0);
    });
    byId("evidence-prev").addEventListener("click", () => searchEvidence(browseState.evidenceOffset - PAGE));
    byId("evidence-next").addEventListener("click", () => searchEvidence(browseState.evidenceOffset + PAGE));
    byId("cases-form").addEventListener("submit", (event) => {
      event.preventDefault();
      searchCases(0);
    });
    byId("cases-prev").addEventListener("click", () => searchCases(browseState.casesOffset - PAGE));
    byId("cases-next").addEventListener("click", () => searchCases(browseState.casesOffset + PAGE));

    showSection(window.location.hash.slice(1) || "read", false);
    loadVersion();
  }

  start();
})();
