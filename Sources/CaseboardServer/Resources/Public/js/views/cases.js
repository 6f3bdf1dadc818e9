// Stored cases, `#/cases`: search, open (`#/cases/{id}`) and delete.
import { api, askForToken, authHeaders, busy, hasToken, query } from "../api.js";
import { byId, clear, h, labelCells, plural, setStatus } from "../dom.js";
import { caseLink } from "../links.js";

const PAGE = 25;
const listState = { offset: 0, total: 0 };

async function searchCases(offset) {
  const params = { q: byId("cases-q").value.trim(), limit: PAGE, offset: Math.max(0, offset) };
  const page = await busy(byId("cases-button"), "Loading stored cases…", () => api("/api/cases?" + query(params)));
  if (!page) return;
  const items = page.items || [];
  listState.offset = params.offset;
  listState.total = Number(page.total) || 0;
  const table = byId("cases-table");
  const body = table.tBodies[0];
  clear(body);
  for (const item of items) {
    const remove = h("button", { type: "button", className: "small danger", text: "Delete", attrs: { "aria-label": "Delete " + (item.title || item.id) } });
    remove.addEventListener("click", () => deleteCase(item));
    body.append(
      h(
        "tr",
        null,
        h("td", null, caseLink(item.id, item.title || "(untitled)"), h("span", { className: "sub", text: item.id || "" })),
        h("td", { text: item.document || "" }),
        h("td", { text: item.imported_at || "" }),
        h("td", null, h("div", { className: "actions" }, remove))
      )
    );
  }
  labelCells(table);
  table.hidden = items.length === 0;
  byId("cases-empty").hidden = items.length > 0;
  byId("cases-pager").hidden = listState.total === 0;
  byId("cases-range").textContent = listState.total === 0 ? "" : params.offset + 1 + "–" + (params.offset + items.length) + " of " + listState.total.toLocaleString();
  byId("cases-prev").disabled = params.offset === 0;
  byId("cases-next").disabled = params.offset + items.length >= listState.total;
  setStatus(plural(listState.total, "stored case") + ".", "ok");
}

async function deleteCase(item) {
  if (!hasToken()) {
    setStatus("Enter the API token in Settings to delete cases.", "error");
    askForToken();
    return;
  }
  if (!window.confirm("Delete the stored case “" + (item.title || item.id) + "”? This cannot be undone.")) return;
  const done = await busy(null, "Deleting…", async () => {
    await api("/api/cases/" + encodeURIComponent(item.id), { method: "DELETE", headers: authHeaders(), as: "none" });
    return true;
  });
  if (!done) return;
  const offset = listState.offset >= listState.total - 1 ? Math.max(0, listState.offset - PAGE) : listState.offset;
  await searchCases(offset);
  setStatus("Deleted case " + item.id + ".", "ok");
  byId("cases-q").focus();
}

/** `#/cases`. */
export function showCases() {
  searchCases(listState.offset);
}

export function setUp() {
  byId("cases-form").addEventListener("submit", (event) => {
    event.preventDefault();
    searchCases(0);
  });
  byId("cases-prev").addEventListener("click", () => searchCases(listState.offset - PAGE));
  byId("cases-next").addEventListener("click", () => searchCases(listState.offset + PAGE));
}
