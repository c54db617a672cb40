#!/usr/bin/env bash
# The checker on users' code of Netty, LWJGL and Arrow (issue 13; the FFM evaluation is scripts/eval-real.sh):
# pinned source jars from Maven Central, compiled against their declared dependencies with plain javac and
# with the checker (same JVM), every finding compared with the hand triage in docs/evaluation/triage-libs.txt.
#   scripts/eval-real-libs.sh            # REPS=3 measured pairs per project
#   REPS=1 scripts/eval-real-libs.sh     # quicker
#   ONLY='lettuce|reactor' REPS=1 WARMUP=0 scripts/eval-real-libs.sh   # some projects only
# Exit status: 0 when every finding is triaged and no triaged finding disappeared; 1 otherwise (the
# difference is printed); 2/3 when the checker crashed or gave a javac error plain javac did not; 4 when
# plain javac does not compile a project's sources (its classpath lacks an optional dependency).
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

# name | groupId:artifactId:version | optional dependencies its sources need (comma-separated) |
# (a leading "!" replaces the project's declared dependencies by those) | the files to check (a regular expression on the path inside the sources jar, with "," for
# alternation since "|" separates the fields; empty: all of them; when set, the rest of the project comes from its own jar on the classpath) | its role
# The project's declared dependencies, plus the optional ones named, form the classpath. Roles: "user"
# (code that uses a modelled library); "pre-fix"/"post-fix" (the release just before / with the fix of a
# real bug cited in docs/evaluation-libs.md: the triage says whether the bug is found at its line).
rn_extras=io.projectreactor.addons:reactor-pool:1.0.7,io.micrometer:micrometer-core:1.12.9,io.micrometer:micrometer-tracing:1.2.9,io.micrometer:context-propagation:1.1.1,io.netty.incubator:netty-incubator-transport-classes-io_uring:0.0.25.Final,io.netty:netty-transport-classes-kqueue:4.1.111.Final
lt_extras=org.apache.commons:commons-pool2:2.9.0,org.jetbrains.kotlin:kotlin-stdlib:1.4.32,org.jetbrains.kotlinx:kotlinx-coroutines-reactive:1.4.3,org.jetbrains.kotlinx:kotlinx-coroutines-jdk8:1.4.3,io.netty:netty-resolver-dns:4.1.75.Final,io.netty:netty-transport-classes-epoll:4.1.75.Final,io.netty:netty-transport-classes-kqueue:4.1.75.Final,io.netty.incubator:netty-incubator-transport-classes-io_uring:0.0.13.Final,io.zipkin.brave:brave:5.13.7,org.latencyutils:LatencyUtils:2.0.3,io.micrometer:micrometer-core:1.6.13,org.hdrhistogram:HdrHistogram:2.1.12,io.reactivex:rxjava:1.3.8,io.reactivex:rxjava-reactive-streams:1.2.1,io.reactivex.rxjava2:rxjava:2.2.21,io.reactivex.rxjava3:rxjava:3.0.13,javax.enterprise:cdi-api:2.0.SP1,javax.inject:javax.inject:1,com.google.code.findbugs:jsr305:3.0.2
projects=(
  "netty-codec-http|io.netty:netty-codec-http:4.1.118.Final|com.jcraft:jzlib:1.1.3,com.aayushatharva.brotli4j:brotli4j:1.16.0,com.github.luben:zstd-jni:1.5.5-11||user"
  "r2dbc-postgresql|org.postgresql:r2dbc-postgresql:1.0.7.RELEASE|com.google.code.findbugs:jsr305:3.0.2,org.locationtech.jts:jts-core:1.19.0||user"
  "arrow-algorithm|org.apache.arrow:arrow-algorithm:18.3.0|||user"
  "arrow-jdbc|org.apache.arrow:arrow-jdbc:18.3.0|||user"
  "gdx-backend-lwjgl3|com.badlogicgames.gdx:gdx-backend-lwjgl3:1.14.2|||user"
  # Netty's own examples (echo, HTTP, HTTP/2, WebSocket, proxies, ...): its pom names a native library by an
  # OS classifier that does not resolve here, so netty-all and the examples' optional libraries stand in
  "netty-example|io.netty:netty-example:4.1.118.Final|!io.netty:netty-all:4.1.118.Final,com.google.protobuf:protobuf-java:2.6.1,org.jboss.marshalling:jboss-marshalling:1.4.11.Final,com.jcraft:jzlib:1.1.3,io.netty:netty-tcnative-classes:2.0.70.Final,org.bouncycastle:bcpkix-jdk15on:1.69,javax.activation:activation:1.1.1,com.barchart.udt:barchart-udt-bundle:2.3.0||user"
  # Netty's base codecs: decoders, encoders, compression (its optional compression and serialization libraries)
  "netty-codec|io.netty:netty-codec:4.1.118.Final|com.jcraft:jzlib:1.1.3,org.lz4:lz4-java:1.8.0,com.ning:compress-lzf:1.0.3,com.github.luben:zstd-jni:1.5.5-11,com.aayushatharva.brotli4j:brotli4j:1.16.0,com.google.protobuf:protobuf-java:2.6.1,com.google.protobuf.nano:protobuf-javanano:3.0.0-alpha-5,org.jboss.marshalling:jboss-marshalling:1.4.11.Final,com.github.jponge:lzma-java:1.3||user"
  # Netty's smaller protocol codecs and its proxy handlers
  "netty-codec-dns|io.netty:netty-codec-dns:4.1.118.Final|||user"
  "netty-codec-haproxy|io.netty:netty-codec-haproxy:4.1.118.Final|||user"
  "netty-codec-memcache|io.netty:netty-codec-memcache:4.1.118.Final|||user"
  "netty-codec-mqtt|io.netty:netty-codec-mqtt:4.1.118.Final|||user"
  "netty-codec-redis|io.netty:netty-codec-redis:4.1.118.Final|||user"
  "netty-codec-smtp|io.netty:netty-codec-smtp:4.1.118.Final|||user"
  "netty-codec-socks|io.netty:netty-codec-socks:4.1.118.Final|||user"
  "netty-codec-stomp|io.netty:netty-codec-stomp:4.1.118.Final|||user"
  "netty-handler-proxy|io.netty:netty-handler-proxy:4.1.118.Final|||user"
  # Netty's HTTP/2 codec: frames, flow control, compression; retain/release balanced inside its own methods
  "netty-codec-http2|io.netty:netty-codec-http2:4.1.118.Final|com.aayushatharva.brotli4j:brotli4j:1.16.0||user"
  # gRPC's Netty transport: frames, message framers and deframers on ByteBuf
  "grpc-netty|io.grpc:grpc-netty:1.68.1|||user"
  # Netty's own handlers that move buffers (flow control, flush consolidation, logging, pcap, chunked
  # writes, traffic shaping, idle, IP filters); the TLS packages need native and optional providers and come from the jar
  "netty-handler|io.netty:netty-handler:4.1.118.Final||^io/netty/handler/(flow,flush,logging,pcap,stream,timeout,traffic,ipfilter,address)/|user"
  # an HTTP client on Netty (request bodies, chunked uploads, WebSocket frames); the other transports are optional
  "async-http-client|org.asynchttpclient:async-http-client:3.0.1|io.netty:netty-transport-classes-epoll:4.1.115.Final,io.netty:netty-transport-classes-kqueue:4.1.115.Final,io.netty.incubator:netty-incubator-transport-classes-io_uring:0.0.25.Final||user"
  # Arrow Flight: record batches over gRPC, vectors and ArrowBufs to and from Netty buffers
  "flight-core|org.apache.arrow:flight-core:18.3.0|||user"
  "arrow-c-data|org.apache.arrow:arrow-c-data:18.3.0|||user"
  # LWJGL's own GLFW binding: generated code that allocates on the MemoryStack around nearly every call
  "lwjgl-glfw|org.lwjgl:lwjgl-glfw:3.3.6|org.jspecify:jspecify:1.0.0,org.lwjgl:lwjgl-opengl:3.3.6,org.lwjgl:lwjgl-egl:3.3.6,org.lwjgl:lwjgl-vulkan:3.3.6,org.lwjgl:lwjgl-opengles:3.3.6||user"
  # its optional dependencies (metrics, tracing, pooling, the other transports) are not in its published pom
  "reactor-netty-core-1.1.21|io.projectreactor.netty:reactor-netty-core:1.1.21|$rn_extras||pre-fix"
  "reactor-netty-core-1.1.22|io.projectreactor.netty:reactor-netty-core:1.1.22|$rn_extras||post-fix"
  # the release redis/lettuce#2110 was reported on (its optional dependencies: pooling, Kotlin, RxJava,
  # tracing, metrics, the other transports, CDI)
  "lettuce-core|io.lettuce:lettuce-core:6.1.8.RELEASE|$lt_extras||user"
)
# ONLY=<regular expression on the name> runs those projects alone (the triage is compared for them only)
ONLY=${ONLY:-}

