#!/usr/bin/env bash
# demo step: saiken saisei (個人再生 最低弁済額 / 任意整理) on the worked examples of the rules reference §7.3.
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 個人再生・任意整理 (saiken saisei) =="
run saisei --debt 800万
run saisei --debt 300万 --liquidation-value 150万 --disposable-income 120万 --rounding 1000
run saisei --debt 60万 --nin-i 60 --json
run saisei --debt 50000001 || echo "(exit $?: 個人再生 is not available above 5,000万円, 民事再生法221条1項)"
