#!/usr/bin/env bash
# Installs what the build needs when it is missing, then puts it on PATH.
# Sourced by tools/run and tools/test. Everything comes from the package
# registries (crates.io, npm); nothing is downloaded from elsewhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-leptos 0.3.11+ needs a newer rustc than this machine has: pin 0.3.10.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  say "Installing cargo-leptos 0.3.10 (about 25 minutes on 2 cores, once)"
  cargo install cargo-leptos@0.3.10 --locked
fi

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
WBG=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG\$"; then
  say "Installing wasm-bindgen-cli $WBG"
  # Its lock file names a crate version the registry no longer serves; fall back to a fresh resolve.
  cargo install "wasm-bindgen-cli@$WBG" --locked || cargo install "wasm-bindgen-cli@$WBG"
fi

# wasm-opt for release builds: binaryen 132 from npm. Debian's binaryen 108
# produces a wasm that silently fails to hydrate (see shared build notes).
if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q 'version 132'; then
  say "Installing binaryen 132 (wasm-opt) from npm"
  command -v npm >/dev/null || { echo "npm is required (Node.js) to install wasm-opt" >&2; exit 1; }
  npm install --prefix "$TOOLS" --no-audit --no-fund binaryen@132 >/dev/null
fi
