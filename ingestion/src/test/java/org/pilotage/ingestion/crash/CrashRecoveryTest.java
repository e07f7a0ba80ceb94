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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.load.StoreFixture;

/**
 * The service is killed with SIGKILL in the middle of a load of 1.2 million rows, twice (while it
 * reads the file, then, resumed, while it publishes), and started again each time. A load running at
 * two deaths in a row is not resumed a second time (the file may be what kills the service): it is
 * failed with a sentence, the service starts and serves, and the steward's restart then publishes
 * exactly the file's valid rows, none lost and none doubled; a reader polling the totals all along saw
 * the old totals or the new ones, never anything in between. Nothing is left behind.
 */
class CrashRecoveryTest {

    static final int BIG = 1_200_000;
    static final int SMALL = 1_000;
    static final int BAD = 20;

    @TempDir
    Path dir;

    /** A service process, its lines as read so far, and the thread reading them. */
    record Child(Process process, List<String> lines, Thread reader) {

        /** Waits for the process to end and for its last lines to be read. */
        boolean ended() throws InterruptedException {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                return false;
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return !reader.isAlive();
        }
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
        assertThat(first.ended()).isTrue();
        assertThat(first.lines()).anySatisfy(l -> assertThat(l).startsWith("END").contains("COMPLETED " + SMALL));
        String oldTotal = "TOTAL " + SMALL + " " + oldSum.toPlainString();
        String newTotal = "TOTAL " + BIG + " " + newSum.toPlainString();

        Child reading = run(data, big, line -> line.equals("PHASE STAGING"));
        kill(reading);
        Child publishing = run(data, (Path) null, line -> line.equals("PHASE PUBLISHING"));
        kill(publishing); // at once: the publishing transaction of 1.2 M rows is under way
        assertThat(reading.lines()).as("killed before the load ended").noneMatch(l -> l.startsWith("END") || l.equals("PHASE ENDED"));
        assertThat(publishing.lines()).as("killed before the load ended").noneMatch(l -> l.startsWith("END") || l.equals("PHASE ENDED"));
        Child failed = run(data, (Path) null, line -> line.startsWith("LEFTOVERS"));
        assertThat(failed.ended()).isTrue();
        assertThat(failed.lines()).as("cut twice: failed, not resumed").contains("END 3 FAILED 0 0",
                "MESSAGE Ce fichier a arrêté le service pendant son chargement, deux fois de suite : il n'a pas été repris."
                        + " Vérifiez-le avant de le relancer.", "LEFTOVERS 0");
        assertThat(failed.lines()).noneMatch(l -> l.startsWith("PHASE STAGING"));

        Child resumed = run(data, "restart:3", line -> line.startsWith("LEFTOVERS"), null);
        assertThat(resumed.ended()).isTrue();

        assertThat(resumed.lines()).contains("END 3 COMPLETED " + BIG + " " + BAD, "LEFTOVERS 0");
        Set<String> seen = new HashSet<>();
        for (Child c : List.of(first, reading, publishing, failed, resumed)) {
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
        try (var work = Files.list(data.resolve("data").resolve("work"))) {
            assertThat(work.toList()).as("work files").isEmpty();
        }
        try (var uploads = Files.list(data.resolve("data").resolve("uploads"))) {
            assertThat(uploads.toList()).as("uploads: the default catalogue's, the small file's and the big one's").hasSize(3);
        }
    }

