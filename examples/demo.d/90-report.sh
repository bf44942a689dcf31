#!/usr/bin/env bash
# demo step: saiken report — one case file, one report (Markdown for the case folder).
set -u
run() { echo; echo "\$ saiken $*"; saiken "$@"; }

echo "== 事件報告書 (saiken report) =="
here="$(cd "$(dirname "$0")/.." && pwd)"
run report "$here/cases/card-loan.toml"
