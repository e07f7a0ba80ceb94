#!/usr/bin/env bash
# Dashboard benchmark: N generated measure rows (default 10 M); a whole room computed and rendered
# against its bare DuckDB queries; then V viewers (default 50) asking for chart PNGs for S seconds.
# Usage: bench/dashboard.sh [rows] [work-dir] [viewers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build ui
exec "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Djava.awt.headless=true -Dvaadin.productionMode=true -cp "$BENCH_CP" org.pilotage.ui.bench.DashboardBenchmark "${1:-10000000}" "${2:-target/bench}" "${3:-50}" "${4:-30}"
