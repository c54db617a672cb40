#!/usr/bin/env python3
"""Prints PIT's mutation score per class from mutations.csv (killed = KILLED, TIMED_OUT,
MEMORY_ERROR or RUN_ERROR: the tests detected the mutant; NO_COVERAGE and SURVIVED are not)."""
import csv
import sys
from collections import defaultdict

DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}
counts = defaultdict(lambda: [0, 0])
with open(sys.argv[1] if len(sys.argv) > 1 else "runtime-stores/target/pit-reports/mutations.csv") as f:
    for row in csv.reader(f):
        if len(row) < 6:
            continue
        cls = row[1].split("$")[0].rsplit(".", 1)[-1]
        counts[cls][1] += 1
        if row[5] in DETECTED:
            counts[cls][0] += 1
total_killed = sum(k for k, _ in counts.values())
total = sum(n for _, n in counts.values())
print(f"| class | killed / mutants | score |")
print(f"| --- | ---: | ---: |")
for cls in sorted(counts):
    k, n = counts[cls]
    print(f"| {cls} | {k} / {n} | {100 * k / n:.0f} % |")
if total:
    print(f"| **total** | **{total_killed} / {total}** | **{100 * total_killed / total:.1f} %** |")
