package org.pilotage.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class DuckDbStoreTest {

    @TempDir
    Path dir;

    @Test
    void readersNeverSeeHalfOfAWritersTransaction() throws Exception {
        final int batch = 500;
        final int batches = 40;
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            jdbc.execute("CREATE TABLE t (batch INTEGER, v INTEGER)");
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicLong reads = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(4);
            for (int r = 0; r < 4; r++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    started.countDown();
                    while (writing.get()) {
                        try {
                            Long n = jdbc.queryForObject("SELECT count(*) FROM t", Long.class);
                            if (n % batch != 0) {
                                errors.add(new AssertionError("a reader saw " + n + " rows, not a whole number of batches"));
                            }
                            reads.incrementAndGet();
                        } catch (Throwable t) {
                            errors.add(t);
                        }
                    }
                }));
            }
            started.await(5, TimeUnit.SECONDS);
            try (Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                for (int b = 0; b < batches; b++) {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO t SELECT " + b + ", range FROM range(" + batch + ")");
                    }
                    c.commit();
                }
                c.setAutoCommit(true);
            } finally {
                writing.set(false);
            }
            for (Thread t : readers) {
                t.join(10_000);
            }
            assertThat(errors).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM t", Long.class)).isEqualTo((long) batch * batches);
        }
    }

    @Test
    void aDataDirThatIsAFileStopsWithOneSentenceNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> DuckDbStore.open(StoreProperties.of(file)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("The data directory " + file + " cannot be created (a file of that name is in the way): "
                        + "set pilotage.data-dir to a folder Pilotage may write to.");
    }

    @Test
    void aDatabaseFileHeldByAnotherProcessStopsWithOneSentenceNamingIt() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path db = data.resolve(DuckDbStore.DATABASE_FILE);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> DuckDbStore.open(StoreProperties.of(data)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The database file " + db + " is held by another process (PID " + holder.pid()
                            + "): stop that process or point pilotage.data-dir at another folder.");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theHealthCheckFailsOnceTheStoreIsClosed() throws Exception {
        DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir));
        store.check();
        store.close();
        assertThatThrownBy(store::check).isInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void theDefaultMemoryLimitLeavesTheHeapOut() {
        long mb = Long.parseLong(DuckDbStore.defaultMemoryLimit().replace("MB", ""));
        long physicalMb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
        assertThat(mb).isGreaterThanOrEqualTo(256).isLessThan(physicalMb * 8 / 10);
    }

    @Test
    void queriesReadFilesInsideTheDataDirOnlyAndExternalAccessCannotBeTurnedBackOn() throws Exception {
        Path outside = Files.createTempFile("pilotage-outside-", ".csv");
        Files.writeString(outside, "a,b\n1,2\n");
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            Path inside = store.dataDir().resolve("inside.csv");
            Files.writeString(inside, "a,b\n1,2\n");
            assertThat(jdbc.queryForObject("SELECT sum(b) FROM read_csv('" + inside + "')", Long.class)).isEqualTo(2L);
            assertThatThrownBy(() -> jdbc.queryForObject("SELECT count(*) FROM read_csv('" + outside + "')", Long.class))
                    .hasMessageContaining("disabled");
            assertThatThrownBy(() -> jdbc.queryForObject("SELECT count(*) FROM read_csv('/etc/passwd')", Long.class))
                    .hasMessageContaining("disabled");
            assertThatThrownBy(() -> jdbc.execute("SET enable_external_access = true")).isNotNull();
            assertThatThrownBy(() -> jdbc.queryForObject("SELECT count(*) FROM read_csv('" + outside + "')", Long.class))
                    .hasMessageContaining("disabled");
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
