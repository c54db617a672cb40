#!/usr/bin/env bash
# Runs the FileStore JMH benchmarks (FileStoreDurableBenchmark, FileStoreBulkBenchmark,
# FileStoreResolveBenchmark) with their short settings (1 fork, 2-3 warmup and 3-5 measured
# iterations) and prints JMH's table. The files go under runtime-stores/benchmarks/target/bench-files,
# on the file system of the checkout: durable-write numbers are that disk's.
#   scripts/bench-filestore.sh [REGEX]     (default: FileStore)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
java_home=$(stowage_find_jdk) || exit 1
echo "building the benchmarks jar..." >&2
"$root/build" -q -pl runtime-stores/benchmarks -am package -DskipTests >&2
cd "$root/runtime-stores/benchmarks/target"
exec "$java_home/bin/java" --enable-native-access=ALL-UNNAMED -Dstowage.bench.dir=bench-files \
  -jar benchmarks.jar "${1:-FileStore}" -jvmArgsAppend -Dstowage.bench.dir=bench-files
