#!/usr/bin/env bash
# Runs the runtime JMH benchmarks (runtime-stores/benchmarks) and writes the runtime section of
# docs/benchmarks.md: command, date, machine, and each result as a ratio to its peer of the same run.
#
#   scripts/bench-runtime.sh            full run (about 8 minutes), rewrites the runtime section
#   scripts/bench-runtime.sh --quick    smoke check (seconds): runs everything once, writes nothing
#   scripts/bench-runtime.sh [--quick] REGEX   only the benchmarks matching REGEX (e.g. 'VecBenchmark')
#
# A run with a REGEX prints its section but leaves docs/benchmarks.md alone (pass --out FILE to write).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
java_home=$(stowage_find_jdk) || exit 1

quick=""
regex=""
out="$root/docs/benchmarks.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick" ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "bench-runtime.sh: unknown option $1 (use --quick, --out FILE or a regex)" >&2; exit 2 ;;
    *) regex="$1" ;;
  esac
  shift
done

echo "building the benchmarks jar..." >&2
"$root/build" -q -pl runtime-stores/benchmarks -am package -DskipTests >&2
jar="$root/runtime-stores/benchmarks/target/benchmarks.jar"

args=(--command "scripts/bench-runtime.sh${quick:+ $quick}${regex:+ $regex}")
[ -n "$quick" ] && args+=(--quick)
# Only a full run of everything writes the shared document.
if [ -z "$quick" ] && { [ -z "$regex" ] || [ "$out" != "$root/docs/benchmarks.md" ]; }; then
  args+=(--out "$out")
fi
[ -n "$regex" ] && args+=("$regex")

mkdir -p "$root/runtime-stores/benchmarks/target/bench"
cd "$root/runtime-stores/benchmarks/target/bench"
exec "$java_home/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Dio.netty.leakDetection.level=disabled -cp "$jar" dev.stowage.bench.RuntimeReport "${args[@]}"
