#!/usr/bin/env bash
# How soon an analysis stops once cancelled, inside one large class (not a timed test): the real engine
# on a generated store-heavy class, cancelled at evenly spread moments.
#   scripts/bench-lsp-cancel.sh [methods=400] [cancels=10]      # 400 methods = about 11,000 lines
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=find-jdk.sh
. "$root/scripts/find-jdk.sh"
JAVA_HOME=$(stowage_find_jdk) || exit 1
cd "$root"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./build -q -pl lsp-server -am package -DskipTests -Dlsp.e2e.skip=true \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
fi
cp_file=lsp-server/target/bench.classpath
deps=$(cat "$cp_file")
analysis_cp=$(tr ':' '\n' < "$cp_file" | grep -E 'stowage-(runtime|qual)' | paste -sd: -)
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" "${STOWAGE_ENGINE_JVM_FLAGS[@]}" -Xmx1g -Dstowage.bench.classpath="$analysis_cp" \
  -cp "lsp-server/target/test-classes:lsp-server/target/classes:$deps" \
  dev.stowage.lsp.bench.CancellationProbe "${1:-400}" "${2:-10}"
