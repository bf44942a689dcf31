#!/usr/bin/env bash
# demo step: papers that leave the office — a 消滅時効援用通知書 on the 内容証明 grid, 請求の趣旨,
# and 計算書 as PDF and Excel, written under a temporary folder.
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

here="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/saiken-demo.XXXXXX")"
matter="$here/cases/matter-sato.toml"

echo "== 消滅時効援用通知書 (saiken draft enyou; 横書き 1行26字・20行, pages split by a form feed) =="
run draft enyou "$matter" --debt 1 --date 2026-12-01 | tr '\f' '\n'
run draft enyou "$matter" --debt 1 --date 2026-12-01 --layout tate-20x26 --format pdf --output "$out/援用通知書-縦書き.pdf"
echo
echo "== a debt still running is refused (exit 2) =="
run draft enyou "$matter" --debt 2 --date 2026-12-01
echo
echo "== 請求の趣旨 (saiken draft seikyu) =="
run draft seikyu "$matter" --debt 1
echo
echo "== 計算書 (PDF / Excel) =="
run report "$matter" --format pdf --output "$out/債権者一覧表.pdf" 2>/dev/null
run report "$matter" --format xlsx --output "$out/債権者一覧表.xlsx" 2>/dev/null
run damages --principal 65万 --rate 18% --from 2017-08-21 --to 2026-12-01 --payment 2019-09-30:5万 --format pdf --output "$out/遅延損害金計算書.pdf"
run kabarai "$here/kabarai/ref-8-1.csv" --as-of 2008-01-16 --format xlsx --output "$out/引き直し計算書.xlsx"
echo
echo "written under $out:"
ls -l "$out" | tail -n +2
