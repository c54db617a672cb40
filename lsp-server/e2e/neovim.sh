#!/usr/bin/env bash
# End-to-end check with a real LSP client: headless Neovim (0.7, Debian's) starts the built server
# through lsp-server/bin/stowage-lsp, opens a corpus file, and must show every diagnostic the file's
# `// :: error: [key]` lines expect (key as the diagnostic's code, on the line after the comment).
# Installs neovim with apt-get when it is missing. Exit 0 = the diagnostics appeared.
#   lsp-server/e2e/neovim.sh [server-jar] [corpus-file]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${1:-}
if [ -z "$jar" ]; then for j in "$root"/lsp-server/target/stowage-lsp-*-all.jar; do jar=$j; done; fi
file=${2:-$root/test-corpus/src/main/java/corpus/flow/BranchGrowThenUse.java}
[ -f "$jar" ] || { echo "neovim e2e: server jar '$jar' not found; build with ./build -pl lsp-server -am package" >&2; exit 1; }
[ -f "$file" ] || { echo "neovim e2e: corpus file '$file' not found" >&2; exit 1; }

if ! command -v nvim >/dev/null 2>&1; then
  echo "neovim e2e: installing neovim (apt-get)" >&2
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  "${apt_get[@]}" install -y -q neovim >/dev/null 2>&1 || { "${apt_get[@]}" update -q >/dev/null 2>&1 && "${apt_get[@]}" install -y -q neovim >/dev/null; } \
    || { echo "neovim e2e: could not install neovim with apt-get" >&2; exit 1; }
fi

# What the corpus is compiled against: the runtime and the qualifiers (jars, else class folders).
cp_entries=()
for pattern in "$root/runtime-stores/target/stowage-runtime-*.jar" "$root/analyzer/qual/target/stowage-qual-*.jar"; do
  found=""
  for j in $pattern; do case "$j" in *-sources.jar|*-javadoc.jar) ;; *) [ -f "$j" ] && found=$j ;; esac; done
  if [ -z "$found" ]; then
    dir=$(dirname "$pattern" | sed 's#/target$#/target/classes#')
    [ -d "$dir" ] && found=$dir
  fi
  [ -n "$found" ] || { echo "neovim e2e: nothing matches $pattern; build the runtime and qualifiers first" >&2; exit 1; }
  cp_entries+=("$found")
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/e2e.lua" <<'LUA'
local launcher, root, cp = os.getenv("STOWAGE_E2E_LAUNCHER"), os.getenv("STOWAGE_E2E_ROOT"), os.getenv("STOWAGE_E2E_CP")
local classpath = vim.split(cp, ":", { plain = true })
local buf = vim.api.nvim_get_current_buf()
local expected = {}
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local key = line:match("//%s*::%s*error:%s*%[([%w%.]+)%]")
  if key then table.insert(expected, { line = i + 1, key = key }) end
end
local exited = nil
local id = vim.lsp.start_client({
  name = "stowage",
  cmd = { launcher },
  root_dir = root,
  init_options = { stowage = { classpath = classpath } },
  on_exit = function(code) exited = code end,
})
if not id then io.stderr:write("could not start the server\n"); vim.cmd("cquit 2") end
vim.lsp.buf_attach_client(buf, id)
local function stowage_diagnostics()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "stowage" then table.insert(out, d) end
  end
  return out
end
local ok = vim.wait(180000, function() return #stowage_diagnostics() >= math.max(1, #expected) or exited ~= nil end, 100)
local got = stowage_diagnostics()
for _, d in ipairs(got) do
  io.stdout:write(string.format("%s:%d:%d: [%s] %s\n", vim.fn.expand("%:t"), d.lnum + 1, d.col + 1, tostring(d.code), d.message))
end
local missing = 0
for _, e in ipairs(expected) do
  local found = false
  for _, d in ipairs(got) do if d.lnum + 1 == e.line and d.code == e.key then found = true end end
  if not found then missing = missing + 1; io.stderr:write(string.format("missing: [%s] on line %d\n", e.key, e.line)) end
end
vim.lsp.stop_client(id)
if not ok or #got == 0 or missing > 0 then
  io.stderr:write(string.format("neovim e2e FAILED: %d stowage diagnostics, %d expected ones missing, server exit %s\n", #got, missing, tostring(exited)))
  vim.cmd("cquit 1")
end
io.stdout:write(string.format("neovim e2e OK: %d expected diagnostics shown\n", #expected))
vim.cmd("qall!")
LUA
export STOWAGE_E2E_LAUNCHER="$root/lsp-server/bin/stowage-lsp" STOWAGE_E2E_ROOT="$root" STOWAGE_LSP_JAR="$jar"
STOWAGE_E2E_CP=$(IFS=:; echo "${cp_entries[*]}")
export STOWAGE_E2E_CP
cd "$root"
timeout 300 nvim --headless --clean -n -c "luafile $work/e2e.lua" "$file" 2> "$work/nvim.err" < /dev/null || {
  status=$?
  cat "$work/nvim.err" >&2
  echo "neovim e2e: nvim ended with $status" >&2
  exit 1
}
cat "$work/nvim.err" >&2
