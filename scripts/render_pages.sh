#!/usr/bin/env bash
# Render the reports of a data folder to PDF and PNG pages, to look at them as printed.
#
# Usage: scripts/render_pages.sh [DATA] [OUT] [extra lstg report options...]
#   DATA  the data folder (default: data)
#   OUT   where the files and pages go (default: pages/)
#
# Needs LibreOffice, poppler and Chromium (Debian: apt-get install
# libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils chromium fonts-liberation).
# CI does not render pages: this is for people, and `make pages` runs it.
set -euo pipefail
data=${1:-data}
out=${2:-pages}
shift $(( $# > 2 ? 2 : $# )) || true
lstg=${LSTG:-.venv/bin/lstg}
mkdir -p "$out"
for format in docx xlsx html; do
  "$lstg" report --data "$data" --province --format "$format" -o "$out/report.$format" "$@"
done
soffice --headless --convert-to pdf --outdir "$out" "$out/report.docx" >/dev/null
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$out/report.html.pdf" "$out/report.html" 2>/dev/null
for pdf in "$out/report.pdf" "$out/report.html.pdf"; do
  echo "$pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages"
done
pdftoppm -r 70 -png "$out/report.pdf" "$out/word"
pdftoppm -r 70 -png "$out/report.html.pdf" "$out/html"

soffice --headless --convert-to pdf:calc_pdf_Export --outdir "$out/xlsx" "$out/report.xlsx" >/dev/null
pdftoppm -r 70 -png "$out/xlsx/report.pdf" "$out/excel"
echo "pages in $out/: word-*.png, excel-*.png, html-*.png"
