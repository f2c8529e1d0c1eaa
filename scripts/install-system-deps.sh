#!/usr/bin/env bash
# Debian packages the tests need: Chromium (headless browser tests of the review page and digest HTML) and
# poppler-utils (pdftotext: `planwatch plan import` reads a signed plan's PDF text layer).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: need root to apt-get install chromium poppler-utils (or install them yourself)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils >/dev/null
