#!/usr/bin/env bash
# Checker overhead benchmark: javac with and without the Stowage checker, same JVM.
#   scripts/bench-checker.sh            # 5 measured pairs per source set, writes docs/benchmarks.md
#   REPS=2 WARMUP=1 scripts/bench-checker.sh   # shorter, while developing
# Store-free sources: Guava and commons-lang3 source jars from Maven Central (fetched with Maven
# itself into test-corpus/target/bench/). Store-heavy sources: a generated corpus of >= 20k lines.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/find-jdk.sh
JAVA_HOME=$(stowage_find_jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

REPS=${REPS:-5}
WARMUP=${WARMUP:-3}
GUAVA_VERSION=33.4.8-jre
LANG3_VERSION=3.17.0
bench=test-corpus/target/bench
mkdir -p "$bench/jars"

echo "== building the checker and the benchmark harness"
./build -q -pl test-corpus -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
harness_cp="test-corpus/target/test-classes:test-corpus/target/classes:$(cat test-corpus/target/bench-classpath.txt)"

fetch() { # groupId:artifactId:version[:packaging:classifier]
  ./build -q -N dependency:copy -Dartifact="$1" -DoutputDirectory="$bench/jars" -Dmdep.overWriteReleases=false >/dev/null
}
echo "== fetching store-free sources and their compile classpath from Maven Central"
fetch "com.google.guava:guava:$GUAVA_VERSION:jar:sources"
fetch "com.google.guava:guava:$GUAVA_VERSION"
fetch "com.google.guava:failureaccess:1.0.3"
fetch "org.jspecify:jspecify:1.0.0"
fetch "com.google.errorprone:error_prone_annotations:2.36.0"
fetch "com.google.j2objc:j2objc-annotations:3.0.0"
fetch "org.apache.commons:commons-lang3:$LANG3_VERSION:jar:sources"

rm -rf "$bench/guava-src" "$bench/lang3-src" "$bench/store-heavy"
mkdir -p "$bench/guava-src" "$bench/lang3-src"
(cd "$bench/guava-src" && jar xf "../jars/guava-$GUAVA_VERSION-sources.jar")
(cd "$bench/lang3-src" && jar xf "../jars/commons-lang3-$LANG3_VERSION-sources.jar")
# Guava's sources compile against its own jar (for the few generated parts) and its annotation deps.
guava_cp="$bench/jars/guava-$GUAVA_VERSION.jar:$bench/jars/failureaccess-1.0.3.jar:$bench/jars/jspecify-1.0.0.jar:$bench/jars/error_prone_annotations-2.36.0.jar:$bench/jars/j2objc-annotations-3.0.0.jar"
store_cp=$(tr ':' '\n' < test-corpus/target/bench-classpath.txt | grep -E 'stowage-(runtime|qual)|runtime-stores|analyzer/qual' | paste -sd: -)

jvm_flags=("${STOWAGE_ENGINE_JVM_FLAGS[@]}" -Xmx3g)

echo "== generating the store-heavy corpus"
java -cp "$harness_cp" dev.stowage.corpus.bench.StoreHeavyCorpusGenerator "$bench/store-heavy" 20000

echo "== timing (REPS=$REPS)"
java "${jvm_flags[@]}" -cp "$harness_cp" dev.stowage.corpus.bench.CheckerOverheadBenchmark \
  --reps "$REPS" --warmup "$WARMUP" --doc docs/benchmarks.md --command "REPS=$REPS WARMUP=$WARMUP scripts/bench-checker.sh" \
  --set "store-free|Guava $GUAVA_VERSION sources|1.1|$bench/guava-src|$guava_cp" \
  --set "store-free|commons-lang3 $LANG3_VERSION sources|1.1|$bench/lang3-src|" \
  --set "store-heavy|generated store-heavy corpus|1.5|$bench/store-heavy|$store_cp"
