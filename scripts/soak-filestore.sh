#!/usr/bin/env bash
# Crash-injection soak for FileStore: kills a child JVM doing random FileStore operations with SIGKILL
# KILLS times (default 500) and checks the file after each kill (FileStoreCrashTest).
# Usage: scripts/soak-filestore.sh [kills] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-500}"
seed_arg=()
if [[ $# -ge 2 ]]; then seed_arg=("-Dfilestore.crash.seed=$2"); fi
exec ./build -q -pl runtime-stores -am test -Dtest=FileStoreCrashTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfilestore.crash.kills="$kills" "${seed_arg[@]}"
