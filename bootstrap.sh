#!/usr/bin/env bash
# Sets up everything pbxdoc needs on a fresh Debian machine (Python 3.11+), then either builds the
# bundled example (./bootstrap.sh build) or runs the test suite (./bootstrap.sh test).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-build}"
case "$mode" in build|test) ;; *) echo "usage: ./bootstrap.sh build|test" >&2; exit 2 ;; esac

# System packages: graphviz and librsvg (rsvg-convert) for diagrams, Liberation fonts for their labels,
# pango/harfbuzz and fonts for weasyprint PDFs;
# for the tests also poppler (pdftotext, pdffonts, pdftoppm), qpdf (checks the PDF structure),
# chromium (browser tests), LibreOffice Calc (opens the workbook) and Node.js/npm (axe-core
# accessibility checks). tests/unit/test_bootstrap.py keeps these lists in step with the programs run.
packages=(graphviz librsvg2-bin fonts-dejavu-core fonts-liberation libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 shared-mime-info)
if [ "$mode" = test ]; then
  packages+=(bash poppler-utils qpdf chromium libreoffice-calc-nogui nodejs npm)
fi
python="${PYTHON:-python3}"
# Debian's python3 has the venv module but not ensurepip, without which `-m venv` cannot create .venv.
"$python" -c 'import ensurepip' >/dev/null 2>&1 || packages+=(python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "$mode" = test ] && command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing system packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Python environment, pinned by constraints.txt.
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
extras=""; [ "$mode" = test ] && extras="[test]"
.venv/bin/python -m pip install -q -c constraints.txt -e ".${extras}"

if [ "$mode" = build ]; then
  .venv/bin/pbxdoc build -o build
  echo "done: open build/site/index.html (or serve it: .venv/bin/pbxdoc serve)"
else
  if [ -f tests/browser/package.json ]; then
    npm ci --prefix tests/browser --no-audit --no-fund --silent
  fi
  .venv/bin/python -m pytest -n 2 -q "${@:2}"
fi
