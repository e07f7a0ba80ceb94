# What the benchmark scripts share, sourced by them from the project's top folder: a JDK found, the module built
# with what it depends on (tests skipped), and BENCH_CP set to its test classpath for the benchmark's main class.
# Usage: . bench/lib.sh; bench_build <module>
. .mvn/find-jdk.sh

bench_build() {
    local module=$1
    ./mvnw -B -q -pl "$module" -am install -DskipTests
    ./mvnw -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
    BENCH_CP="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
}
