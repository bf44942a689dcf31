#!/usr/bin/env bash
# demo step: saiken fees (裁判所手数料・管轄) on the worked examples of the rules reference §6.3.
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 裁判所手数料 (saiken fees) =="
run fees --amount 100万
run fees --amount 140万 --lang en
run fees --amount 630万 --json
run fees --unassessable
run fees --amount 600001
