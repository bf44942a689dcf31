#!/usr/bin/env bash
# demo step: saiken jikou (消滅時効) on the worked examples of the rules reference (§4.8, §9).
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 消滅時効 (saiken jikou) =="
# ref 4-1: last payment 2019-05-01, card loan from a 株式会社 → old law 商事5年, 2024-05-01
run jikou --last-payment 2019-05-01 --as-of 2025-01-01
# ref 4-2/4-4: 信用金庫 → old law 民事10年, 2029-05-01
run jikou --last-payment R1.5.1 --creditor shinkin --as-of 2025-01-01 --lang en
# ref 4-14: completed 2024-06-01, paid on 2024-09-01 → 援用 barred, new period from the payment
run jikou --due-date 2019-06-01 --event 2024-09-01:承認 --as-of 2025-01-01
# new law: 承認, then a 催告 and a second 催告 inside its 猶予 (150条2項), as JSON
run jikou --due-date 2021-05-01 --contract-date 2021-01-01 --event 2022-10-20:shounin \
    --event 2027-09-01:saikoku --event 2028-01-10:saikoku --as-of 2028-06-01 --json
# contract date unknown, all facts after 2020-04-01: both readings are shown
run jikou --due-date 2020-04-01 --creditor shinkin --as-of 2025-01-01
