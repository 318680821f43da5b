#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages, idempotently:
# Debian's Chromium for browser tests, and axe-core + the Nu Html Checker from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests..."
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# npm: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.installed-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  # --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime; we use the machine's.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
