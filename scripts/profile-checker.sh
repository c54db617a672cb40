#!/usr/bin/env bash
# Where the checker spends its time on the generated store-heavy corpus: the overhead benchmark's
# store-heavy set, run under Java Flight Recorder (async-profiler is not needed), then JFR's own
# hot-method view. Run scripts/bench-checker.sh once first (it builds the harness and writes the
# classpath and the corpus under test-corpus/target/bench/).
#   scripts/profile-checker.sh            # 3 warm-up + 6 measured pairs, recording to target/checker.jfr
#   REPS=10 scripts/profile-checker.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/find-jdk.sh
JAVA_HOME=$(stowage_find_jdk)
export PATH="$JAVA_HOME/bin:$PATH"
bench=test-corpus/target/bench
if [ ! -f test-corpus/target/bench-classpath.txt ] || [ ! -d "$bench/store-heavy" ]; then
  echo "run scripts/bench-checker.sh first (it builds the harness and generates the corpus)" >&2
  exit 2
fi
harness_cp="test-corpus/target/test-classes:test-corpus/target/classes:$(cat test-corpus/target/bench-classpath.txt)"
store_cp=$(tr ':' '\n' < test-corpus/target/bench-classpath.txt | grep -E 'stowage-(runtime|qual)|runtime-stores|analyzer/qual' | paste -sd: -)
recording=${JFR_FILE:-test-corpus/target/checker.jfr}
java "${STOWAGE_ENGINE_JVM_FLAGS[@]}" -Xmx3g "-XX:StartFlightRecording=filename=$recording,settings=profile" \
  -cp "$harness_cp" dev.stowage.corpus.bench.CheckerOverheadBenchmark --reps "${REPS:-6}" --warmup "${WARMUP:-3}" \
  --set "store-heavy|generated store-heavy corpus|2.0|$bench/store-heavy|$store_cp"
jfr view --width 160 hot-methods "$recording"
echo "recording: $recording (inclusive times: jfr print --events jdk.ExecutionSample --stack-depth 80 $recording)"
