#!/usr/bin/env python3
"""Per-target figures of a -Pfuzz campaign, read from the Maven log (libFuzzer prints its final stats there).

    ./mvnw -Pfuzz ... verify 2>&1 | tee campaign.log ; python3 infra/fuzz/campaign-stats.py campaign.log
"""
import re
import sys

rows, current = [], None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Running (dev\.fnbundle\.\S+FuzzTest)", line)
    if m:
        current = {"target": m.group(1).split(".")[-1], "runs": "-", "seconds": "-", "new_units": "-",
                   "findings": 0, "result": ""}
        rows.append(current)
        continue
    if current is None:
        continue
    if m := re.search(r"Done (\d+) runs in (\d+) second", line):
        current["runs"], current["seconds"] = int(m.group(1)), int(m.group(2))
    elif m := re.search(r"stat::new_units_added:\s+(\d+)", line):
        current["new_units"] = int(m.group(1))
    elif re.search(r"== Java Exception|ERROR: libFuzzer: timeout|Test unit written to", line):
        current["findings"] += "Test unit written to" not in line
    elif m := re.search(r"Tests run: (\d+), Failures: (\d+), Errors: (\d+)", line):
        current["result"] = "passed" if m.group(2) == m.group(3) == "0" else "FAILED"

print("| Target | Executions | Fuzzing s | New corpus units | Findings | Result |")
print("|---|---:|---:|---:|---:|---|")
for r in rows:
    print(f"| {r['target']} | {r['runs']} | {r['seconds']} | {r['new_units']} | {r['findings']} | {r['result']} |")
total = sum(r["seconds"] for r in rows if isinstance(r["seconds"], int))
print(f"\nTotal fuzzing time: {total} s ({total / 60:.1f} min) over {len(rows)} targets.")
