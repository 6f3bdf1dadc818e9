// Small DOM helpers shared by every view. Case text only ever enters the page through
// textContent or DOM nodes, never as markup.

/** The element with `id`. */
export function byId(id) {
  return document.getElementById(id);
}

/**
 * Creates an element. `props` may hold `className`, `text` (textContent), `attrs` (set with
 * setAttribute), `dataset`, `on` (event listeners) and any plain property such as `type`.
 * Children are nodes or strings (added as text nodes).
 */
export function h(tag, props, ...children) {
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

/** An SVG element (for the small inline charts). */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const name of Object.keys(attrs || {})) node.setAttribute(name, String(attrs[name]));
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
}

/** Copies each column header's text to the body cells' `data-label`, for stacked phone layouts. */
export function labelCells(table) {
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

let uniqueCounter = 0;
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return prefix + "-" + uniqueCounter;
}

export function debounce(fn, ms) {
  let timer = 0;
  return function (...args) {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn.apply(this, args), ms);
  };
}

/** Ctrl+Enter (or Cmd+Enter) in a textarea submits its form. */
export function submitOnCtrlEnter(textarea) {
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      textarea.form.requestSubmit();
    }
  });
}

// The status line: an ARIA live region in the header.
export function setStatus(message, kind) {
  const node = byId("status");
  node.className = "status" + (message ? " status-" + (kind || "info") : "");
  node.textContent = message || "";
}

/** "1 option", "2 options". */
export function plural(count, noun) {
  return count + " " + noun + (count === 1 ? "" : "s");
}

export function baseName(documentName) {
  const name = String(documentName || "case").split(/[\\/]/).pop().replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "");
  return safe || "case";
}

/** Offers `content` as a file download through a short-lived Blob URL. */
export function downloadBlob(content, type, filename) {
  const url = URL.createObjectURL(new Blob([content], { type: type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}
