#!/usr/bin/env bash
# demo step: saiken damages (遅延損害金) on the worked examples of the rules reference.
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 遅延損害金 (saiken damages) =="
run damages --principal 500000 --rate 0.2 --days 90
run damages --principal 10万 --rate 18% --from H18.8.2 --to 2008-02-15 --method court-each --compare
run damages --principal 1000000 --rate legal --due-date 2020-03-31 --to 2021-03-31 --method court \
    --payment 2020-09-30:300000
run rules rate --on 2020-03-31
