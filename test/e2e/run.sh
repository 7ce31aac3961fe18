#!/usr/bin/env bash
# Real-client end-to-end tests (issue 6): `npm run test:e2e`.
#
#   1. setup.sh (idempotent: chromium, CJK fonts, Neovim, Emacs + eglot, code-server 4.100.3);
#   2. build (esbuild + tsc) and `npm run package` → the .vsix;
#   3. code-server on 127.0.0.1:<free port> with fresh user-data, extensions and XDG dirs under a
#      temp folder, the .vsix installed with --install-extension;
#      a. vscode-suite: the @vscode/test-electron suite (test/vscode/suite) run for real in
#         code-server's extension host through the workbench `payload` URL;
#      b. vscode-workbench: Playwright drives the workbench (squiggles, Problems panel vs the CLI,
#         hover, Ctrl+. quick fix, fix all by command and on save, gongwen.rules, Markdown code);
#   4. neovim: Neovim 0.7.2 headless over stdio (byte columns after CJK and 𠮷, quick fix);
#   5. emacs: Emacs 28 + eglot batch (diagnostics, quick fix).
# Every layer ends with a plain `N passed, N failed` line (a CI script sums those lines); this
# script's own total is written `e2e total: passed=N failed=N` so that it is not counted twice. A
# setup/build failure prints `0 passed, 1 failed`. Exit 1 when any layer failed or did not report.
#
# Env: GONGWEN_E2E_LAYERS  layers to run, default "vscode-suite vscode-workbench neovim emacs"
#      GONGWEN_E2E_SKIP_BUILD=1  reuse dist/, out/ and the .vsix of a previous run
#      GONGWEN_E2E_KEEP=1   keep the temp folder (logs, workspaces) for inspection
# Screenshots and logs: test/e2e/artifacts/ (git-ignored), emptied at the start of a run.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
ART="$ROOT/test/e2e/artifacts"
LAYERS=${GONGWEN_E2E_LAYERS:-"vscode-suite vscode-workbench neovim emacs"}
CACHE=${GONGWEN_E2E_CACHE:-/var/cache/gongwen-e2e}
CS_ENTRY="$CACHE/code-server-4.100.3/node_modules/code-server/out/node/entry.js"
T0=$(date +%s)

