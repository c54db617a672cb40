#!/usr/bin/env bash
# Memory of the real language server process (lsp-server/bin/stowage-lsp, its default heap bound)
# on one large generated store-heavy document (not a timed test):
#   scripts/bench-lsp-memory.sh [chars=1400000]
#   STOWAGE_LSP_HEAP=2g scripts/bench-lsp-memory.sh 1400000     # with a larger bound
# Prints: time to the first diagnostics, their count (or the "not analysed" message), whether a hover
# is answered afterwards, peak RSS (VmHWM) and the peak heap from the GC log. docs/benchmarks.md
# records a run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=find-jdk.sh
. "$root/scripts/find-jdk.sh"
JAVA_HOME=$(stowage_find_jdk) || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
cd "$root"
chars=${1:-1400000}
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building lsp-server..." >&2
  ./build -q -pl lsp-server -am package -DskipTests -Dlsp.e2e.skip=true \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
fi
cp_file=lsp-server/target/bench.classpath
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/bench"
"$JAVA_HOME/bin/java" -cp "lsp-server/target/test-classes" dev.stowage.lsp.bench.StoreHeavySource "$work/src/bench/Huge.java" "$chars" >&2
analysis_cp=$(tr ':' '\n' < "$cp_file" | grep -E 'stowage-(runtime|qual)' | paste -sd: -)
jar=$(ls lsp-server/target/stowage-lsp-*-all.jar | head -1)
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "heap bound: -Xmx${STOWAGE_LSP_HEAP:-1g} (lsp-server/bin/stowage-lsp default unless STOWAGE_LSP_HEAP is set)"
STOWAGE_LSP_JAR="$jar" STOWAGE_LSP_JAVA_OPTS="-Xlog:gc:file=$work/gc.log ${STOWAGE_LSP_JAVA_OPTS:-}" \
STOWAGE_PROBE_GC_LOG="$work/gc.log" STOWAGE_PROBE_SERVER_LOG="${STOWAGE_PROBE_SERVER_LOG:-$work/server.log}" \
  python3 scripts/lsp-memory-probe.py lsp-server/bin/stowage-lsp -- "$work/src/bench/Huge.java" "$analysis_cp"
