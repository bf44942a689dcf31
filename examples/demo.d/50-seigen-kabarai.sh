#!/usr/bin/env bash
# demo step: saiken seigen (利息制限法・出資法) and saiken kabarai (過払い金 引き直し計算)
# on the worked examples of the rules reference (§3.4, §8.4).
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 利息制限法・出資法の判定 (saiken seigen) =="
run seigen --principal 100000 --rate 18%
run seigen --principal 100000 --repay 130000 --days 7
run seigen --principal 5万 --per-days 10 --percent 10 --lender individual
run seigen --principal 100万 --rate 15% --damages-rate 21.9% --lender individual

echo "== 過払い金 引き直し計算 (saiken kabarai) =="
run kabarai "$here/kabarai/ref-8-1.csv" --as-of 2008-01-16
run kabarai "$here/kabarai/ref-8-3.csv" --as-of 2008-12-31 --format csv
run kabarai "$here/kabarai/ref-8-6-tranches.csv" --as-of 2020-12-31 --format md
run kabarai "$here/kabarai/two-contracts.csv" --split-at 2004-12-31 --as-of 2012-01-01
