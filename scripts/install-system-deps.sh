#!/usr/bin/env bash
# Debian packages the tests need:
#   chromium, fonts-dejavu-core  headless browser tests of the review page and the digest HTML
#   libreoffice-writer-nogui     planwatch evidence: the PDF twin of the docx report (headless conversion)
#   fonts-liberation2            Liberation Serif 2.x: metric-compatible with Times New Roman, with the
#                                Vietnamese glyphs (the 1.x fonts-liberation lacks them)
#   poppler-utils                pdftoppm / pdftotext / pdffonts: the evidence tests read the PDF back
#   postgresql                   a DuckLake catalog in PostgreSQL (tests/scale/test_lake_postgres.py starts a
#                                throw-away server on 127.0.0.1 as the package's postgres user)
# Installs only what is missing, so a machine that already has chromium still gets the newer packages.
set -euo pipefail
PACKAGES=(chromium fonts-dejavu-core libreoffice-writer-nogui fonts-liberation2 poppler-utils postgresql)
missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: need root to apt-get install ${missing[*]} (or install them yourself)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
