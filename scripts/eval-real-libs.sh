#!/usr/bin/env bash
# The checker on users' code of Netty, LWJGL and Arrow (issue 13; the FFM evaluation is scripts/eval-real.sh):
# pinned source jars from Maven Central, compiled against their declared dependencies with plain javac and
# with the checker (same JVM), every finding compared with the hand triage in docs/evaluation/triage-libs.txt.
#   scripts/eval-real-libs.sh            # REPS=3 measured pairs per project
#   REPS=1 scripts/eval-real-libs.sh     # quicker
# Exit status: 0 when every finding is triaged and no triaged finding disappeared; 1 otherwise (the
# difference is printed); 2/3 when the checker crashed or gave a javac error plain javac did not.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/find-jdk.sh
JAVA_HOME=$(stowage_find_jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
REPS=${REPS:-3}
WARMUP=${WARMUP:-2}
work=test-corpus/target/eval-libs
triage=docs/evaluation/triage-libs.txt
mkdir -p "$work"
rm -f "$work/all-findings.new"

# name  groupId:artifactId:version  [optional dependencies its sources need, comma-separated]
# (the project whose sources are checked; its declared dependencies, plus those, form the classpath)
projects=(
  "netty-codec-http io.netty:netty-codec-http:4.1.118.Final com.jcraft:jzlib:1.1.3,com.aayushatharva.brotli4j:brotli4j:1.16.0,com.github.luben:zstd-jni:1.5.5-11"
  "r2dbc-postgresql org.postgresql:r2dbc-postgresql:1.0.7.RELEASE com.google.code.findbugs:jsr305:3.0.2,org.locationtech.jts:jts-core:1.19.0"
  "arrow-algorithm org.apache.arrow:arrow-algorithm:18.3.0"
  "arrow-jdbc org.apache.arrow:arrow-jdbc:18.3.0"
  "gdx-backend-lwjgl3 com.badlogicgames.gdx:gdx-backend-lwjgl3:1.14.2"
)

echo "== building the checker and the evaluation harness"
./build -q -pl test-corpus -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/eval-classpath.txt -Dmdep.includeScope=test
harness_cp="test-corpus/target/test-classes:test-corpus/target/classes:$(cat test-corpus/target/eval-classpath.txt)"

results=()
for entry in "${projects[@]}"; do
  read -r name gav extras <<<"$entry"
  IFS=: read -r group artifact version <<<"$gav"
  dir="$work/$name"
  rm -rf "$dir/src"; mkdir -p "$dir/src"
  echo "== $name: fetching $gav sources and its declared dependencies"
  ./build -q -N dependency:copy -Dartifact="$gav:jar:sources" -DoutputDirectory="$dir" -Dmdep.overWriteReleases=false >/dev/null
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>eval</groupId><artifactId>$name</artifactId><version>0</version>
  <dependencies><dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>
$(for x in ${extras//,/ }; do IFS=: read -r g a v <<<"$x"; echo "    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"; done)
  </dependencies>
</project>
POM
  mvn -B -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile=classpath.txt >/dev/null
  (cd "$dir/src" && jar xf "../$artifact-$version-sources.jar")
  find "$dir/src" -name module-info.java -delete
  # the project's own classes come from its sources, not from its jar on the classpath
  cp=$(tr ':' '\n' < "$dir/classpath.txt" | grep -v "/$artifact-$version.jar" | paste -sd: -)
  out=$(java "${STOWAGE_ENGINE_JVM_FLAGS[@]}" -Xmx3g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$harness_cp" \
      dev.stowage.corpus.bench.RealCodeEvaluation --name "$name" --sources "$dir/src" --classpath "$cp" \
      --findings "$dir/findings.txt" --reps "$REPS" --warmup "$WARMUP") || { echo "$out"; echo "$name: the checker failed (exit $?)"; exit 2; }
  echo "$out"
  results+=("$(grep '^RESULT|' <<<"$out")")
  sed "s#^#$name/#" "$dir/findings.txt" >> "$work/all-findings.new"
done

echo "== results: project|files|lines|javac wall ms|checker wall ms|ratio|javac cpu ms|checker cpu ms|ratio|findings|plain javac errors|checker-only errors"
printf '%s\n' "${results[@]}" | tee "$work/results.txt"
sort -o "$work/all-findings.new" "$work/all-findings.new"
mv "$work/all-findings.new" "$work/all-findings.txt"

# Every finding must be triaged: triage lines are "<project>/<file>:<line>: [key] | TRUE|FALSE | why".
{ cut -d' ' -f1-2 "$work/all-findings.txt" || true; } | sort -u > "$work/found.keys"
{ grep -v -e '^#' -e '^$' "$triage" || true; } | cut -d'|' -f1 | sed 's/ *$//' | cut -d' ' -f1-2 | sort -u > "$work/triaged.keys"
if ! diff -u "$work/triaged.keys" "$work/found.keys"; then
  echo "findings differ from the hand triage in $triage (- triaged but not found, + found but not triaged)"
  exit 1
fi
echo "every finding is triaged in $triage"
echo "== triage per project and verdict (none listed: no finding)"
awk -F'|' '!/^#/ && NF>=3 { split($1, a, "/"); gsub(/ /, "", $2); n[a[1]" "$2]++ } END { for (k in n) print k, n[k] }' "$triage" | sort
