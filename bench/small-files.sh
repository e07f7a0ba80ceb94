#!/usr/bin/env bash
# Small files, the everyday case: the whole service on a fresh data dir with the demo data, then N CSV files
# of R rows each (default 20 of 1,000) posted one after the other to /api/ingestions?wait=true; for each, the
# time until its rows are visible in /api/series. Usage: bench/small-files.sh [files] [rows] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build ui
exec "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Djava.awt.headless=true -Dvaadin.productionMode=true -cp "$BENCH_CP" org.pilotage.ui.bench.SmallFilesBenchmark "${1:-20}" "${2:-1000}" "${3:-target/bench}"
