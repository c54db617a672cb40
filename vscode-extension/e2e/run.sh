#!/usr/bin/env bash
# End-to-end test of the Stowage extension in a real VS Code (code-server 4.100.3 = VS Code 1.100)
# driven through Debian's Chromium by playwright-core. Installs what it needs first (e2e/setup.sh:
# Debian packages and code-server; root or sudo needed on a fresh machine).
#   vscode-extension/e2e/run.sh                 (after ./build -pl vscode-extension -am package)
# Environment:
#   STOWAGE_VSIX        the .vsix to test (default vscode-extension/target/stowage.vsix)
#   STOWAGE_E2E_FILE    the corpus file with a stale pointer to open
#                       (default test-corpus/src/main/java/corpus/table/arena/GrowStalesOldPointer.java)
#   STOWAGE_E2E_UNOPENED_FILE  a second buggy file, never opened, that Analyze Workspace must report
#                       (default test-corpus/src/main/java/corpus/flow/BranchGrowThenUse.java)
#   STOWAGE_E2E_OUT     where screenshots and logs go (default vscode-extension/target/e2e)
#   STOWAGE_E2E_TIMEOUT whole-test time limit in seconds (default 600)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ext=$(dirname "$here")
root=$(dirname "$ext")
die() { printf '[e2e] FAILED: %s\n' "$*" >&2; exit 1; }

bash "$here/setup.sh"

export STOWAGE_VSIX=${STOWAGE_VSIX:-$ext/target/stowage.vsix}
[ -f "$STOWAGE_VSIX" ] || die "no extension package at $STOWAGE_VSIX; build it first: ./build -pl vscode-extension -am package -DskipTests"
export STOWAGE_E2E_FILE=${STOWAGE_E2E_FILE:-$root/test-corpus/src/main/java/corpus/table/arena/GrowStalesOldPointer.java}
[ -f "$STOWAGE_E2E_FILE" ] || die "the corpus file $STOWAGE_E2E_FILE is missing"
export STOWAGE_E2E_UNOPENED_FILE=${STOWAGE_E2E_UNOPENED_FILE:-$root/test-corpus/src/main/java/corpus/flow/BranchGrowThenUse.java}
[ -f "$STOWAGE_E2E_UNOPENED_FILE" ] || die "the corpus file $STOWAGE_E2E_UNOPENED_FILE is missing"
export STOWAGE_E2E_OUT=${STOWAGE_E2E_OUT:-$ext/target/e2e}
export STOWAGE_REPO_ROOT=$root
if [ ! -d "$ext/node_modules/playwright-core" ]; then
  echo "[e2e] installing the extension's npm dependencies (playwright-core among them): npm ci" >&2
  node "$ext/scripts/npm-ci-if-needed.js" >/dev/null || die "npm ci in $ext failed"
fi
# The classes the corpus file compiles against (built by the reactor before this module).
for d in "$root/runtime-stores/target/classes" "$root/analyzer/qual/target/classes"; do
  [ -d "$d" ] || die "$d is missing; build it first: ./build -pl vscode-extension -am package -DskipTests"
done
# The JDK the extension should find through JAVA_HOME (the java on PATH may be older, e.g. 17).
# shellcheck source=../../scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
STOWAGE_E2E_JAVA_HOME=$(stowage_find_jdk) || die "no JDK 25 on this machine for the language server"
export STOWAGE_E2E_JAVA_HOME

limit=${STOWAGE_E2E_TIMEOUT:-600}
cd "$ext"
# --kill-after: if the test hangs, its code-server and Chromium children are ended too (they run
# in the test's process group and are killed by its cleanup, or by this timeout).
timeout --kill-after=20 "$limit" node --test --test-concurrency=1 e2e/extension.e2e.test.mjs \
  || { rc=$?; [ $rc = 124 ] && die "the end-to-end test did not finish within ${limit}s"; exit $rc; }
