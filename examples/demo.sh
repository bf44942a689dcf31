#!/usr/bin/env bash
# `make demo`: runs every step in examples/demo.d/ in order (one file per command).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
status=0
for step in "$here"/demo.d/*.sh; do
  bash "$step" || status=1
done
exit $status
