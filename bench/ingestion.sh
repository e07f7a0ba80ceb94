#!/usr/bin/env bash
# Ingestion benchmark: DuckDB COPY vs Pilotage's ingestion job on N generated rows (default 10 M),
# heap limited to 512 MB. Usage: bench/ingestion.sh [rows] [work-dir] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build ingestion
exec "$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Dlogging.level.root=WARN -cp "$BENCH_CP" org.pilotage.ingestion.bench.IngestionBenchmark "${1:-10000000}" "${2:-target/bench}" "${3:-3}"
