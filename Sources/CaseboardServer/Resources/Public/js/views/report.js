// The printable tumour-board report: the server renders it (with each option's citations);
// the UI offers it as a download.
import { api, busy } from "../api.js";
import { byId, downloadBlob, setStatus } from "../dom.js";

export async function printableReport(profile) {
  if (!profile.disease && profile.alterations.length === 0) {
    setStatus("Enter a tumour type or at least one alteration first.", "error");
    byId("match-disease").focus();
    return;
  }
  const html = await busy(byId("report-button"), "Preparing the report…", () =>
    api("/api/report", { method: "POST", json: profile, as: "text", accept: "text/html" })
  );
  if (html === undefined) return;
  downloadBlob(html, "text/html;charset=utf-8", "tumor-board-report.html");
  setStatus("Report downloaded as tumor-board-report.html.", "ok");
}
