// The API client: every request the UI makes goes to this server's /api, nowhere else.
import { byId, setStatus } from "./dom.js";

export class ApiError extends Error {
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
export async function api(path, options) {
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

export function describeError(error) {
  if (error instanceof ApiError) return error.field ? error.message + " (" + error.field + ")" : error.message;
  return error && error.message ? error.message : String(error);
}

/** Disables `button` while `work` runs, and reports failures in the status line. */
export async function busy(button, message, work) {
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

/** `{a: 1, b: ""}` as `a=1`; empty values are left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value !== "" && value !== null && value !== undefined) search.set(key, String(value));
  }
  return search.toString();
}

// The API token, kept for this browser session only.
const TOKEN_KEY = "caseboard.token";

export function loadToken() {
  const input = byId("api-token");
  try {
    input.value = window.sessionStorage.getItem(TOKEN_KEY) || "";
  } catch (error) {
    input.value = "";
  }
  const save = () => {
    try {
      if (input.value) window.sessionStorage.setItem(TOKEN_KEY, input.value);
      else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (error) {
      // Storage may be disabled; the token then lasts as long as the page.
    }
  };
  input.addEventListener("input", save);
  input.addEventListener("change", save);
}

export function hasToken() {
  return byId("api-token").value.trim() !== "";
}

export function authHeaders() {
  const token = byId("api-token").value.trim();
  return token ? { Authorization: "Bearer " + token } : {};
}

/** Opens Settings and focuses the token field, for a write that needs it. */
export function askForToken() {
  const input = byId("api-token");
  input.closest("details").open = true;
  input.focus();
}
