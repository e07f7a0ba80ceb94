package org.pilotage.ingestion.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;

/**
 * Ingestion benchmark: generates N indicator-measure rows as CSV, then times in one run
 * (a) DuckDB's own COPY of that file into an equivalent table, the physical limit, and
 * (b) Pilotage's ingestion job end to end (store the upload, SHA-256, stage, check, publish),
 * and prints rows/s of both, the ratio b/a and peak memory. It also times (c) the floor of the work
 * the issue asks for (parse once, look for duplicate keys, write sorted in one transaction) and
 * prints the best ratio any design meeting it could reach on this machine. Run it through bench/ingestion.sh.
 */
public final class IngestionBenchmark {

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(work);
        Path csv = work.resolve("measures-" + rows + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            generate(csv, rows);
            System.out.printf(Locale.ROOT, "generated %,d rows (%,d MB) in %.1f s%n", rows, Files.size(csv) >> 20, (System.nanoTime() - t) / 1e9);
        }

        // (a) DuckDB COPY into an equivalent table, with the store's own settings; then the CHECKPOINT that
        // moves the copied rows into the database file (DuckDB defers part of a COPY's writing to it)
        Path copyDb = work.resolve("copy.duckdb");
        double copySeconds;
        double copyCheckpointSeconds;
        try (Connection c = scratch(copyDb); Statement st = c.createStatement()) {
            st.execute(FACTS.replace("{{table}}", "measures"));
            long t = System.nanoTime();
            st.execute("COPY measures (establishment, direction, project, indicator, period, value, target, comment) FROM '"
                    + csv.toAbsolutePath() + "' (HEADER true, DELIMITER ',', FORCE_NOT_NULL (project))");
            copySeconds = (System.nanoTime() - t) / 1e9;
            st.execute("CHECKPOINT");
            copyCheckpointSeconds = (System.nanoTime() - t) / 1e9;
        }
        deleteDb(copyDb);

        // (c) the floor of any design meeting the issue: parse the file once into memory, look for duplicate
        // natural keys, and write the rows sorted by (establishment, period) in one transaction; nothing else
        Path floorDb = work.resolve("floor.duckdb");
        double[] floor = new double[3];
        try (Connection c = scratch(floorDb); Statement st = c.createStatement()) {
            st.execute(FACTS.replace("{{table}}", "measures"));
            st.execute("BEGIN");
            long t = System.nanoTime();
            st.execute("""
                    CREATE TEMP TABLE parsed AS
                    SELECT establishment, direction, coalesce(project, '') AS project, indicator, period, value, target, comment
                    FROM read_csv('%s', header = true, columns = {'establishment': 'VARCHAR', 'direction': 'VARCHAR',
                         'project': 'VARCHAR', 'indicator': 'VARCHAR', 'period': 'DATE', 'value': 'DOUBLE',
                         'target': 'DOUBLE', 'comment': 'VARCHAR'})""".formatted(csv.toAbsolutePath()));
            floor[0] = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("""
                    SELECT count(*) FROM (SELECT 1 FROM parsed GROUP BY establishment, direction, project, indicator, period
                                          HAVING count(*) > 1)""");
            floor[1] = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("INSERT INTO measures SELECT *, 1 FROM parsed ORDER BY establishment, period");
            st.execute("COMMIT");
            st.execute("CHECKPOINT");
            floor[2] = (System.nanoTime() - t) / 1e9;
        }
        deleteDb(floorDb);

        // (b) the real ingestion job
        Path data = work.resolve("pilotage");
        deleteTree(data);
        double jobSeconds;
        Ingestion result;
        try (StoreFixture service = new StoreFixture(data, "pilotage.ingestion.max-file-size=10GB")) {
            long t = System.nanoTime();
            result = service.ingestion.load(csv, csv.getFileName().toString(), FileKind.INDICATOR_MEASURES, "benchmark",
                    Duration.ofHours(1));
            jobSeconds = (System.nanoTime() - t) / 1e9;
            service.jdbc.query("SELECT step_name, epoch_ms(end_time) - epoch_ms(start_time) FROM batch_step_execution ORDER BY step_execution_id",
                    rs -> {
                        System.out.printf(Locale.ROOT, "    step %-8s %6.2f s%n", rs.getString(1), rs.getLong(2) / 1000.0);
                    });
            service.jdbc.query("SELECT epoch_ms(start_time) - epoch_ms(create_time) FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT 1",
                    rs -> {
                        System.out.printf(Locale.ROOT, "    queued   %6.2f s%n", rs.getLong(1) / 1000.0);
                    });
            long published = service.count("SELECT count(*) FROM indicator_measure");
            if (published != rows) {
                throw new IllegalStateException("published " + published + " rows, expected " + rows + ": " + result.message());
            }
        }
        deleteTree(data);

