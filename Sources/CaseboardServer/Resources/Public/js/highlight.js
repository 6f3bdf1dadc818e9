// The highlighted document: one <mark> per mention, with a tooltip that says how it was
// normalized. Offsets are UTF-8 byte offsets into the document text.
import { clear, h } from "./dom.js";

export const KIND_TAGS = { gene: "GENE", variant: "VAR", drug: "DRUG", disease: "DX", adverse_event: "AE" };
export const KIND_NAMES = { gene: "Gene", variant: "Variant", drug: "Drug", disease: "Disease", adverse_event: "Adverse event" };

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/**
 * Renders `documentText` into `view` with one <mark> per mention and one
 * <mark class="support"> per `support` range (a supporting sentence). Nested ranges become
 * nested marks; a range that partly overlaps an earlier one is skipped. Returns the number of
 * mentions skipped.
 */
export function renderHighlighted(view, documentText, mentions, support) {
  clear(view);
  const bytes = encoder.encode(documentText);
  const slice = (start, end) => decoder.decode(bytes.subarray(start, end));
  const fits = (m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= bytes.length;
  const ranges = [];
  (support || []).filter(fits).forEach((range, index) => ranges.push({ start: range.start, end: range.end, support: true, index: index }));
  const validMentions = (mentions || []).filter(fits);
  validMentions.forEach((mention, index) => ranges.push({ start: mention.start, end: mention.end, mention: mention, index: index + 100000 }));
  let skipped = (mentions || []).length - validMentions.length;
  ranges.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);

  const root = { start: 0, end: bytes.length, children: [] };
  const stack = [root];
  for (const range of ranges) {
    while (stack.length > 1 && stack[stack.length - 1].end <= range.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (range.end > parent.end) {
      if (range.mention) skipped += 1;
      continue;
    }
    const node = Object.assign({ children: [] }, range);
    parent.children.push(node);
    stack.push(node);
  }

  const fragment = document.createDocumentFragment();
  (function render(target, node) {
    let cursor = node.start;
    for (const child of node.children) {
      if (child.start > cursor) target.append(document.createTextNode(slice(cursor, child.start)));
      const mark = child.support ? h("mark", { className: "support" }) : mentionMark(child.mention);
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

/** Shows a mention's details in `tooltip` when its mark in `view` is hovered, focused or clicked. */
export function attachTooltips(view, tooltip) {
  let activeMark = null;
  function hide() {
    tooltip.hidden = true;
    if (activeMark) {
      activeMark.classList.remove("active");
      activeMark.removeAttribute("aria-describedby");
      activeMark = null;
    }
  }
  function show(mark) {
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
    mark.setAttribute("aria-describedby", tooltip.id);
    const card = tooltip.offsetParent || tooltip.parentElement;
    const cardBox = card.getBoundingClientRect();
    const markBox = mark.getBoundingClientRect();
    const left = Math.max(4, Math.min(markBox.left - cardBox.left, cardBox.width - tooltip.offsetWidth - 4));
    tooltip.style.left = left + "px";
    tooltip.style.top = markBox.bottom - cardBox.top + 6 + "px";
  }
  const markFrom = (event) => (event.target instanceof Element ? event.target.closest("mark.mention") : null);
  view.addEventListener("mouseover", (event) => {
    const mark = markFrom(event);
    if (mark) show(mark);
    else if (activeMark && document.activeElement !== activeMark) hide();
  });
  view.addEventListener("mouseleave", hide);
  view.addEventListener("focusin", (event) => {
    const mark = markFrom(event);
    if (mark) show(mark);
  });
  view.addEventListener("focusout", hide);
  view.addEventListener("click", (event) => {
    const mark = markFrom(event);
    if (mark) show(mark);
  });
  view.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  view.addEventListener("scroll", hide);
  return hide;
}

/** Every quoted span in `value` (any object with start, end and text), found recursively. */
function collectSpans(value, into) {
  if (Array.isArray(value)) {
    for (const item of value) collectSpans(item, into);
  } else if (value && typeof value === "object") {
    if (Number.isInteger(value.start) && Number.isInteger(value.end) && typeof value.text === "string" && value.end > value.start) {
      into.push(value);
    }
    for (const key of Object.keys(value)) if (typeof value[key] === "object") collectSpans(value[key], into);
  }
  return into;
}

/**
 * A stored case keeps its facts' quoted spans with their byte offsets, not the whole document.
 * This rebuilds the text those spans cover, in document order, with "…" for each gap, and maps
 * the mentions (and `support` ranges) onto it. Returns `{text, mentions, support}`.
 */
export function excerptsOf(record, support) {
  const spans = collectSpans(record, []).filter((span) => encoder.encode(span.text).length === span.end - span.start);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces = [];
  for (const span of spans) {
    const last = pieces[pieces.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) {
        const extra = encoder.encode(span.text).subarray(last.end - span.start);
        last.bytes = concat(last.bytes, extra);
        last.end = span.end;
      }
      continue;
    }
    pieces.push({ start: span.start, end: span.end, bytes: encoder.encode(span.text) });
  }
  const separator = encoder.encode(" … ");
  let out = new Uint8Array(0);
  const starts = [];
  pieces.forEach((piece, index) => {
    if (index > 0 || piece.start > 0) out = concat(out, separator);
    starts.push(out.length);
    out = concat(out, piece.bytes);
  });
  if (pieces.length && pieces[pieces.length - 1].end > 0) out = concat(out, separator);
  const map = (range) => {
    const index = pieces.findIndex((piece) => range.start >= piece.start && range.end <= piece.end);
    if (index < 0) return null;
    const shift = starts[index] - pieces[index].start;
    return Object.assign({}, range, { start: range.start + shift, end: range.end + shift });
  };
  return {
    text: decoder.decode(out),
    // A mention's own offsets point into the reader's normalized text; its evidence quotes the input.
    mentions: (record.mentions || [])
      .filter((mention) => mention.evidence)
      .map((mention) => map(Object.assign({}, mention, { start: mention.evidence.start, end: mention.evidence.end })))
      .filter(Boolean),
    support: (support || []).map(map).filter(Boolean),
  };
}

function concat(a, b) {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Where `needle` (bytes) occurs in `bytes` nearest to byte `hint`, or -1. */
function nearestOccurrence(bytes, needle, hint) {
  if (!needle.length || needle.length > bytes.length) return -1;
  let best = -1;
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    if (best < 0 || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
    else if (i > hint) break;
  }
  return best;
}

/** The record's facts as mentions (spans quote the input), for a case stored without its mentions. */
function factMentions(record) {
  const out = [];
  const add = (kind, identifier, spans) => {
    for (const span of spans || []) out.push({ kind: kind, identifier: identifier, start: span.start, end: span.end, text: span.text, evidence: span });
  };
  for (const d of record.diagnoses || []) add("disease", d.oncotree || d.code || d.name, d.spans);
  for (const a of record.alterations || []) add("variant", a.gene + " " + a.variant, a.spans);
  for (const t of record.therapies || []) add("drug", (t.drugs || []).join(" + "), t.spans);
  for (const e of record.adverse_events || []) add("adverse_event", e.term, e.spans);
  return out;
}

/**
 * A case stored with its document text (`document_text`, the text the reader extracted): the
 * whole text with its mentions and `support` ranges, as the reader shows a fresh case. Returns
 * `{text, mentions, support}`, or null when the case has no text (stored before Caseboard
 * kept it), for `excerptsOf` to show its spans instead.
 *
 * Mentions point into the text; spans and supporting ranges quote the original input (for
 * HTML or Markdown, other offsets). Each is found by its quoted text nearest to its offset
 * shifted as the nearest mention before it is shifted.
 */
export function wholeTextOf(record, documentText, support) {
  if (typeof documentText !== "string" || documentText === "") return null;
  const bytes = encoder.encode(documentText);
  const mentions = (record.mentions || []).filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end <= bytes.length);
  const anchors = mentions
    .filter((m) => m.evidence && Number.isInteger(m.evidence.start))
    .map((m) => ({ input: m.evidence.start, text: m.start }))
    .sort((a, b) => a.input - b.input);
  const locate = (range) => {
    if (!range || typeof range.text !== "string" || !Number.isInteger(range.start)) return null;
    let shift = 0;
    for (const anchor of anchors) {
      if (anchor.input > range.start) break;
      shift = anchor.text - anchor.input;
    }
    const needle = encoder.encode(range.text);
    const start = nearestOccurrence(bytes, needle, range.start + shift);
    return start < 0 ? null : Object.assign({}, range, { start: start, end: start + needle.length });
  };
  const shown = mentions.length ? mentions : factMentions(record).map(locate).filter(Boolean);
  return { text: documentText, mentions: shown, support: (support || []).map(locate).filter(Boolean) };
}
