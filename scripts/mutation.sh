#!/usr/bin/env bash
# Mutation testing of runtime-stores with PIT (never part of ./build verify: it takes minutes).
#
#   scripts/mutation.sh                    every class of dev.stowage.store
#   scripts/mutation.sh SlabStore ...      only these classes (and their nested classes)
#
# The report is runtime-stores/target/pit-reports/index.html (mutations.csv / mutations.xml beside
# it); scripts/mutation-summary.py prints the score per class. Record the numbers in
# docs/test-strength.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
classes="dev.stowage.store.*"
if [ $# -gt 0 ]; then
  classes=""
  for c in "$@"; do classes="${classes:+$classes,}dev.stowage.store.$c,dev.stowage.store.$c\$*"; done
fi
# surefire is skipped (maven.test.skip.exec); PIT runs the tests itself, once per mutant that they cover.
"$root/build" -pl runtime-stores -am -Ppitest verify -Dmaven.test.skip.exec=true \
  -Dlsp.e2e.skip=true -Dstowage.e2e.skip=true -DtargetClasses="$classes"
python3 "$root/scripts/mutation-summary.py" "$root/runtime-stores/target/pit-reports/mutations.csv"
