#!/usr/bin/env bash
# Editor latency benchmark of the Stowage language server (not a timed test):
# didChange -> publishDiagnostics on a generated 1,000-line store-heavy file, warm server, real engine,
# over JSON-RPC in one JVM, with plain javac attribution of the same file in the same JVM for the ratio.
#   scripts/bench-lsp.sh [edits=120] [warmup=30] [methods=40] [mode=both|incremental|full]
#   PAUSE_MS=0 scripts/bench-lsp.sh ...   # edits back to back (default: 100 ms between edits, a typist's pace)
#   KIND=ffm scripts/bench-lsp.sh ...     # an FFM-heavy file (arenas, segments: the bundled JDK model) instead
# Results go to stdout; docs/benchmarks.md (LSP section) records a run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=find-jdk.sh
. "$root/scripts/find-jdk.sh"
JAVA_HOME=$(stowage_find_jdk) || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
cd "$root"
echo "building lsp-server and its test classes..." >&2
./build -q -pl lsp-server -am package -DskipTests -Dlsp.e2e.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp_file=lsp-server/target/bench.classpath
[ -s "$cp_file" ] || { echo "bench-lsp: no classpath written to $cp_file" >&2; exit 1; }
deps=$(cat "$cp_file")
# What the benchmark file is analysed against: the runtime and the qualifiers, nothing else.
analysis_cp=$(tr ':' '\n' < "$cp_file" | grep -E 'stowage-(runtime|qual)' | paste -sd: -)
flags=("${STOWAGE_ENGINE_JVM_FLAGS[@]}")
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" "${flags[@]}" -Xmx1g -Dstowage.bench.classpath="$analysis_cp" -Dstowage.bench.pauseMs="${PAUSE_MS:-100}" -Dstowage.bench.kind="${KIND:-stores}" \
  -cp "lsp-server/target/test-classes:lsp-server/target/classes:$deps" \
  dev.stowage.lsp.bench.LspLatencyBench "${1:-120}" "${2:-30}" "${3:-40}" "${4:-both}"
