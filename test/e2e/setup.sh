#!/usr/bin/env bash
# Installs what the real-client end-to-end tests need, idempotently: Debian's chromium, CJK
# fonts, Neovim, Emacs + eglot, and code-server 4.100.3 (the last release that runs on Node 20)
# with the build recipe from DESIGN.md. code-server lives in a cache folder outside the clone
# (GONGWEN_E2E_CACHE, default /var/cache/gongwen-e2e) so repeated CI runs on one machine reuse it.
set -euo pipefail

CACHE=${GONGWEN_E2E_CACHE:-/var/cache/gongwen-e2e}
CS_VERSION=4.100.3
CS_DIR="$CACHE/code-server-$CS_VERSION"
STAMP="$CS_DIR/.gongwen-ready"

log() { echo "[e2e setup] $*"; }

APT_PACKAGES=(chromium fonts-wqy-zenhei neovim emacs-nox elpa-eglot ripgrep build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev time)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core is a devDependency of the repository (no browser download: Debian's chromium).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
(cd "$ROOT" && node -e "require.resolve('playwright-core')") >/dev/null 2>&1 \
  || { log "playwright-core is not installed in $ROOT/node_modules: run npm ci first"; exit 1; }
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium missing after apt-get install chromium"; exit 1; }

if [ -f "$STAMP" ]; then
  log "code-server $CS_VERSION ready in $CS_DIR"
  exit 0
fi

log "installing code-server $CS_VERSION into $CS_DIR (first run only; several minutes)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
cd "$CS_DIR"
echo '{"name":"gongwen-e2e-code-server","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION" >/dev/null
CS="$CS_DIR/node_modules/code-server"
# npm 11 blocks dependency install scripts unless package.json's allowScripts names them; the
# native modules (argon2, node-pty, …) need theirs, so approve them in this throwaway tree.
npm_approve() { npm install-scripts approve --all >/dev/null 2>&1 || true; }
npm_approve
npm rebuild argon2 >/dev/null
(cd "$CS/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null && npm_approve)
RG_BIN="$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
mkdir -p "$RG_BIN"
ln -sf "$(command -v rg)" "$RG_BIN/rg"
(cd "$CS/lib/vscode" && npm_config_yes=true npm rebuild >/dev/null 2>&1 || true)
(cd "$CS/lib/vscode" && ln -sfn node_modules node_modules.asar)
"$CS/out/node/entry.js" --version >/dev/null 2>&1 || node "$CS/out/node/entry.js" --version
touch "$STAMP"
log "code-server ready"
