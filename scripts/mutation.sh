#!/usr/bin/env bash
# Mutation testing of runtime-stores with PIT (never part of ./build verify: it takes minutes).
#
#   scripts/mutation.sh                    every class of dev.stowage.store
#   scripts/mutation.sh SlabStore ...      only these classes (and their nested classes)
#   STORES_ONLY=1 scripts/mutation.sh ...  with the store-level tests only (faster)
#   scripts/mutation.sh --module           the whole module in one command, as two PIT runs: the
#                                          in-memory stores with the store-level tests, then the
#                                          collections, FileStore and the rest with their own tests;
#                                          one score per class and for the module (the two CSVs are
#                                          kept in runtime-stores/target/pit-module/)
#
# The report is runtime-stores/target/pit-reports/index.html (mutations.csv / mutations.xml beside
# it); scripts/mutation-summary.py prints the score per class. Record the numbers in
# docs/test-strength.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
store_tests=$(printf 'dev.stowage.store.%s,' BasicStoreTest BadInputTest InvalidationTableTest \
  CheckedStoreTest GrowableStoreTest GrowableStoreBoundaryTest SlabStoreTest SlabStoreBoundaryTest \
  SmallStoreBoundaryTest StoreStrengthTest SharedArenaStoreConcurrencyTest NativeAccessTest StoreSafetyProbes)
# Not in-memory stores: the collections, FileStore and its file layers, the interfaces and helpers.
# Their tests are the collections' and FileStore's (plus the store-level ones that reach Store's
# default methods); everything else in the package is mutated with the store-level tests.
other_classes=(StoreVec StoreList StoreLongMap StoreBox Stores StoreTraits Guarantees Store SharingStore
  CompactingStore FileStore DurableStack FileIo FileStoreException StaleHandleException
  StoreExhaustedException NoScopedStoreException)
other_tests=$(printf 'dev.stowage.store.%s,' StoreVecTest StoreListTest StoreLongMapTest StoreBoxTest \
  StoresTest CheckedCollectionPointerTest SharedListTest SingleAllocationStoreTest DurableStackTest \
  FileStoreTest FileStoreFaultTest GuaranteesTest StoreLayoutOverloadsTest BasicStoreTest BadInputTest \
  InvalidationTableTest)
pit() { # classes tests [extra maven arguments...]
  local c="$1" t="$2"
  shift 2
  # surefire is skipped (maven.test.skip.exec); PIT runs the tests itself, once per mutant that they cover.
  "$root/build" -pl runtime-stores -am -Ppitest verify -Dmaven.test.skip.exec=true \
    -Dlsp.e2e.skip=true -Dstowage.e2e.skip=true -DtargetClasses="$c" ${t:+-DtargetTests="$t"} "$@"
}
if [ "${1:-}" = --module ]; then
  out="$root/runtime-stores/target/pit-module"
  start=$(date +%s)
  others=""
  for c in "${other_classes[@]}"; do others="${others:+$others,}dev.stowage.store.$c,dev.stowage.store.$c\$*"; done
  pit "dev.stowage.store.*" "${store_tests%,}" -DexcludedClasses="$others"
  mkdir -p "$out"
  cp "$root/runtime-stores/target/pit-reports/mutations.csv" "$out/stores.csv"
  pit "$others" "${other_tests%,}"
  cp "$root/runtime-stores/target/pit-reports/mutations.csv" "$out/others.csv"
  cat "$out/stores.csv" "$out/others.csv" > "$out/mutations.csv"
  echo "in-memory stores (store-level tests):"
  python3 "$root/scripts/mutation-summary.py" "$out/stores.csv"
  echo "collections, FileStore and the rest (their own tests):"
  python3 "$root/scripts/mutation-summary.py" "$out/others.csv"
  echo "the module:"
  python3 "$root/scripts/mutation-summary.py" "$out/mutations.csv" | tail -n 1
  echo "took $(( ($(date +%s) - start) / 60 )) min"
  exit 0
fi
classes="dev.stowage.store.*"
if [ $# -gt 0 ]; then
  classes=""
  for c in "$@"; do classes="${classes:+$classes,}dev.stowage.store.$c,dev.stowage.store.$c\$*"; done
fi
tests=""
if [ "${STORES_ONLY:-0}" = 1 ]; then
  # Only the store-level tests (not the collections'): much faster for store classes, which the
  # collections' tests cover only through the stores' public behaviour.
  tests="${store_tests%,}"
fi
pit "$classes" "$tests"
python3 "$root/scripts/mutation-summary.py" "$root/runtime-stores/target/pit-reports/mutations.csv"
