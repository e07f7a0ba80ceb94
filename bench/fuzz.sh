#!/usr/bin/env bash
# Fuzz campaign: the service on a fresh data dir, then N deterministic mutants (default 3,000) of valid Arrow
# (file and stream), Parquet and XLSX files uploaded through the real ingestion path; prints the outcomes by
# format, every answer that is not one clean sentence, and the health at the end. Usage: bench/fuzz.sh [mutants] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build ui
exec "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Djava.awt.headless=true -Dvaadin.productionMode=true -cp "$BENCH_CP" org.pilotage.ui.fuzz.FuzzCampaign "${1:-3000}" "${2:-1}"