    /**
     * SIGTERM (what {@code systemctl stop} or a container stop sends) during a load: the load is stopped first and
     * left to resume at the next start, the store closes after it, within the graceful period, with no error in
     * the log; the next start publishes the file exactly.
     */
    @Test
    void aSigtermStopsTheLoadCleanlyAndTheNextStartResumesIt() throws Exception {
        Path data = dir.resolve("service");
        Path big = dir.resolve("gros.csv");
        BigDecimal sum = write(big, 3, BIG, BAD);
        Child loading = run(data, big, line -> line.equals("PHASE CHECKING") || line.equals("PHASE PUBLISHING"));
        long asked = System.nanoTime();
        loading.process().toHandle().destroy(); // SIGTERM, keeping our end of its output open (Process.destroy closes it)
        assertThat(loading.ended()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(30));
        assertThat(loading.lines()).noneMatch(l -> l.startsWith("END"))
                .anySatisfy(l -> assertThat(l).contains("interrupted by the stop of the service"))
                .anySatisfy(l -> assertThat(l).contains("DuckDB store closed"))
                .noneMatch(l -> l.contains(" ERROR ") || l.contains("Exception") || l.contains("Connection was closed")
                        || l.contains("interrupted while locking"));
        int stopped = loading.lines().indexOf(loading.lines().stream().filter(l -> l.contains("interrupted by the stop")).findFirst().orElseThrow());
        int closed = loading.lines().indexOf(loading.lines().stream().filter(l -> l.contains("DuckDB store closed")).findFirst().orElseThrow());
        assertThat(stopped).as("the load stops before the store closes").isLessThan(closed);

        Child resumed = run(data, (Path) null, line -> line.startsWith("LEFTOVERS"));
        assertThat(resumed.ended()).isTrue();
        assertThat(resumed.lines()).contains("END 2 COMPLETED " + BIG + " " + BAD, "LEFTOVERS 0");
        try (StoreFixture service = new StoreFixture(data)) {
            assertThat(service.count("SELECT count(*) FROM indicator_measure")).isEqualTo(BIG);
            assertThat(service.jdbc.queryForObject("SELECT CAST(round(sum(value), 3) AS VARCHAR) FROM indicator_measure", String.class))
                    .isEqualTo(sum.toPlainString());
            assertThat(service.log.find(2).orElseThrow().interruptedRuns()).as("a stop is not a crash").isZero();
        }
    }

    /**
     * A file that makes the process exit while it loads (as a crash in native code would) stops the service
     * once, is resumed once and stops it again; at the third start it is failed and the service serves.
     */
    @Test
    void aFileThatStopsTheServiceTwiceIsFailedAndTheServiceStarts() throws Exception {
        Path data = dir.resolve("service");
        Path file = dir.resolve("fatal.csv");
        write(file, 7, SMALL, 0);
        Child first = run(data, file.toString(), line -> false, "fatal.csv");
        assertThat(first.ended()).isTrue();
        assertThat(first.process().exitValue()).isEqualTo(3);
        Child again = run(data, null, line -> false, "fatal.csv");
        assertThat(again.ended()).isTrue();
        assertThat(again.process().exitValue()).as("resumed once, and stopped the service again: " + again.lines()).isEqualTo(3);
        assertThat(again.lines()).contains("PHASE STAGING");

        Child third = run(data, null, line -> line.startsWith("LEFTOVERS"), "fatal.csv");
        assertThat(third.ended()).isTrue();
        assertThat(third.process().exitValue()).isZero();
        assertThat(third.lines()).contains("READY", "END 2 FAILED 0 0", "LEFTOVERS 0")
                .anySatisfy(l -> assertThat(l).startsWith("MESSAGE Ce fichier a arrêté le service"))
                .noneMatch(l -> l.equals("PHASE STAGING"));
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

    private static Child run(Path data, Path file, Predicate<String> until) throws Exception {
        return run(data, file == null ? null : file.toString(), until, null);
    }

    /**
     * Starts the service in a child JVM and collects its lines until {@code until} matches one or the process ends.
     *
     * @param haltOn the name of a file whose load makes the process exit at once, or null
     */
    private static Child run(Path data, String file, Predicate<String> until, String haltOn) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        if (haltOn != null) {
            command.add("-Dpilotage.test.halt-file=" + haltOn);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceProcess.class.getName(), data.toString()));
        if (file != null) {
            command.add(file);
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Object matched = new Object();
        boolean[] found = {false};
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
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
        if (!found[0]) {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child ended or printed what we waited for").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        return new Child(process, lines, reader);
    }

    private static void kill(Child child) throws Exception {
        child.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
        assertThat(child.ended()).isTrue();
    }
}
