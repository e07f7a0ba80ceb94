#!/usr/bin/env bash
# Both benchmarks on an earlier commit and on the working tree, alternately, so that the machine's noise
# falls on both alike: a clone of REV runs bench/ingestion.sh and bench/dashboard.sh, then this tree does,
# ROUNDS times (default 2). Logs go to OUT (default target/compare): {dashboard,ingestion}-{before,after}-N.log.
# Usage: bench/compare.sh REV [rounds] [rows] [out]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?"which commit to compare with"}
rounds=${2:-2}
rows=${3:-10000000}
out=$(mkdir -p "${4:-target/compare}" && cd "${4:-target/compare}" && pwd)
here=$(pwd)
before=$(mktemp -d)
trap 'rm -rf "$before" "$out/work"' EXIT
git clone -q "$here" "$before" && git -C "$before" checkout -q "$rev"
for n in $(seq 1 "$rounds"); do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$here
    (cd "$dir" && bench/dashboard.sh "$rows" "$out/work" > "$out/dashboard-$side-$n.log" 2>&1); rm -rf "$out/work"
    (cd "$dir" && bench/ingestion.sh "$rows" "$out/work" > "$out/ingestion-$side-$n.log" 2>&1); rm -rf "$out/work"
    echo "round $n, $side: done"
  done
done
grep -H -E "room computed|latency|^\(a\)|^\(b\)|ratio b/a" "$out"/*.log
