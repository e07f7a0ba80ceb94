package org.pilotage.ingestion.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.load.StoreFixture;

/**
 * The service is killed with SIGKILL in the middle of a load of 1.2 million rows, twice (while it
 * reads the file, then while it publishes), and started again each time. At the end the published
 * rows are exactly the file's valid rows, none lost and none doubled; and a reader polling the
 * totals all along saw the old totals or the new ones, never anything in between.
 */
class CrashRecoveryTest {

    static final int BIG = 1_200_000;
    static final int SMALL = 1_000;
    static final int BAD = 20;

    @TempDir
    Path dir;

    record Child(Process process, List<String> lines) {
    }

    @Test
    void aKilledLoadIsResumedAndPublishesExactlyOnce() throws Exception {
        Path data = dir.resolve("service");
        Path small = dir.resolve("avant.csv");
        Path big = dir.resolve("gros.csv");
        BigDecimal oldSum = write(small, 0, SMALL, 0);
        // The big file replaces the small one's rows (same keys, new values) and adds its own.
        BigDecimal newSum = write(big, 0, BIG, BAD);

        Child first = run(data, small, line -> line.startsWith("END"));
        assertThat(first.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(first.lines()).anySatisfy(l -> assertThat(l).startsWith("END").contains("COMPLETED " + SMALL));
        String oldTotal = "TOTAL " + SMALL + " " + oldSum.toPlainString();
        String newTotal = "TOTAL " + BIG + " " + newSum.toPlainString();

        Child reading = run(data, big, line -> line.equals("PHASE STAGING"));
        kill(reading);
        Child publishing = run(data, null, line -> line.equals("PHASE PUBLISHING"));
        kill(publishing); // at once: the publishing transaction of 1.2 M rows is under way
        assertThat(reading.lines()).as("killed before the load ended").noneMatch(l -> l.startsWith("END") || l.equals("PHASE ENDED"));
        assertThat(publishing.lines()).as("killed before the load ended").noneMatch(l -> l.startsWith("END") || l.equals("PHASE ENDED"));
        Child resumed = run(data, null, line -> line.startsWith("END"));
        assertThat(resumed.process().waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(resumed.lines()).anySatisfy(l -> assertThat(l).isEqualTo("END 3 COMPLETED " + BIG + " " + BAD));
        Set<String> seen = new HashSet<>();
        for (Child c : List.of(first, reading, publishing, resumed)) {
            c.lines().stream().filter(l -> l.startsWith("TOTAL")).forEach(seen::add);
        }
        assertThat(seen).as("what readers saw").isSubsetOf("TOTAL 0 0", oldTotal, newTotal).contains(oldTotal, newTotal);

        try (StoreFixture service = new StoreFixture(data)) {
            assertThat(service.count("SELECT count(*) FROM indicator_measure")).isEqualTo(BIG);
            assertThat(service.count("""
                    SELECT count(*) FROM (SELECT establishment, direction, project, indicator, period FROM indicator_measure
                                          GROUP BY ALL HAVING count(*) > 1)""")).as("duplicated keys").isZero();
            assertThat(service.jdbc.queryForObject("SELECT CAST(round(sum(value), 3) AS VARCHAR) FROM indicator_measure", String.class))
                    .isEqualTo(newSum.toPlainString());
            assertThat(service.count("SELECT count(*) FROM indicator_measure WHERE ingestion_id = 3")).isEqualTo(BIG);
            assertThat(service.count("SELECT count(*) FROM ingestion_manifest")).isEqualTo(3); // catalogue, small, big
            assertThat(service.count("SELECT count(*) FROM ingestion_reject WHERE ingestion_id = 3")).isEqualTo(BAD);
            assertThat(service.count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'ingest_%'")).isZero();
        }
    }

    /** Measures on distinct keys (row k: direction D{k % 500}, project P{k / 500}), values that depend on the seed. */
    private static BigDecimal write(Path file, int seed, int rows, int bad) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("establishment,direction,project,indicator,period,value\n");
            for (int k = 0; k < rows; k++) {
                BigDecimal value = BigDecimal.valueOf((k * 7L + seed + rows) % 1000, 1);
                sum = sum.add(value);
                out.write("CRASH-E," + "D" + (k % 500) + ",P" + (k / 500) + ",CLI-FAMILLES,2026-01," + value.toPlainString() + "\n");
            }
            for (int k = 0; k < bad; k++) {
                out.write("CRASH-E,DX,PX" + k + ",CLI-FAMILLES,2026-13,1\n");
            }
        }
        return sum.setScale(1).stripTrailingZeros().scale() <= 0 ? new BigDecimal(sum.toBigInteger()).setScale(1) : sum;
    }

    /** Starts the service in a child JVM and collects its lines until {@code until} matches one. */
    private static Child run(Path data, Path file, Predicate<String> until) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ServiceProcess.class.getName(), data.toString()));
        if (file != null) {
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Object matched = new Object();
        boolean[] found = {false};
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (until.test(line)) {
                        synchronized (matched) {
                            found[0] = true;
                            matched.notifyAll();
                        }
                    }
                }
            } catch (Exception ignored) {
                // the process was killed
            }
            synchronized (matched) {
                matched.notifyAll();
            }
        });
        synchronized (matched) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!found[0] && process.isAlive() && System.currentTimeMillis() < deadline) {
                matched.wait(500);
            }
        }
        assertThat(found[0]).as("the child printed what we waited for; it printed: " + lines).isTrue();
        return new Child(process, lines);
    }

    private static void kill(Child child) throws Exception {
        child.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the reader thread drains the last lines
    }
}
