// From a case (read or stored) to the match form's fields, and to a match URL.
import { href } from "./router.js";

/** "osimertinib, savolitinib: stable disease". */
export function priorLine(drugs, response) {
  const names = (drugs || []).filter(Boolean).join(", ");
  return names ? names + (response ? ": " + response : "") : "";
}

/**
 * The match profile of a case record in the extraction contract's shape: its first diagnosis,
 * its alterations, and its therapy lines with their responses, in line order.
 */
export function profileOfCase(record) {
  const diagnoses = record.diagnoses || [];
  const diagnosis = diagnoses.find((d) => d.oncotree) || diagnoses[0] || null;
  const alterations = (record.alterations || []).map((a) => ((a.gene || "") + " " + (a.variant || "")).trim()).filter(Boolean);
  const lines = (record.therapies || []).slice().sort((a, b) => (a.line || 0) - (b.line || 0));
  return {
    disease: diagnosis ? diagnosis.name || diagnosis.canonical_name || diagnosis.oncotree || "" : "",
    alterations: Array.from(new Set(alterations)),
    prior: lines.map((line) => priorLine(line.drugs, line.response)).filter(Boolean),
  };
}

/** A profile as the API's `/api/examples` gives it (`prior_therapies`) in the same shape. */
export function profileOfPatient(patient) {
  return {
    disease: patient.disease || "",
    alterations: patient.alterations || [],
    prior: (patient.prior_therapies || []).map((p) => priorLine(p.drugs, p.response)).filter(Boolean),
  };
}

/** `#/match?disease=…&alteration=…&prior=…` for a profile. */
export function matchHref(profile) {
  return href("/match", { disease: profile.disease, alteration: profile.alterations, prior: profile.prior });
}
