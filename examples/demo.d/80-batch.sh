#!/usr/bin/env bash
# demo step: saiken batch (a whole case list in one call) and saiken schema.
set -u
cd "$(dirname "$0")/../.."
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 一括計算 (saiken batch): one output record per case, the bad row marked =="
run batch damages examples/batch/damages.csv
echo "(exit status $?: 1 = some records carry an error field; the output is still complete)"
run batch damages examples/batch/damages.csv --format csv
echo "(exit status $?)"
echo
echo "\$ printf 'case_id,principal,rate,days\\nA-1,50万,20%%,90\\n' | saiken batch damages - --format csv"
printf 'case_id,principal,rate,days\nA-1,50万,20%%,90\n' | saiken batch damages - --format csv
run schema
