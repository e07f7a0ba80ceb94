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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.jobs.IngestionJobConfiguration;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Ingestion benchmark: generates N indicator-measure rows as CSV, then times, in each of several runs,
 * (a) DuckDB's own COPY of that file into an equivalent table, then with the CHECKPOINT that makes it as
 * durable as a published ingestion (the reference), (b) Pilotage's ingestion job end to end (store the
 * upload, SHA-256, stage, check, publish) and a checkpoint after it, and (c) the floor of DuckDB's path
 * (its own parallel parse, duplicate keys, sorted write in one transaction, checkpoint): the best any design
 * that keeps sorted publishing and the duplicate-key rejection could reach on this machine, and (d) the same
 * floor with the contract's rules: the file read as text, as a steward's file must be (a decimal comma, a month
 * written 2026-03 or 03/2026, spaces), every cell typed and judged by the store's own macros and catalogue in
 * the one pass that parses it, then duplicate keys and the sorted write, in the job's store: what the job would
 * cost with no staged copy, no reject report, no line numbers and no bookkeeping. Prints each run, the median
 * ratios and peak memory. Run it through bench/ingestion.sh.
 */
public final class IngestionBenchmark {

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(work);
        Path csv = work.resolve("measures-" + rows + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            generate(csv, rows);
            System.out.printf(Locale.ROOT, "generated %,d rows (%,d MB) in %.1f s%n", rows, Files.size(csv) >> 20, (System.nanoTime() - t) / 1e9);
        }
        List<Run> done = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            Run run = new Run(copy(work, csv), floor(work, csv), job(work, csv, rows));
            done.add(run);
            System.out.printf(Locale.ROOT, "run %d%n", r);
            run.print(rows);
        }
        System.out.printf(Locale.ROOT, "%nmedian of %d runs: job + checkpoint / COPY + CHECKPOINT %.2f (target >= 0.60, goal 0.80); "
                        + "job / COPY %.2f; floor / COPY + CHECKPOINT %.2f; floor with the rules %.2f%n", runs,
                median(done.stream().mapToDouble(Run::durableRatio).toArray()),
                median(done.stream().mapToDouble(Run::copyRatio).toArray()),
                median(done.stream().mapToDouble(Run::floorRatio).toArray()),
                median(done.stream().mapToDouble(Run::ruledRatio).toArray()));
        System.out.printf(Locale.ROOT, "max heap %,d MB, peak heap used %,d MB, peak resident %,d MB (JVM + DuckDB native memory)%n",
                Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20, peakResidentKb() >> 10);
    }

    /** DuckDB's COPY into an equivalent table, and with the CHECKPOINT that moves the copied rows into the database file. */
    record Copy(double copy, double withCheckpoint) {
    }

    /** The floor of DuckDB's path: its own parallel parse, duplicate keys, sorted write in one transaction, and its checkpoint. */
    record Floor(double parse, double duplicates, double sortedWrite, double checkpoint) {
        double total() {
            return parse + duplicates + sortedWrite + checkpoint;
        }
    }

    /** The ingestion job end to end (store the upload, SHA-256, stage, check, publish), its phases, and a checkpoint after it. */
    record Job(double seconds, String phases, double checkpoint, Floor ruled) {
    }

    record Run(Copy copy, Floor floor, Job job) {
        double durableRatio() {
            return copy.withCheckpoint / (job.seconds + job.checkpoint);
        }

        double copyRatio() {
            return copy.copy / job.seconds;
        }

        double floorRatio() {
            return copy.withCheckpoint / floor.total();
        }

        double ruledRatio() {
            return copy.withCheckpoint / job.ruled.total();
        }

        void print(long rows) {
            System.out.printf(Locale.ROOT, "  (a) DuckDB COPY              %6.2f s  %,11.0f rows/s%n", copy.copy, rows / copy.copy);
            System.out.printf(Locale.ROOT, "      COPY + CHECKPOINT        %6.2f s%n", copy.withCheckpoint);
            System.out.printf(Locale.ROOT, "  (b) Pilotage job             %6.2f s  %,11.0f rows/s  (%s)%n", job.seconds, rows / job.seconds, job.phases);
            System.out.printf(Locale.ROOT, "      job + CHECKPOINT         %6.2f s  (the checkpoint after it %.2f s)%n", job.seconds + job.checkpoint,
                    job.checkpoint);
            System.out.printf(Locale.ROOT, "  (c) floor of DuckDB's path   %6.2f s  (parse %.2f, duplicate keys %.2f, sorted write %.2f, checkpoint %.2f)%n",
                    floor.total(), floor.parse, floor.duplicates, floor.sortedWrite, floor.checkpoint);
            System.out.printf(Locale.ROOT, "  (d) floor with the rules     %6.2f s  (parse and judge %.2f, duplicate keys %.2f, sorted write %.2f, checkpoint %.2f)%n",
                    job.ruled.total(), job.ruled.parse, job.ruled.duplicates, job.ruled.sortedWrite, job.ruled.checkpoint);
            System.out.printf(Locale.ROOT, "  ratios: (job + checkpoint) / (COPY + CHECKPOINT) %.2f, job / COPY %.2f, floor %.2f and floor with the rules %.2f"
                            + " of COPY + CHECKPOINT%n", durableRatio(), copyRatio(), floorRatio(), ruledRatio());
        }
    }

    private static Copy copy(Path work, Path csv) throws Exception {
        Path copyDb = work.resolve("copy.duckdb");
        try (Connection c = scratch(copyDb); Statement st = c.createStatement()) {
            st.execute(FACTS.replace("{{table}}", "measures"));
            long t = System.nanoTime();
            st.execute("COPY measures (establishment, direction, project, indicator, period, value, target, comment) FROM '"
                    + csv.toAbsolutePath() + "' (HEADER true, DELIMITER ',', FORCE_NOT_NULL (project))");
            double copySeconds = (System.nanoTime() - t) / 1e9;
            st.execute("CHECKPOINT");
            return new Copy(copySeconds, (System.nanoTime() - t) / 1e9);
        } finally {
            deleteDb(copyDb);
        }
    }

    private static Floor floor(Path work, Path csv) throws Exception {
        Path floorDb = work.resolve("floor.duckdb");
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
            double parse = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("""
                    SELECT count(*) FROM (SELECT 1 FROM parsed GROUP BY establishment, direction, project, indicator, period
                                          HAVING count(*) > 1)""");
            double duplicates = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("INSERT INTO measures SELECT *, 1 FROM parsed ORDER BY establishment, period");
            st.execute("COMMIT");
            double write = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("CHECKPOINT");
            return new Floor(parse, duplicates, write, (System.nanoTime() - t) / 1e9);
        } finally {
            deleteDb(floorDb);
        }
    }

    private static Job job(Path work, Path csv, long rows) throws Exception {
        Path data = work.resolve("pilotage");
        deleteTree(data);
        try (StoreFixture service = new StoreFixture(data, "pilotage.ingestion.max-file-size=10GB")) {
            long t = System.nanoTime();
            Ingestion result = service.ingestion.load(csv, csv.getFileName().toString(), FileKind.INDICATOR_MEASURES, "benchmark",
                    Duration.ofHours(1));
            double seconds = (System.nanoTime() - t) / 1e9;
            double checkpoint = checkpointWhenIdle(service);
            // the step's phases, as it kept them in its execution context
            JobRepository batch = service.context.getBean(JobRepository.class);
            ExecutionContext phases = batch.getLastJobExecution(batch.getLastJobInstance(IngestionJobConfiguration.JOB_NAME))
                    .getStepExecutions().iterator().next().getExecutionContext();
            String steps = String.format(Locale.ROOT, "read %s; stage %.2f, check %.2f, publish %.2f", phases.getString("read"),
                    phases.getLong("stage.ms") / 1000.0,
                    phases.getLong("check.ms") / 1000.0, phases.getLong("publish.ms") / 1000.0);
            double inSteps = (phases.getLong("stage.ms") + phases.getLong("check.ms") + phases.getLong("publish.ms")) / 1000.0;
            long published = service.count("SELECT count(*) FROM indicator_measure");
            if (published != rows) {
                throw new IllegalStateException("published " + published + " rows, expected " + rows + ": " + result.message());
            }
            return new Job(seconds, steps + String.format(Locale.ROOT, ", outside them %.2f", seconds - inSteps), checkpoint,
                    ruledFloor(service, csv));
        } finally {
            deleteTree(data);
        }
    }

    /**
     * (d) The floor with the contract's rules, in the job's store (its macros, catalogue and settings): the file read as text
     * in DuckDB's parallel scan and, in the same statement, every cell typed and judged as the check does (its
     * {@code cells}, {@code typed} and {@code judged} parts, without the reject list, which only broken rows build, and
     * without line numbers, which need the staged copy); then duplicate keys, the sorted write and the checkpoint.
     */
    private static Floor ruledFloor(StoreFixture service, Path file) throws Exception {
        // The store reads files inside its data dir only: the file is linked there (copied where links are refused).
        Path csv = service.store.dataDir().resolve("work").resolve("ruled-floor.csv");
        Files.createDirectories(csv.getParent());
        Files.deleteIfExists(csv);
        try {
            Files.createLink(csv, file.toAbsolutePath());
        } catch (java.io.IOException | UnsupportedOperationException e) {
            Files.copy(file, csv);
        }
        try (Connection c = service.store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(FACTS.replace("{{table}}", "floor_measure"));
            st.execute("BEGIN");
            long t = System.nanoTime();
            st.execute("""
                    CREATE TEMP TABLE ruled AS
                    WITH cells AS (
                        SELECT nullif(establishment, '') AS establishment, nullif(direction, '') AS direction,
                               coalesce(project, '') AS project, nullif(upper(indicator), '') AS indicator,
                               nullif(period, '') AS period_text, nullif(value, '') AS value_text,
                               nullif(target, '') AS target_text, nullif(comment, '') AS comment
                        FROM read_csv('%s', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                                      null_padding = true, strict_mode = false, encoding = 'utf-8')
                    ), typed AS (
                        SELECT c.*, month_of(c.period_text) AS period, number_of(c.value_text, false) AS value,
                               number_of(c.target_text, false) AS target, i.code IS NOT NULL AS known_indicator
                        FROM cells c LEFT JOIN indicator i ON i.code = c.indicator
                    )
                    SELECT establishment, direction, project, indicator, period, value, target, comment,
                           coalesce(establishment IS NOT NULL AND length(establishment) <= 32
                               AND direction IS NOT NULL AND length(direction) <= 32 AND length(project) <= 32
                               AND known_indicator AND period IS NOT NULL AND value IS NOT NULL AND isfinite(value)
                               AND (target_text IS NULL OR isfinite(target)) AND (comment IS NULL OR length(comment) <= 2000), false) AS ok,
                           hash(establishment, direction, project, indicator, period) AS key_hash
                    FROM typed""".formatted(csv.toAbsolutePath()));
            double parse = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("SELECT count(*) FROM (SELECT key_hash FROM ruled WHERE ok GROUP BY key_hash HAVING count(*) > 1)");
            double duplicates = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("""
                    INSERT INTO floor_measure SELECT establishment, direction, project, indicator, period, value, target, comment, 1
                    FROM ruled WHERE ok ORDER BY establishment, period""");
            st.execute("COMMIT");
            double write = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            st.execute("CHECKPOINT");
            double checkpoint = (System.nanoTime() - t) / 1e9;
            st.execute("DROP TABLE ruled");
            return new Floor(parse, duplicates, write, checkpoint);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * Times a CHECKPOINT of the service's store once the job's last bookkeeping (Spring Batch's record, the audit) has
     * committed: DuckDB refuses one while another write transaction is open.
     */
    private static double checkpointWhenIdle(StoreFixture service) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            long t = System.nanoTime();
            try {
                service.jdbc.execute("CHECKPOINT");
                return (System.nanoTime() - t) / 1e9;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt == 200) {
                    throw e;
                }
                Thread.sleep(25);
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
