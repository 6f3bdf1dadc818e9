-- A mix of reads and writes against a running Caseboard server:
-- 85% POST /api/match, 10% GET /api/evidence, 5% POST /api/cases (authenticated writes).
-- Non-2xx answers are counted and printed at the end.
local token = os.getenv("CASEBOARD_TOKEN") or "load-test"
local profiles = {
  '{"disease":"myeloid sarcoma","alterations":["FLT3-ITD","FLT3 D835H"],"prior_therapies":[{"drugs":["sorafenib"],"response":"PD"}]}',
  '{"disease":"CML","alterations":["BCR-ABL1 T315I"]}',
  '{"disease":"NSCLC","alterations":["EGFR exon 19 deletion","EGFR T790M"]}',
  '{"disease":"IMT","alterations":["EML4::ALK"],"prior_therapies":[{"drugs":["crizotinib"],"response":"PR"}]}',
  '{"disease":"sarcoma","alterations":["NTRK1 fusion"]}',
  '{"disease":"AML","alterations":["IDH1 R132H","NRAS G12D"]}',
}
local genes = {"FLT3", "ALK", "EGFR", "ABL1", "NTRK1", "BRAF", "KIT"}
local counter = 0

function request()
  counter = counter + 1
  local roll = math.random(100)
  if roll <= 85 then
    return wrk.format("POST", "/api/match", {["Content-Type"] = "application/json"}, profiles[math.random(#profiles)])
  elseif roll <= 95 then
    return wrk.format("GET", "/api/evidence?gene=" .. genes[math.random(#genes)] .. "&limit=20")
  else
    local body = string.format('{"document":"load-%d-%d.txt","patient":{},"diagnoses":[],"alterations":[{"gene":"FLT3","variant":"ITD","kind":"itd","spans":[]}],"therapies":[{"line":1,"drugs":["gilteritinib"],"response":"partial response","adverse_events":[],"dose_changes":[],"spans":[],"response_spans":[]}],"adverse_events":[],"resistance":[],"procedures":[],"timeline":[],"warnings":[]}', math.random(1000000), counter)
    return wrk.format("POST", "/api/cases", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
  end
end

local failures = 0
function response(status, headers, body)
  if status < 200 or status > 299 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx responses (this thread's count; wrk sums socket errors above): %d\n", failures))
end
