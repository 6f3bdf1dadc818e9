// The server's timeline SVG: parsed, refused if it holds anything active, then imported.
import { clear, h } from "./dom.js";

const FORBIDDEN_SVG_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed", "audio", "video", "handler", "listener"]);

/** A safe SVG element from `text`, or throws if it is not a plain, script-free SVG. */
export function sanitizedSvg(text) {
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
export function showSvg(container, svgText) {
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
