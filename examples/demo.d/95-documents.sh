#!/usr/bin/env bash
# demo step: papers that leave the office — 計算書 as PDF and Excel, written under a temporary folder.
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 計算書 (PDF / Excel) =="
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/saiken-demo.XXXXXX")"
run damages --principal 65万 --rate 18% --from 2017-08-21 --to 2026-12-01 --payment 2019-09-30:5万 --format pdf --output "$out/遅延損害金計算書.pdf"
run kabarai "$here/kabarai/ref-8-1.csv" --as-of 2008-01-16 --format xlsx --output "$out/引き直し計算書.xlsx"
echo
echo "written under $out:"
ls -l "$out" | tail -n +2
