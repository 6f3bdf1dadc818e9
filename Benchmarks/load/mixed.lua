-- A mix of reads and writes against a running Caseboard server:
-- 85% POST /api/match, 10% GET /api/evidence, 5% POST /api/cases (authenticated writes; one
-- write in five re-saves a case this thread stored earlier, as a curator's correction would).
-- Errors are counted by wrk itself ("Non-2xx or 3xx responses", "Socket errors"): a Lua
-- `response` callback would make wrk copy every response body into Lua, load that competes
-- with the server for the same cores.
local token = os.getenv("CASEBOARD_TOKEN") or "load-test"
-- Set per wrk process when two drive two servers, so their documents differ.
local tag = os.getenv("LOAD_TAG") or ""
local profiles = {
  '{"disease":"myeloid sarcoma","alterations":["FLT3-ITD","FLT3 D835H"],"prior_therapies":[{"drugs":["sorafenib"],"response":"PD"}]}',
  '{"disease":"CML","alterations":["BCR-ABL1 T315I"]}',
  '{"disease":"NSCLC","alterations":["EGFR exon 19 deletion","EGFR T790M"]}',
  '{"disease":"IMT","alterations":["EML4::ALK"],"prior_therapies":[{"drugs":["crizotinib"],"response":"PR"}]}',
  '{"disease":"sarcoma","alterations":["NTRK1 fusion"]}',
  '{"disease":"AML","alterations":["IDH1 R132H","NRAS G12D"]}',
}
local genes = {"FLT3", "ALK", "EGFR", "ABL1", "NTRK1", "BRAF", "KIT"}
-- Written cases vary over these, so the index grows like a real one rather than one claim.
local alterations = {
  '{"gene":"FLT3","variant":"ITD","kind":"itd","spans":[]}',
  '{"gene":"FLT3","variant":"D835H","kind":"protein_change","spans":[]}',
  '{"gene":"ALK","variant":"fusion","kind":"fusion","partner":"EML4","spans":[]}',
  '{"gene":"NTRK1","variant":"fusion","kind":"fusion","spans":[]}',
  '{"gene":"EGFR","variant":"L858R","kind":"protein_change","spans":[]}',
  '{"gene":"IDH1","variant":"R132H","kind":"protein_change","spans":[]}',
}
local diagnoses = {
  '{"name":"acute myeloid leukemia","oncotree":"AML","code":"AML","canonical_name":"Acute Myeloid Leukemia","spans":[]}',
  '{"name":"sarcoma","oncotree":"SARCNOS","code":"SARCNOS","canonical_name":"Sarcoma, NOS","spans":[]}',
  '{"name":"lung adenocarcinoma","oncotree":"LUAD","code":"LUAD","canonical_name":"Lung Adenocarcinoma","spans":[]}',
}
local drugs = {"gilteritinib", "sorafenib", "crizotinib", "alectinib", "larotrectinib", "osimertinib", "ivosidenib"}
local responses = {"complete response", "partial response", "stable disease", "progressive disease"}

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local counter = 0
local written = {}
function init(args)
  -- Each thread draws its own numbers, so threads do not write the same documents.
  math.randomseed(thread_id * 7919 + os.time())
end

local function case_body(number)
  return string.format(
    '{"document":"load%s-t%d-%d.txt","title":"Load case %d of thread %d","patient":{},"diagnoses":[%s],"alterations":[%s],'
      .. '"therapies":[{"line":1,"drugs":["%s"],"response":"%s","adverse_events":[],"dose_changes":[],"spans":[],"response_spans":[]}],'
      .. '"adverse_events":[],"resistance":[],"procedures":[],"timeline":[],"warnings":[]}',
    tag, thread_id, number, number, thread_id,
    diagnoses[math.random(#diagnoses)], alterations[math.random(#alterations)],
    drugs[math.random(#drugs)], responses[math.random(#responses)])
end

function request()
  counter = counter + 1
  local roll = math.random(100)
  if roll <= 85 then
    return wrk.format("POST", "/api/match", {["Content-Type"] = "application/json"}, profiles[math.random(#profiles)])
  elseif roll <= 95 then
    return wrk.format("GET", "/api/evidence?gene=" .. genes[math.random(#genes)] .. "&limit=20")
  else
    local number = counter
    if math.random(5) == 1 and #written > 0 then
      number = written[math.random(math.max(1, #written - 99), #written)]
    else
      written[#written + 1] = number
    end
    return wrk.format("POST", "/api/cases", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, case_body(number))
  end
end
