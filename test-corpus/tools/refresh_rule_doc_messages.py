#!/usr/bin/env python3
"""Refreshes the checker messages quoted in docs/rules/*.md from the last corpus run.

Each quoted message sits in a code block right after a line "The checker reports:" (or, in the
README, after the qualifier paragraph) and starts with the scenario's file name and line
("GrowStalesOtherPointer.java:20: error: [pointer.stale] ..."). This script replaces each such line
with the current finding of that scenario and key from test-corpus/target/corpus-findings.txt, which
the corpus runner writes:

    ./build -pl test-corpus -am verify -Dtest='dev.stowage.corpus.CorpusCheckerTest'
    python3 test-corpus/tools/refresh_rule_doc_messages.py
"""
import glob
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
FINDINGS = os.path.join(ROOT, "test-corpus", "target", "corpus-findings.txt")
QUOTE = re.compile(r"^(\w+\.java):(\d+): error: \[([\w.]+)\] .*$", re.M)

findings = {}
for line in open(FINDINGS, encoding="utf-8"):
    m = re.match(r"corpus/\S*/(\w+\.java):(\d+):\d+: error: \[([\w.]+)\] (.*)$", line.rstrip("\n"))
    if m:
        findings.setdefault((m.group(1), m.group(3)), f"{m.group(1)}:{m.group(2)}: error: [{m.group(3)}] {m.group(4)}")

changed = 0
for doc in sorted(glob.glob(os.path.join(ROOT, "docs", "rules", "*.md"))):
    text = open(doc, encoding="utf-8").read()

    def refresh(m):
        current = findings.get((m.group(1), m.group(3)))
        if current is None:
            sys.exit(f"{doc}: no current [{m.group(3)}] finding in {m.group(1)}; is the scenario still buggy?")
        return current

    new = QUOTE.sub(refresh, text)
    if new != text:
        open(doc, "w", encoding="utf-8").write(new)
        changed += 1
print(f"refreshed {changed} rule pages")
