#!/usr/bin/env python3
"""Cross-server lag under load: writes a case through one server and asks the other to match
it until the case shows, again and again, while wrk drives both (STORE=postgres in run.sh).

Each probe case carries a drug name and a document made for it, and an alteration no load case
has (a gene outside mixed.lua's, at a position of its own), so the match lists it among the
similar cases as soon as the other server's index holds it. Prints each lag's summary at the
end. A figure, never a test: nothing here asserts.

Usage: lag_probe.py WRITE_URL MATCH_URL TOKEN SECONDS [INTERVAL]
"""
import json
import statistics
import sys
import time
import urllib.request

write_url, match_url, token, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 2.0
# Genes mixed.lua never writes, so the probe's alteration is matched by probe cases only.
GENES = ["MAP2K1", "RET", "ROS1", "MET", "ERBB2", "PIK3CA", "IDH2", "KRAS"]


def post(url, body, headers=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace")


lags, missed, failed = [], 0, 0
stop_at = time.monotonic() + seconds
number = 0
while time.monotonic() + interval < stop_at:
    number += 1
    marker = f"probedrug{int(time.time() * 1000) % 10**9}x{number}"
    gene = GENES[number % len(GENES)]
    variant = f"A{200 + number}V"
    record = {
        "document": f"lag-probe-{marker}.txt",
        "diagnoses": [{"name": "lung adenocarcinoma", "oncotree": "LUAD", "code": "LUAD", "canonical_name": "Lung Adenocarcinoma"}],
        "alterations": [{"gene": gene, "variant": variant, "kind": "protein_change"}],
        "therapies": [{"line": 1, "drugs": [marker], "response": "partial response"}],
    }
    profile = {"disease": "lung adenocarcinoma", "alterations": [f"{gene} {variant}"]}
    try:
        status, _ = post(write_url + "/api/cases", record, {"Authorization": "Bearer " + token})
    except Exception as error:  # a refused write is counted, not fatal: the load may shed it
        failed += 1
        print(f"lag probe: write {number} failed: {error}", file=sys.stderr)
        time.sleep(interval)
        continue
    written = time.monotonic()
    seen = None
    while time.monotonic() - written < 30:
        try:
            _, body = post(match_url + "/api/match", profile)
            if marker in body:
                seen = time.monotonic() - written
                break
        except Exception:
            pass
        time.sleep(0.02)
    if seen is None:
        missed += 1
    else:
        lags.append(seen)
    time.sleep(max(0.0, interval - (time.monotonic() - written)))

if lags:
    lags.sort()
    p90 = lags[min(len(lags) - 1, int(0.9 * len(lags)))]
    over = sum(1 for lag in lags if lag > 1.0)
    print(
        f"cross-server lag (write through one server, matched through the other, 20 ms polls): {len(lags)} probes, "
        f"median {statistics.median(lags) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, max {lags[-1] * 1000:.0f} ms, "
        f"{over} over 1 s; {missed} not seen within 30 s; {failed} writes refused"
    )
else:
    print(f"cross-server lag: no probe seen ({missed} not seen within 30 s, {failed} writes refused)")
