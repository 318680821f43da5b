#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages, idempotently:
# Debian's Chromium for browser tests, Debian's Tesseract with English, Russian and Korean data
# (OCR of scanned PDFs, knowledge/extraction.py) and a font with Cyrillic and Hangul to draw
# the scanned pages the OCR tests read; GNU gettext for the catalogue test; axe-core + the Nu
# Html Checker from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests..."
  apt_install chromium
fi

# `make run` does not need it: without tesseract a scanned PDF is flagged instead of read.
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx rus \
  || ! tesseract --list-langs 2>/dev/null | grep -qx kor; then
  echo "Installing Debian's Tesseract (English, Russian, Korean) for the OCR tests..."
  apt_install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-kor
fi
if [ ! -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ]; then
  echo "Installing Debian's Nanum fonts (Hangul and Cyrillic) for the OCR tests..."
  apt_install fonts-nanum
fi
# The page-search tests draw Latin and Cyrillic text layers with DejaVu Sans.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "Installing Debian's DejaVu fonts for the document-search tests..."
  apt_install fonts-dejavu-core
fi

# GNU gettext: the catalogue test extracts the interface strings as `make messages` does.
if ! command -v xgettext >/dev/null 2>&1 || ! command -v msgmerge >/dev/null 2>&1; then
  echo "Installing Debian's gettext for the catalogue test..."
  apt_install gettext
fi

# npm: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.installed-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  # --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime; we use the machine's.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
