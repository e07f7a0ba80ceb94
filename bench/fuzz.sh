#!/usr/bin/env bash
# Fuzz campaign: the service on a fresh data dir, then N deterministic mutants (default 3,000) of valid Arrow
# (file and stream), Parquet and XLSX files uploaded through the real ingestion path; prints the outcomes by
# format, every answer that is not one clean sentence, and the health at the end. Usage: bench/fuzz.sh [mutants] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
./mvnw -B -q install -DskipTests
./mvnw -B -q -pl ui dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="ui/target/test-classes:ui/target/classes:$(cat ui/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Djava.awt.headless=true -Dvaadin.productionMode=true -cp "$cp" org.pilotage.ui.fuzz.FuzzCampaign "${1:-3000}" "${2:-1}"