        double copyRate = rows / copySeconds;
        double jobRate = rows / jobSeconds;
        double floorSeconds = floor[0] + floor[1] + floor[2];
        System.out.printf(Locale.ROOT, "rows                     %,d%n", rows);
        System.out.printf(Locale.ROOT, "(a) DuckDB COPY          %.2f s  %,.0f rows/s  (with its CHECKPOINT: %.2f s)%n", copySeconds, copyRate,
                copyCheckpointSeconds);
        System.out.printf(Locale.ROOT, "(b) Pilotage ingestion   %.2f s  %,.0f rows/s  (%s)%n", jobSeconds, jobRate, result.status());
        System.out.printf(Locale.ROOT, "ratio b/a                %.2f  (target >= 0.60; %.2f against COPY with its CHECKPOINT)%n",
                jobRate / copyRate, copyCheckpointSeconds / jobSeconds);
        System.out.printf(Locale.ROOT, "(c) floor                %.2f s  (parse %.2f, duplicate keys %.2f, sorted write %.2f)%n", floorSeconds,
                floor[0], floor[1], floor[2]);
        System.out.printf(Locale.ROOT, "best ratio possible c/a  %.2f  (%.2f against COPY with its CHECKPOINT)%n", copySeconds / floorSeconds,
                copyCheckpointSeconds / floorSeconds);
        System.out.printf(Locale.ROOT, "max heap                 %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "peak heap used           %,d MB%n", peakHeap() >> 20);
        System.out.printf(Locale.ROOT, "peak resident (process)  %,d MB  (JVM + DuckDB native memory)%n", peakResidentKb() >> 10);
    }

    /** The published facts' own table definition. */
    private static final String FACTS = """
            CREATE TABLE {{table}} (
                establishment VARCHAR NOT NULL, direction VARCHAR NOT NULL, project VARCHAR NOT NULL DEFAULT '',
                indicator VARCHAR NOT NULL, period DATE NOT NULL, value DOUBLE NOT NULL, target DOUBLE, comment VARCHAR,
                ingestion_id BIGINT NOT NULL DEFAULT 0)""";

    /** A fresh DuckDB file with the store's memory limit and threads. */
    private static Connection scratch(Path db) throws Exception {
        deleteDb(db);
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        try (Statement st = c.createStatement()) {
            st.execute("SET memory_limit = '" + defaultLimit() + "'");
            st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
        }
        return c;
    }

    private static void deleteDb(Path db) throws Exception {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
    }

    /** Distinct natural keys: 10 establishments × 50 directions × 12 indicators × 120 months, then projects. */
    static void generate(Path file, long rows) throws Exception {
        String[] indicators = {"ORG-PROJ-USAGERS", "ORG-PROJ-VALEURS", "ORG-CAPTATION", "ORG-DIRECTIONS-PRATIQUE", "INT-OBJECTIFS",
                "INT-STRATEGIES", "INT-COMPETENCES", "INT-SATISFACTION", "CLI-COMPETENCES", "CLI-DEMANDES", "CLI-FAMILLES", "CLI-DELAI-REPONSE"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            out.write("establishment,direction,project,indicator,period,value,target,comment\n");
            StringBuilder line = new StringBuilder(128);
            for (long i = 0; i < rows; i++) {
                long k = i;
                int est = (int) (k % 10);
                k /= 10;
                int dir = (int) (k % 50);
                k /= 50;
                int ind = (int) (k % 12);
                k /= 12;
                int month = (int) (k % 120);
                k /= 120;
                line.setLength(0);
                line.append("BENCH-E").append(est).append(",D").append(dir).append(',');
                if (k > 0) {
                    line.append("P-").append(k);
                }
                line.append(',').append(indicators[ind]).append(',')
                        .append(2016 + month / 12).append('-').append(month % 12 < 9 ? "0" : "").append(month % 12 + 1).append("-01,")
                        .append((i * 37) % 1000).append('.').append(i % 10).append(',')
                        .append(i % 3 == 0 ? "" : "100").append(',')
                        .append(i % 1000 == 0 ? "relevé trimestriel" : "").append('\n');
                out.append(line);
            }
        }
    }

    private static String defaultLimit() throws Exception {
        var m = DuckDbStore.class.getDeclaredMethod("defaultMemoryLimit");
        m.setAccessible(true);
        return (String) m.invoke(null);
    }

    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    private static long peakResidentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
