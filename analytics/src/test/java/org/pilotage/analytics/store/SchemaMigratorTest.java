package org.pilotage.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class SchemaMigratorTest {

    @TempDir
    Path dir;

    @Test
    void appliesEveryMigrationInOrderOnAFreshFile() {
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            List<Integer> versions = jdbc.queryForList("SELECT version FROM schema_version ORDER BY applied_at, version", Integer.class);
            assertThat(versions).startsWith(1, 2).isSorted();
            assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables", String.class))
                    .contains("establishment", "direction", "project", "indicator", "indicator_measure", "project_count",
                            "ingestion", "ingestion_manifest", "ingestion_reject", "app_user", "measure_effective");
        }
    }

    /** A process that dies right after a migration (before any checkpoint) leaves a database that opens. */
    @Test
    void migrationsReachTheDatabaseFileAtOnceAndNothingOfThemWaitsInTheWal() throws Exception {
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            Path wal = store.databaseFile().resolveSibling(store.databaseFile().getFileName() + ".wal");
            assertThat(!java.nio.file.Files.exists(wal) || java.nio.file.Files.size(wal) == 0).as("the WAL after migrating is empty").isTrue();
        }
    }

    @Test
    void aRestartAppliesNothingAndKeepsTheData() {
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            new JdbcTemplate(store.dataSource()).update("INSERT INTO establishment (code, name) VALUES ('E1', 'E1')");
        }
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
            assertThat(new SchemaMigrator(store.dataSource()).migrate()).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM establishment", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM schema_version", Integer.class))
                    .isEqualTo(jdbc.queryForObject("SELECT max(version) FROM schema_version", Integer.class));
        }
    }

    @Test
    void aChangedAppliedMigrationStopsStartUpWithOneSentence() {
        try (DuckDbStore store = DuckDbStore.open(StoreProperties.of(dir))) {
            // What the database remembers no longer matches the script shipped with the application.
            new JdbcTemplate(store.dataSource()).update("UPDATE schema_version SET checksum = 'deadbeef' WHERE version = 1");
        }
        assertThatThrownBy(() -> DuckDbStore.open(StoreProperties.of(dir)))
                .isInstanceOf(SchemaDriftException.class)
                .hasMessageStartingWith("Migration V001 (core schema) was changed after it was applied to ")
                .hasMessageContaining(dir.resolve(DuckDbStore.DATABASE_FILE).toString())
                .hasMessageEndingWith("restore it as it was and put the change in a new migration.");
    }

    @Test
    void crlfLineEndsDoNotCountAsAChange() {
        assertThat(Migration.of("V007__x.sql", "SELECT 1;\r\nSELECT 2;\r\n").checksum())
                .isEqualTo(Migration.of("V007__x.sql", "SELECT 1;\nSELECT 2;\n").checksum());
    }
}
