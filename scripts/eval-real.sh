#!/usr/bin/env bash
# Evaluation on real code that no one here wrote (the Resource Leak Checker paper's method): pinned
# source jars of FFM-heavy projects from Maven Central, compiled by javac with and without the Stowage
# checker and its bundled library models, in the same run. Writes docs/evaluation.md and compares
# every finding with the hand triage in docs/evaluation/triage-ffm.tsv: a finding that is not triaged,
# or a triaged one that is gone, fails the script (exit 1) after the report is written.
#   scripts/eval-real.sh              # 3 alternating timing pairs per project
#   REPS=1 scripts/eval-real.sh       # quicker, while developing
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/find-jdk.sh
JAVA_HOME=$(stowage_find_jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

REPS=${REPS:-3}
work=target/eval
triage=docs/evaluation/triage-ffm.tsv
doc=docs/evaluation.md

# name | sources artifact | compile classpath artifacts (groupId:artifactId:version, comma-separated) |
# the files to compile and those to leave out (regular expressions on the path inside the sources
# jar; the rest of the library comes from its own jar on the classpath)
projects=(
  "jtreesitter|io.github.tree-sitter:jtreesitter:0.26.0|org.jspecify:jspecify:1.0.0|.|^$"
  # its Hadoop adapters need Hadoop, an optional dependency: left out
  "aircompressor-v3|io.airlift:aircompressor-v3:3.3|io.airlift:aircompressor-v3:3.3|.|Hadoop|/hadoop/|Codec[.]java$"
  "jline-terminal-ffm|org.jline:jline-terminal-ffm:3.30.4|org.jline:jline-terminal:3.30.4,org.jline:jline-native:3.30.4|.|^$"
  # the package with its FFM code (MMapDirectory); the rest of Lucene from its jar
  "lucene-core-store|org.apache.lucene:lucene-core:10.3.2|org.apache.lucene:lucene-core:10.3.2|^org/apache/lucene/store/|^$"
  # Jlama's native SIMD kernels: jextract-generated bindings (cnative/NativeSimd) and the tensor operations
  # that call them on segments of mapped model weights; jlama-core for the tensor types
  "jlama-native|com.github.tjake:jlama-native:0.8.4|com.github.tjake:jlama-core:0.8.4,org.slf4j:slf4j-api:2.0.7|.|^$"
)

mkdir -p "$work/jars"
echo "== building the checker and the overhead benchmark"
./build -q -pl test-corpus -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/eval-classpath.txt -Dmdep.includeScope=test
qual_jar=$(ls analyzer/qual/target/stowage-qual-*.jar | head -1)
checker_jar=$(ls analyzer/checker/target/stowage-checker-*.jar | grep -v sources | head -1)
processor_path="$checker_jar:$qual_jar:$(cat analyzer/checker/target/eval-classpath.txt)"
harness_cp="test-corpus/target/test-classes:test-corpus/target/classes:$(cat test-corpus/target/eval-classpath.txt)"
WARMUP=${WARMUP:-2}
bench_sets=()
javac_flags=()
for flag in "${STOWAGE_ENGINE_JVM_FLAGS[@]}"; do javac_flags+=("-J$flag"); done

fetch() { # groupId:artifactId:version[:packaging:classifier]
  ./build -q -N dependency:copy -Dartifact="$1" -DoutputDirectory="$work/jars" -Dmdep.overWriteReleases=false >/dev/null
}

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

findings="$work/findings.tsv"
: > "$findings"
rows=()
crashes=0
for entry in "${projects[@]}"; do
  IFS='|' read -r name artifact deps include exclude <<< "$entry"
  options=""
  echo "== $name ($artifact)"
  IFS=: read -r group art version <<< "$artifact"
  fetch "$artifact:jar:sources"
  cp_entries=()
  if [ -n "$deps" ]; then
    IFS=, read -r -a dep_list <<< "$deps"
    for dep in "${dep_list[@]}"; do
      fetch "$dep"
      IFS=: read -r _ dart dversion <<< "$dep"
      cp_entries+=("$work/jars/$dart-$dversion.jar")
    done
  fi
  classpath=$(IFS=:; echo "${cp_entries[*]:-}")
  src="$work/$name/src"
  rm -rf "$work/$name" && mkdir -p "$src"
  (cd "$src" && jar xf "$root/$work/jars/$art-$version-sources.jar")
  (cd "$src" && find . -name '*.java' ! -name 'module-info.java' ! -name 'package-info.java' | sed 's#^\./##' \
    | grep -E "$include" | { grep -v -E "$exclude" || true; } | sort | sed "s#^#$src/#") > "$work/$name/files.txt"
  files=$(wc -l < "$work/$name/files.txt")
  lines=$(xargs cat < "$work/$name/files.txt" | wc -l)
  ffm_files=$(xargs grep -l 'java\.lang\.foreign' < "$work/$name/files.txt" | wc -l)
  # the same files, alone in a folder, for the in-process overhead benchmark
  while read -r f; do
    rel=${f#"$src/"}; mkdir -p "$work/$name/selected/$(dirname "$rel")"; cp "$f" "$work/$name/selected/$rel"
  done < "$work/$name/files.txt"
  bench_sets+=(--set "ffm|$name $version|1.3|$work/$name/selected|$classpath")
  plain_times=() checker_times=()
  for rep in $(seq 1 "$REPS"); do
    rm -rf "$work/$name/out-plain" "$work/$name/out-checker"
    t0=$(now_ms)
    javac -proc:none -implicit:none -Xlint:none -nowarn -d "$work/$name/out-plain" ${classpath:+-cp "$classpath"} $options \
      @"$work/$name/files.txt" > "$work/$name/plain.log" 2>&1 || { echo "plain javac failed on $name:"; tail -20 "$work/$name/plain.log"; exit 2; }
    t1=$(now_ms)
    # -Awarns: findings are warnings, so javac still generates every class and both runs do the same work.
    set +e
    javac "${javac_flags[@]}" -processorpath "$processor_path" -processor dev.stowage.checker.StowageChecker \
      -proc:full -implicit:none -Xlint:none -Awarns -Xmaxwarns 100000 -Xmaxerrs 100000 \
      -d "$work/$name/out-checker" -cp "${classpath:+$classpath:}$qual_jar" $options \
      @"$work/$name/files.txt" > "$work/$name/checker.log" 2>&1
    status=$?
    set -e
    t2=$(now_ms)
    plain_times+=($((t1 - t0)))
    checker_times+=($((t2 - t1)))
    if [ $status -ne 0 ] || grep -q -E 'An exception has occurred|threw an exception|crashed' "$work/$name/checker.log"; then
      echo "the checker failed on $name (exit $status):"; tail -30 "$work/$name/checker.log"
      crashes=$((crashes + 1))
      break
    fi
  done
  plain=$(printf '%s\n' "${plain_times[@]}" | median)
  checked=$(printf '%s\n' "${checker_times[@]}" | median)
  # path:line: warning: [key] message  ->  project, file (relative to the sources), line, key, message
  { grep -E '^[^ ].*\.java:[0-9]+: warning: \[[a-z.]+\] ' "$work/$name/checker.log" || true; } \
    | sed -E "s#^$src/##" \
    | sed -E 's#^([^:]+):([0-9]+): warning: \[([a-z.]+)\] (.*)$#\1\t\2\t\3\t\4#' \
    | awk -v p="$name" -F'\t' 'BEGIN{OFS="\t"} {print p, $1, $2, $3, $4}' >> "$findings"
  count=$(awk -F'\t' -v p="$name" '$1 == p' "$findings" | wc -l)
  stub_warnings=$(grep -c '\[stowage\] stub' "$work/$name/checker.log" || true)
  rows+=("$name|$artifact|$files|$ffm_files|$lines|$plain|$checked|$count|$stub_warnings")
  echo "   $files files, $lines lines: javac ${plain} ms, with the checker ${checked} ms, $count findings"
done

# ------------------------------------------------------------------ overhead in one warm JVM (CPU time)
echo "== overhead in one JVM (REPS=$REPS, WARMUP=$WARMUP)"
java "${STOWAGE_ENGINE_JVM_FLAGS[@]}" -Xmx3g -cp "$harness_cp" dev.stowage.corpus.bench.CheckerOverheadBenchmark \
  --reps "$REPS" --warmup "$WARMUP" --doc "$work/overhead.md" --command "REPS=$REPS WARMUP=$WARMUP scripts/eval-real.sh" \
  "${bench_sets[@]}" | tee "$work/overhead.log"

# ------------------------------------------------------------------ compare with the hand triage
key() { awk -F'\t' 'BEGIN{OFS="\t"} !/^#/ && NF >= 4 {print $1, $2, $3, $4}' "$1" | sort -u; }
key "$findings" > "$work/found.keys"
key "$triage" > "$work/triaged.keys"
comm -23 "$work/found.keys" "$work/triaged.keys" > "$work/untriaged.keys"
comm -13 "$work/found.keys" "$work/triaged.keys" > "$work/vanished.keys"

verdict_count() { # project verdict
  awk -F'\t' -v p="$1" -v v="$2" 'NR == FNR {found[$1 FS $2 FS $3 FS $4] = 1; next}
    !/^#/ && $1 == p && $5 == v && (($1 FS $2 FS $3 FS $4) in found) {n++} END {print n + 0}' "$work/found.keys" "$triage"
}

{
  echo "# Evaluation on real code"
  echo
  echo "Stowage with its bundled JDK model (\`java.lang.foreign\`, docs/library-models.md) on the sources of"
  echo "FFM-heavy projects that no one here wrote, pinned on Maven Central. Every finding is triaged by hand"
  echo "in [\`evaluation/triage-ffm.tsv\`](evaluation/triage-ffm.tsv) (true: a real misuse or a real hazard;"
  echo "false: the code is right), which \`scripts/eval-real.sh\` compares with what the checker finds, so a"
  echo "change in findings shows up as a failing script."
  echo
  echo "Command: \`REPS=$REPS scripts/eval-real.sh\`; $(date -u +%Y-%m-%d), $(uname -m), JDK $(javac -version 2>&1 | awk '{print $2}');"
  echo "machine: 2-core dev VM, shared with other builds (timings are noisy; each is the median of $REPS"
  echo "alternating runs of the javac command line, plain (\`-proc:none\`) and with the checker (\`-Awarns\`, so"
  echo "both generate every class))."
  echo
  echo "| project | sources | files (using FFM) | lines | javac CLI (ms) | with checker (ms) | cold overhead | findings | true | false | stub warnings |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  total_true=0; total_false=0; total_findings=0; total_plain=0; total_checked=0
  for row in "${rows[@]}"; do
    IFS='|' read -r name artifact files ffm_files lines plain checked count stubs <<< "$row"
    t=$(verdict_count "$name" true); f=$(verdict_count "$name" false)
    total_true=$((total_true + t)); total_false=$((total_false + f)); total_findings=$((total_findings + count))
    total_plain=$((total_plain + plain)); total_checked=$((total_checked + checked))
    overhead=$(awk -v a="$checked" -v b="$plain" 'BEGIN{printf "%.2fx", a / b}')
    echo "| $name | \`$artifact\` | $files ($ffm_files) | $lines | $plain | $checked | $overhead | $count | $t | $f | $stubs |"
  done
  overall=$(awk -v a="$total_checked" -v b="$total_plain" 'BEGIN{printf "%.2fx", a / b}')
  echo "| **all** | | | | $total_plain | $total_checked | $overall | $total_findings | $total_true | $total_false | |"
  echo
  echo "Checker crashes: $crashes. Findings not in the triage file: $(wc -l < "$work/untriaged.keys");"
  echo "triaged findings no longer reported: $(wc -l < "$work/vanished.keys")."
  echo
  echo "The columns above time the javac command line once per run (a cold JVM each time: the checker's"
  echo "fixed start-up, loading the Checker Framework and parsing the bundled model, is in them). The"
  echo "overhead the target is about is measured below the way docs/benchmarks.md measures it: in one warm"
  echo "JVM, CPU time of the process, the same files."
  echo
  sed -e 's/^## Checker overhead.*$/## Overhead in one JVM/' -e 's/<!--.*-->//' "$work/overhead.md" | grep -v '^# Benchmarks$'
  echo
} > "$doc.tmp"
cat docs/evaluation/notes.md >> "$doc.tmp"
mv "$doc.tmp" "$doc"
echo "== wrote $doc"
if [ -s "$work/untriaged.keys" ] || [ -s "$work/vanished.keys" ]; then
  echo "the findings differ from $triage:"
  sed 's/^/  new (triage it): /' "$work/untriaged.keys"
  sed 's/^/  gone:            /' "$work/vanished.keys"
  echo "every finding, with its message: $findings"
  exit 1
fi
[ "$crashes" -eq 0 ] || exit 1
echo "== every finding is triaged"
