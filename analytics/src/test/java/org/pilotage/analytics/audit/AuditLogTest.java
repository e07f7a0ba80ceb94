package org.pilotage.analytics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.StoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Downloads are written in batches, the rest at once; whoever reads the log reads every event recorded before, in order. */
class AuditLogTest {

    @TempDir
    Path dir;

    private static long rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
    }

    @Test
    void manyDownloadsAtOnceAreAllInTheLogWithTheirMomentAndInOrderForEachRecorder() throws Exception {
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            Instant before = Instant.now();
            try (AuditLog audit = new AuditLog(new NamedParameterJdbcTemplate(jdbc),
                    new TransactionTemplate(new JdbcTransactionManager(store.dataSource())))) {
                ExecutorService pool = Executors.newFixedThreadPool(8);
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    pool.submit(() -> {
                        for (int i = 0; i < 250; i++) {
                            audit.record("viewer" + thread, "download", "room 1 clientele.png", String.valueOf(i), "127.0.0.1");
                        }
                    });
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                audit.record("admin", "user-created", "user x", null, "127.0.0.1"); // a change: written at once, after them

                List<AuditLog.Event> events = audit.recent(3000);
                assertThat(events).hasSize(2001);
                assertThat(events.getFirst().action()).isEqualTo("user-created");
                assertThat(events).allSatisfy(e -> assertThat(e.at()).isAfterOrEqualTo(before.minusSeconds(1)));
                for (int t = 0; t < 8; t++) {
                    String viewer = "viewer" + t;
                    List<String> details = events.reversed().stream().filter(e -> e.username().equals(viewer)).map(AuditLog.Event::detail).toList();
                    assertThat(details).as(viewer).hasSize(250).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
                }
                audit.record("late", "download", "room 1 report.pdf", null, null);
            }
            assertThat(rows(jdbc)).as("closing writes what was queued").isEqualTo(2002);
        }
    }

    /** A bean that needs the audit log before anything asks for the {@code DataSource} bean: the service's ui does. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class EarlyAuditUser {
        record Holder(AuditLog audit) {
        }

        @org.springframework.context.annotation.Bean
        Holder auditUser(AuditLog audit) {
            return new Holder(audit);
        }
    }

    @Test
    void downloadsRecordedJustBeforeTheServiceStopsAreInTheLogAfterIt() throws Exception {
        var context = new org.springframework.boot.builder.SpringApplicationBuilder(EarlyAuditUser.class,
                org.pilotage.analytics.AnalyticsConfiguration.class)
                .web(org.springframework.boot.WebApplicationType.NONE).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false).run("--pilotage.data-dir=" + dir.resolve("data"));
        AuditLog audit = context.getBean(EarlyAuditUser.Holder.class).audit();
        for (int i = 0; i < 5000; i++) {
            audit.record("viewer", "download", "room 1 clientele.png", String.valueOf(i), "127.0.0.1");
        }
        context.close(); // the pool the writer uses is the store's: closed after the log has written what it queued
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir.resolve("data")))) {
            assertThat(new JdbcTemplate(store.dataSource()).queryForObject("SELECT count(*) FROM audit_event WHERE action = 'download'",
                    Long.class)).isEqualTo(5000);
        }
    }
}
