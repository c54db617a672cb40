#!/usr/bin/env bash
# Mutation testing of runtime-stores with PIT (never part of ./build verify: it takes minutes).
#
#   scripts/mutation.sh                    every class of dev.stowage.store
#   scripts/mutation.sh SlabStore ...      only these classes (and their nested classes)
#   STORES_ONLY=1 scripts/mutation.sh ...  with the store-level tests only (faster)
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
tests=()
if [ "${STORES_ONLY:-0}" = 1 ]; then
  # Only the store-level tests (not the collections'): much faster for store classes, which the
  # collections' tests cover only through the stores' public behaviour.
  tests=(-DtargetTests="$(printf 'dev.stowage.store.%s,' BasicStoreTest BadInputTest InvalidationTableTest \
    CheckedStoreTest GrowableStoreTest GrowableStoreBoundaryTest SlabStoreTest SlabStoreBoundaryTest \
    SmallStoreBoundaryTest StoreStrengthTest SharedArenaStoreConcurrencyTest NativeAccessTest StoreSafetyProbes)")
fi
# surefire is skipped (maven.test.skip.exec); PIT runs the tests itself, once per mutant that they cover.
"$root/build" -pl runtime-stores -am -Ppitest verify -Dmaven.test.skip.exec=true \
  -Dlsp.e2e.skip=true -Dstowage.e2e.skip=true -DtargetClasses="$classes" "${tests[@]}"
python3 "$root/scripts/mutation-summary.py" "$root/runtime-stores/target/pit-reports/mutations.csv"
