#!/usr/bin/env bash
# demo step: saiken sashiosae (給与差押え) on the worked examples of the rules reference §5.6.
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 給与差押え (saiken sashiosae) =="
run sashiosae --net 300000 --paid-on 2026-10-25
run sashiosae --net 500000 --paid-on 2026-10-25
run sashiosae --net 300000 --support --paid-on 2026-10-25
run sashiosae --gross 400000 --income-tax 10000 --resident-tax 20000 --social-insurance 60000 \
    --commute 10000 --period semimonthly --paid-on 2026-10-25
run sashiosae --net 20000 --period daily --paid-on 2026-10-25
run sashiosae --net 10000000 --period retirement --paid-on 2026-10-25
run sashiosae --net 300000 --tax --dependents 2 --paid-on 2026-10-25 --lang en
