#!/usr/bin/env bash
# `stowage check .` on a Maven reactor against checking each of its modules alone.
#   scripts/bench-reactor.sh                       # 5 modules, >= 125,000 lines, 3 repetitions
#   MODULES=5 LINES=100000 REPS=1 scripts/bench-reactor.sh
# The reactor is generated under test-corpus/target/bench-reactor/: the store-heavy corpus generator
# (the checker benchmark's) writes LINES lines once, and its files are dealt round-robin into the
# modules, so every module holds different code. The poms have no dependencies (the gate bundles the
# Stowage runtime), and every classpath is cached before timing (one run each on a tiny source), so
# the numbers are the analysis, not Maven. Target: whole reactor <= 0.65x the sum of the modules alone.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/find-jdk.sh
JAVA_HOME=$(stowage_find_jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

MODULES=${MODULES:-5}
LINES=${LINES:-125000}
REPS=${REPS:-3}
bench=test-corpus/target/bench-reactor
jar=analyzer/gate/target/stowage-gate.jar

echo "== building the gate and the corpus generator" >&2
./build -q -pl test-corpus,analyzer/gate -am package -DskipTests -Dlsp.e2e.skip=true -Dstowage.e2e.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
harness_cp="test-corpus/target/test-classes:test-corpus/target/classes:$(cat test-corpus/target/bench-classpath.txt)"

echo "== generating a reactor of $MODULES modules, >= $LINES lines" >&2
rm -rf "$bench"
mkdir -p "$bench/reactor"
java -cp "$harness_cp" dev.stowage.corpus.bench.StoreHeavyCorpusGenerator "$bench/generated" "$LINES" >&2
pom() { # artifactId, extra
  printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>\n<groupId>bench</groupId><artifactId>%s</artifactId><version>1</version>%s</project>\n' "$1" "$2"
}
modules=""
for m in $(seq 1 "$MODULES"); do modules="$modules<module>m$m</module>"; done
pom reactor "<packaging>pom</packaging><modules>$modules</modules>" > "$bench/reactor/pom.xml"
for m in $(seq 1 "$MODULES"); do
  mkdir -p "$bench/reactor/m$m/src/main/java/bench/storeheavy"
  pom "m$m" "" > "$bench/reactor/m$m/pom.xml"
  printf 'package bench.storeheavy;\nclass Tiny%s {}\n' "$m" > "$bench/reactor/m$m/src/main/java/bench/storeheavy/Tiny$m.java"
done

gate() { # folder: runs the gate, prints wall milliseconds
  local start end code=0
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$jar" check "$1" --quiet >/dev/null 2>"$bench/last-err.txt" || code=$?
  end=$(date +%s%N)
  if [ "$code" -gt 1 ]; then cat "$bench/last-err.txt" >&2; echo "bench-reactor: the gate failed on $1" >&2; exit 2; fi
  echo $(( (end - start) / 1000000 ))
}

echo "== caching every classpath (Maven runs here, not while timing)" >&2
gate "$bench/reactor" >/dev/null
for m in $(seq 1 "$MODULES"); do gate "$bench/reactor/m$m" >/dev/null; done
rm -f "$bench"/reactor/m*/src/main/java/bench/storeheavy/Tiny*.java

i=0
for file in $(cd "$bench/generated" && find . -name '*.java' | sort); do
  m=$(( i % MODULES + 1 ))
  cp "$bench/generated/$file" "$bench/reactor/m$m/src/main/java/bench/storeheavy/"
  i=$(( i + 1 ))
done
total_lines=$(find "$bench/reactor" -name '*.java' -exec cat {} + | wc -l)
echo "== $i files, $total_lines lines in $MODULES modules; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

for rep in $(seq 1 "$REPS"); do
  whole=$(gate "$bench/reactor")
  sum=0
  alone=""
  for m in $(seq 1 "$MODULES"); do
    t=$(gate "$bench/reactor/m$m")
    sum=$(( sum + t ))
    alone="$alone $t"
  done
  ratio=$(awk -v w="$whole" -v s="$sum" 'BEGIN { printf "%.2f", w / s }')
  echo "rep $rep: whole reactor ${whole} ms; modules alone [${alone# }] ms, sum ${sum} ms; ratio ${ratio}"
done
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