log() { echo "[e2e] $*"; }
die() { echo "[e2e] $*" >&2; echo "0 passed, 1 failed"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-e2e-XXXXXX")
CS_PID=
cleanup() {
  local rc=$?
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    # code-server was started with setsid: its PID is its process group (extension host, server…).
    kill -TERM -- "-$CS_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null
  fi
  if [ "${GONGWEN_E2E_KEEP:-}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$ART"
mkdir -p "$ART"

# ------------------------------------------------------------------ setup and build
bash "$ROOT/test/e2e/setup.sh" || die "setup.sh failed"
if [ "${GONGWEN_E2E_SKIP_BUILD:-}" != 1 ]; then
  log "build: esbuild + tsc + package"
  node esbuild.mjs >"$ART/build.log" 2>&1 || die "esbuild failed (see $ART/build.log)"
  npx tsc -p . >>"$ART/build.log" 2>&1 || log "tsc reported type errors (JS still emitted; see $ART/build.log)"
  npm run --silent package >>"$ART/build.log" 2>&1 || die "npm run package failed (see $ART/build.log)"
fi
VSIX=$(ls -t "$ROOT"/gongwen-lint-*.vsix 2>/dev/null | head -1)
[ -f "$VSIX" ] || die "no .vsix found after npm run package"
[ -f "$ROOT/out/test/vscode/suite/index.js" ] || die "out/test/vscode/suite/index.js missing (tsc -p .)"
log "build done in $(( $(date +%s) - T0 )) s: $(basename "$VSIX")"

TOTAL_P=0
TOTAL_F=0
SUMMARY=()
# Runs one layer, tees its output to artifacts/<name>.log and adds its final count line.
layer() {
  local name=$1; shift
  case " $LAYERS " in *" $name "*) ;; *) return 0 ;; esac
  local t=$(date +%s)
  log "layer $name"
  "$@" 2>&1 | tee "$ART/$name.log"
  local rc=${PIPESTATUS[0]}
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$ART/$name.log" | tail -1)
  local p=0 f=0
  if [ -n "$line" ]; then
    p=${line%% passed*}
    f=${line#*passed, }; f=${f%% failed}
  fi
  if [ -z "$line" ] || { [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; }; then
    echo "[e2e] layer $name exited $rc without a failure count: counted as 1 failure"
    f=$((f + 1))
  fi
  TOTAL_P=$((TOTAL_P + p)); TOTAL_F=$((TOTAL_F + f))
  SUMMARY+=("$(printf '%-17s passed=%-3d failed=%-2d %4d s' "$name" "$p" "$f" $(( $(date +%s) - t )))")
}

# ------------------------------------------------------------------ code-server
start_code_server() {
  [ -f "$CS_ENTRY" ] || die "code-server not installed at $CS_ENTRY"
  export XDG_CONFIG_HOME="$TMP/xdg/config" XDG_DATA_HOME="$TMP/xdg/data" XDG_CACHE_HOME="$TMP/xdg/cache" XDG_STATE_HOME="$TMP/xdg/state"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$TMP/user-data/User" "$TMP/extensions"
  cat >"$TMP/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.ignoreRecommendations": true,
  "extensions.autoUpdate": false,
  "editor.minimap.enabled": false,
  "editor.hover.delay": 300,
  "files.autoSave": "off",
  "security.workspace.trust.enabled": false
}
JSON
  node "$CS_ENTRY" --extensions-dir "$TMP/extensions" --user-data-dir "$TMP/user-data" --install-extension "$VSIX" >"$ART/code-server-install.log" 2>&1 \
    || die "code-server --install-extension failed (see $ART/code-server-install.log)"
  PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  export GONGWEN_TEST_RESULT="$TMP/suite-result.json" # inherited by the extension host
  setsid node "$CS_ENTRY" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --extensions-dir "$TMP/extensions" --user-data-dir "$TMP/user-data" \
    >"$ART/code-server.log" 2>&1 &
  CS_PID=$!
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    kill -0 "$CS_PID" 2>/dev/null || die "code-server exited at start (see $ART/code-server.log)"
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 || die "code-server did not answer on port $PORT"
  log "code-server pid $CS_PID on 127.0.0.1:$PORT"
  export GONGWEN_E2E_PORT=$PORT GONGWEN_E2E_ROOT=$ROOT GONGWEN_E2E_ARTIFACTS=$ART GONGWEN_E2E_TMP=$TMP
  export GONGWEN_E2E_WS="$TMP/ws-suite" GONGWEN_E2E_WS2="$TMP/ws-workbench"
  mkdir -p "$GONGWEN_E2E_WS"
}

# When a VS Code layer failed or retried a test, show what the language client logged (errors of
# requests, server restarts): the artifacts folder does not survive a CI run, this output does.
show_client_log() {
  grep -qE '^  (FAIL|RETRY)' "$ART/$1.log" 2>/dev/null || return 0
  local f
  for f in "$TMP"/user-data/logs/*/exthost*/gongwen-lint.gongwen-lint/*.log; do
    [ -s "$f" ] || { echo "  --- $1: no extension log or an empty one (the client logged no error and no server restart)"; continue; }
    cp "$f" "$ART/$1-client.log"
    echo "  --- $1: last 40 lines of the extension's log ($f)"
    tail -40 "$f" | sed 's/^/  | /'
  done
}

case " $LAYERS " in *" vscode-"*) start_code_server ;; esac
# (hard limits; each script has its own shorter timeouts and prints its failures before these)
layer vscode-suite timeout 420 node "$ROOT/test/e2e/vscode/run-suite.mjs"
show_client_log vscode-suite
layer vscode-workbench timeout 720 node "$ROOT/test/e2e/vscode/workbench.mjs"
show_client_log vscode-workbench

# ------------------------------------------------------------------ other editors
layer neovim env GONGWEN_E2E_TMP="$TMP/nvim" GONGWEN_SERVER="$ROOT/dist/server.js" \
  timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/e2e/nvim/test.lua"
layer emacs env GONGWEN_E2E_TMP="$TMP/emacs" GONGWEN_SERVER="$ROOT/dist/server.js" \
  timeout 180 emacs -Q --batch -l "$ROOT/test/e2e/emacs/test.el"

# ------------------------------------------------------------------ summary
echo
echo "e2e layers (artifacts: $ART):"
for s in "${SUMMARY[@]}"; do echo "  $s"; done
echo "e2e took $(( $(date +%s) - T0 )) s"
# The repository's fixtures are never edited (the layers work on copies in $TMP): prove it.
if ! git -C "$ROOT" diff --quiet -- examples test/fixtures; then
  echo "[e2e] examples/ or test/fixtures/ changed during the run"
  echo "0 passed, 1 failed"
  TOTAL_F=$((TOTAL_F + 1))
fi
echo "e2e total: passed=$TOTAL_P failed=$TOTAL_F"
[ "$TOTAL_F" -eq 0 ] && [ "$TOTAL_P" -gt 0 ]
