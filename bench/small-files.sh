#!/usr/bin/env bash
# Small files, the everyday case: the whole service on a fresh data dir with the demo data, then N CSV files
# of R rows each (default 20 of 1,000) posted one after the other to /api/ingestions?wait=true; for each, the
# time until its rows are visible in /api/series. Usage: bench/small-files.sh [files] [rows] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
./mvnw -B -q install -DskipTests
./mvnw -B -q -pl ui dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="ui/target/test-classes:ui/target/classes:$(cat ui/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Djava.awt.headless=true -Dvaadin.productionMode=true -cp "$cp" org.pilotage.ui.bench.SmallFilesBenchmark "${1:-20}" "${2:-1000}" "${3:-target/bench}"