echo "== building the checker and the evaluation harness"
./build -q -pl test-corpus -am test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/eval-classpath.txt -Dmdep.includeScope=test
harness_cp="test-corpus/target/test-classes:test-corpus/target/classes:$(cat test-corpus/target/eval-classpath.txt)"

results=()
ran=()
crashed=()
for entry in "${projects[@]}"; do
  IFS='|' read -r name gav extras include role <<<"$entry"
  include=${include//,/|} # "|" separates the fields, so a "," in the files' expression stands for it
  if [ -n "$ONLY" ] && ! grep -q -E "$ONLY" <<<"$name"; then continue; fi
  ran+=("$name")
  IFS=: read -r group artifact version <<<"$gav"
  dir="$work/$name"
  rm -rf "$dir/src"; mkdir -p "$dir/src"
  echo "== $name: fetching $gav sources and its declared dependencies"
  ./build -q -N dependency:copy -Dartifact="$gav:jar:sources" -DoutputDirectory="$dir" -Dmdep.overWriteReleases=false >/dev/null
  exclusions=""
  if [ "${extras:0:1}" = "!" ]; then # "!": the project's own declared dependencies are not resolvable; the extras replace them
    extras=${extras:1}
    exclusions="<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>"
  fi
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>eval</groupId><artifactId>$name</artifactId><version>0</version>
  <dependencies><dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version>$exclusions</dependency>
$(for x in ${extras//,/ }; do IFS=: read -r g a v <<<"$x"; echo "    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"; done)
  </dependencies>
</project>
POM
  mvn -B -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile=classpath.txt >/dev/null
  (cd "$dir/src" && jar xf "../$artifact-$version-sources.jar")
  find "$dir/src" -name module-info.java -delete
  if [ -n "$include" ]; then
    # only the files to check; the rest of the project comes from its jar, which stays on the classpath
    (cd "$dir/src" && find . -name '*.java' | sed 's#^\./##' | { grep -v -E "$include" || true; } | xargs -r rm -f)
    cp=$(cat "$dir/classpath.txt")
  else
    # the project's own classes come from its sources, not from its jar on the classpath
    cp=$(tr ':' '\n' < "$dir/classpath.txt" | grep -v "/$artifact-$version.jar" | paste -sd: -)
  fi
  rm -f "$dir/findings.txt"
  status=0
  out=$(java "${STOWAGE_ENGINE_JVM_FLAGS[@]}" -Xmx3g --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$harness_cp" \
      dev.stowage.corpus.bench.RealCodeEvaluation --name "$name" --sources "$dir/src" --classpath "$cp" \
      --findings "$dir/findings.txt" --reps "$REPS" --warmup "$WARMUP") || status=$?
  echo "$out"
  # 2: the checker threw; 3: it reported an error plain javac did not (the Checker Framework reports its
  # own crashes that way). Either is a crash: counted, printed, and the script fails at the end, after the
  # other projects ran (the findings of the classes it did check are still compared with the triage).
  if [ "$status" -ne 0 ]; then
    echo "$name: the checker crashed (exit $status)"
    crashed+=("$name")
    [ -f "$dir/findings.txt" ] || { touch "$dir/findings.txt"; continue; }
  fi
  result=$(grep '^RESULT|' <<<"$out")
  results+=("$result")
  # a source that does not compile plainly is not checked either: its classpath is incomplete (name the
  # optional dependency it needs in the project's entry)
  if [ "$(cut -d'|' -f12 <<<"$result")" != 0 ]; then echo "$name: plain javac reports errors"; exit 4; fi
  sed "s#^#$name/#" "$dir/findings.txt" >> "$work/all-findings.new"
done

echo "== results: project|files|lines|javac wall ms|checker wall ms|ratio|javac cpu ms|checker cpu ms|ratio|findings|plain javac errors|checker-only errors"
printf '%s\n' "${results[@]}" | tee "$work/results.txt"
sort -o "$work/all-findings.new" "$work/all-findings.new"
mv "$work/all-findings.new" "$work/all-findings.txt"

# Every finding must be triaged: triage lines are "<project>/<file>:<line>: [key] | TRUE|FALSE | why".
ran_re="^($(IFS='|'; echo "${ran[*]}"))/"
{ cut -d' ' -f1-2 "$work/all-findings.txt" || true; } | sort -u > "$work/found.keys"
{ grep -v -e '^#' -e '^$' "$triage" || true; } | cut -d'|' -f1 | sed 's/ *$//' | cut -d' ' -f1-2 \
  | { grep -E "$ran_re" || true; } | sort -u > "$work/triaged.keys"
differs=0
if ! diff -u "$work/triaged.keys" "$work/found.keys"; then
  echo "findings differ from the hand triage in $triage (- triaged but not found, + found but not triaged)"
  differs=1
else
  echo "every finding is triaged in $triage"
fi
echo "== triage per project and verdict (none listed: no finding)"
awk -F'|' '!/^#/ && NF>=3 { split($1, a, "/"); gsub(/ /, "", $2); n[a[1]" "$2]++ } END { for (k in n) print k, n[k] }' "$triage" | sort
if [ "${#crashed[@]}" -gt 0 ]; then echo "the checker crashed on: ${crashed[*]}"; exit 2; fi
exit "$differs"
