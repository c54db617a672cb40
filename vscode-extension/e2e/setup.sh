#!/usr/bin/env bash
# Installs what the end-to-end test needs, on a fresh Debian machine or an already prepared one:
#   - Debian packages: chromium (the browser playwright-core drives), ripgrep (code-server's search
#     binary, which its installer would otherwise download), and what code-server's native modules
#     need to build (build-essential python3 pkg-config libkrb5-dev);
#   - code-server 4.100.3 (VS Code 1.100 in the browser) from npm, into e2e/code-server/node_modules,
#     exactly as pinned by e2e/code-server/package-lock.json.
# Idempotent: what is already there is not installed again. Fails loudly, naming what is missing.
#   e2e/setup.sh            (root, or a user who can run apt-get through sudo)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log() { printf '[e2e setup] %s\n' "$*" >&2; }
die() { printf '[e2e setup] FAILED: %s\n' "$*" >&2; exit 1; }

# ---- Debian packages ---------------------------------------------------------------------------
needed_packages=(chromium ripgrep build-essential python3 pkg-config libkrb5-dev)
missing=()
for p in "${needed_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "Debian packages missing: ${missing[*]}, and apt-get is not available to install them"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "Debian packages missing: ${missing[*]}; run as root (or with sudo) to install them"
    sudo="sudo"
  fi
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after installing Debian's chromium"
[ -x /usr/bin/rg ] || die "/usr/bin/rg is missing after installing Debian's ripgrep"

# ---- Node -----------------------------------------------------------------------------------------
command -v node >/dev/null || die "node is not on PATH (code-server 4.100.3 needs Node 20)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || die "code-server 4.100.3 needs Node 20; node on PATH is $(node --version)"
command -v npm >/dev/null || die "npm is not on PATH"

# ---- code-server ----------------------------------------------------------------------------------
cs_dir="$here/code-server"
cs_bin="$cs_dir/node_modules/code-server/out/node/entry.js"
# The marker holds the lock file's checksum: a changed pin reinstalls.
lock_sum=$(sha256sum "$cs_dir/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$cs_dir/node_modules/.stowage-installed" 2>/dev/null)" = "$lock_sum" ] && [ -f "$cs_bin" ]; then
  log "code-server already installed in $cs_dir"
  exit 0
fi
log "installing code-server into $cs_dir (native modules build here; a few minutes)"
export npm_config_unsafe_perm=true        # code-server's postinstall refuses to run as root otherwise
export npm_config_nodedir=/usr            # node-gyp uses Debian's Node headers instead of downloading them
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export npm_config_yes=true              # node-pty's install runs `npx node-gyp`, which must not stop to ask
# First without install scripts, to learn which @vscode/ripgrep the nested VS Code install wants.
(cd "$cs_dir" && npm ci --ignore-scripts --no-audit --no-fund >"$cs_dir/npm-ci.log" 2>&1) \
  || die "npm ci in $cs_dir failed; see $cs_dir/npm-ci.log"
shrinkwrap="$cs_dir/node_modules/code-server/lib/vscode/npm-shrinkwrap.json"
[ -f "$shrinkwrap" ] || die "code-server's $shrinkwrap is missing"
rg_version=$(node -e '
  const s = require(process.argv[1]);
  const p = (s.packages || {})["node_modules/@vscode/ripgrep"] || (s.dependencies || {})["@vscode/ripgrep"];
  if (!p) { process.exit(1); } console.log(p.version);' "$shrinkwrap") \
  || die "cannot find @vscode/ripgrep's version in $shrinkwrap"
# @vscode/ripgrep's postinstall downloads rg from the internet unless its cache holds the tarball;
# the tag it wants is the VERSION constant of its lib/postinstall.js (read from the npm tarball).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null 2>&1 && tar xzf vscode-ripgrep-*.tgz) \
  || die "cannot fetch @vscode/ripgrep@$rg_version from npm to read its ripgrep tag"
rg_tag=$(sed -n "s/^const VERSION = '\([^']*\)'.*/\1/p" "$tmp/package/lib/postinstall.js")
[ -n "$rg_tag" ] || die "cannot read the ripgrep tag from @vscode/ripgrep@$rg_version's lib/postinstall.js"
arch=$(uname -m)
[ "$arch" = x86_64 ] || die "this script prepares ripgrep for x86_64 only; this machine is $arch"
cache_dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$rg_version"
mkdir -p "$cache_dir"
tarball="$cache_dir/ripgrep-$rg_tag-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$tarball" ]; then
  mkdir -p "$tmp/rg" && cp /usr/bin/rg "$tmp/rg/rg"
  tar czf "$tarball" -C "$tmp/rg" rg
  log "ripgrep cache prepared from Debian's rg: $tarball"
fi
# Now the install scripts (code-server's postinstall runs the nested VS Code install).
(cd "$cs_dir" && npm rebuild --foreground-scripts >"$cs_dir/npm-rebuild.log" 2>&1) \
  || die "code-server's install scripts failed; see $cs_dir/npm-rebuild.log (last lines: $(tail -5 "$cs_dir/npm-rebuild.log" | tr '\n' ' '))"
[ -f "$cs_bin" ] || die "code-server installed but $cs_bin is missing"
[ -e "$cs_dir/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
  || die "code-server installed but its ripgrep binary is missing"
echo "$lock_sum" > "$cs_dir/node_modules/.stowage-installed"
log "code-server installed: $(XDG_CONFIG_HOME="$tmp" node "$cs_bin" --version | tail -1)"
