package org.pilotage.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DuckDB makes a large commit visible to concurrent readers piece by piece; readers through
 * {@link ReadConsistentDataSource} and writers through {@link PublishingTransactionManager} must
 * only ever see whole commits.
 */
class PublicationLockTest {

    @TempDir
    Path dir;

    @Test
    void readersSeeTheOldOrTheNewTotalsOfALargePublicationNeverAMix() throws Exception {
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            JdbcTemplate reads = new JdbcTemplate(new ReadConsistentDataSource(store));
            reads.execute("CREATE TABLE facts (k INTEGER, v DOUBLE); INSERT INTO facts SELECT range, 1 FROM range(1000)");
            reads.execute("CREATE TABLE incoming AS SELECT range AS k, 2.0 AS v FROM range(1200000)");
            TransactionTemplate publish = new TransactionTemplate(new PublishingTransactionManager(store));
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        seen.add(reads.queryForObject("SELECT count(*) || ' ' || sum(v) FROM facts", String.class));
                    }
                }));
            }
            for (int round = 0; round < 3; round++) {
                double value = 2.0 + round;
                publish.executeWithoutResult(tx -> new JdbcTemplate(store.dataSource()).execute(
                        "DELETE FROM facts USING incoming WHERE facts.k = incoming.k;"
                        + "INSERT INTO facts SELECT k, " + value + " FROM incoming ORDER BY k"));
            }
            Thread.sleep(100);
            running.set(false);
            for (Thread t : readers) {
                t.join();
            }
            assertThat(seen).isSubsetOf("1000 1000.0", "1200000 2400000.0", "1200000 3600000.0", "1200000 4800000.0")
                    .contains("1200000 4800000.0");
        }
    }
}
