// A small hash router: `#/cases/{id}`, `#/match?disease=…`, `#/evidence/{id}`. Every view and
// object has a URL, so reload, back, forward and a pasted link all show the same screen.

const routes = [];
let notFound = null;

/**
 * Registers `handler` for `pattern`, such as "/cases/:id". The handler gets the decoded
 * parameters and the query as URLSearchParams.
 */
export function route(pattern, handler) {
  const names = [];
  const source = pattern
    .split("/")
    .map((part) => {
      if (part.startsWith(":")) {
        names.push(part.slice(1));
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  routes.push({ regex: new RegExp("^" + source + "/?$"), names: names, handler: handler });
}

export function otherwise(handler) {
  notFound = handler;
}

/** The current hash as a path and a query. */
export function current() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const mark = hash.indexOf("?");
  const path = mark >= 0 ? hash.slice(0, mark) : hash;
  return { path: path.startsWith("/") ? path : "/" + path, query: new URLSearchParams(mark >= 0 ? hash.slice(mark + 1) : "") };
}

/** The hash for `path` and `params` (an object; arrays repeat the key). */
export function href(path, params) {
  const search = new URLSearchParams();
  for (const key of Object.keys(params || {})) {
    const value = params[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && String(item) !== "") search.append(key, String(item));
    }
  }
  const text = search.toString();
  return "#" + path + (text ? "?" + text : "");
}

/** Goes to `hash` as a new history entry (the hashchange listener renders it). */
export function navigate(hash) {
  if (window.location.hash === hash) dispatch();
  else window.location.hash = hash;
}

/** Replaces the current entry without rendering (for state the page already shows). */
export function replace(hash) {
  if (window.location.hash !== hash) window.history.replaceState(null, "", hash);
}

export function dispatch() {
  const { path, query } = current();
  for (const entry of routes) {
    const match = entry.regex.exec(path);
    if (!match) continue;
    const params = {};
    entry.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1]);
    });
    return entry.handler(params, query);
  }
  return notFound ? notFound(path) : undefined;
}

export function start() {
  window.addEventListener("hashchange", dispatch);
  return dispatch();
}
