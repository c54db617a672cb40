#!/usr/bin/env bash
# Prints the home of a JDK >= 25, looked for where users keep JDKs, or fails with one line saying
# what to install. Order: STOWAGE_JAVA_HOME, JAVA_HOME, JDK_HOME, the JDK of `java` on PATH, then
# the usual install folders (Debian/Ubuntu /usr/lib/jvm, /usr/local, /opt, SDKMAN, asdf, macOS).
# Source it for the function, or run it to print the path.
set -u

stowage_jdk_feature() {   # the feature version (25 for 25.0.1) of the JDK at $1, or nothing
  local home=$1 line
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    line=$(grep -m1 '^JAVA_VERSION=' "$home/release" | sed 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}/\1/')
  else
    line=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  line=${line#1.}
  printf '%s\n' "${line%%[.+-]*}"
}

stowage_find_jdk() {
  local min=${STOWAGE_MIN_JDK:-25} candidate feature seen=""
  local candidates=()
  [ -n "${STOWAGE_JAVA_HOME:-}" ] && candidates+=("$STOWAGE_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  [ -n "${JDK_HOME:-}" ] && candidates+=("$JDK_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local d
  for d in /usr/lib/jvm/* /usr/local/lib/jvm/* /usr/local/*jdk* /opt/*jdk* /opt/java/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.asdf/installs/java/* "$HOME"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_feature=0
  for candidate in "${candidates[@]}"; do
    candidate=$(readlink -f "$candidate" 2>/dev/null || printf '%s' "$candidate")
    case " $seen " in *" $candidate "*) continue ;; esac
    seen="$seen $candidate"
    feature=$(stowage_jdk_feature "$candidate") || continue
    [ -n "$feature" ] || continue
    # The first candidate that is new enough wins: the user's own choice comes first.
    if [ "$feature" -ge "$min" ] 2>/dev/null; then best=$candidate; best_feature=$feature; break; fi
  done
  if [ -z "$best" ]; then
    echo "stowage: no JDK $min or newer found (looked at STOWAGE_JAVA_HOME, JAVA_HOME, JDK_HOME, PATH, /usr/lib/jvm, /opt, SDKMAN); install one (e.g. Temurin $min) or set JAVA_HOME to it" >&2
    return 1
  fi
  printf '%s\n' "$best"
}

# The JVM flags of a JVM that runs javac in-process with the Stowage checker when it is started with
# -cp (the benchmarks): javac's internals, as StowageAnalyzer.REQUIRED_JVM_FLAGS lists them, and
# native access for the stores. `java -jar` on the gate's or the server's jar needs none of them:
# the jars' manifests carry them (Add-Exports, Add-Opens, Enable-Native-Access).
STOWAGE_ENGINE_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED)
for stowage_javac_package in api code file main model parser processing tree util; do
  STOWAGE_ENGINE_JVM_FLAGS+=("--add-exports=jdk.compiler/com.sun.tools.javac.$stowage_javac_package=ALL-UNNAMED")
done
STOWAGE_ENGINE_JVM_FLAGS+=(--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED)
unset stowage_javac_package

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  stowage_find_jdk
fi
