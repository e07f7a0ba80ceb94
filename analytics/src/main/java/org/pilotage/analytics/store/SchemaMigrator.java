package org.pilotage.analytics.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the versioned scripts of {@code pilotage/sql/schema} in order, each in its own
 * transaction together with its row in {@code schema_version}. An applied script whose checksum
 * changed stops start-up: the database would no longer match what the code expects.
 */
public final class SchemaMigrator {

    static final String LOCATION = "classpath*:pilotage/sql/schema/V*__*.sql";
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final String location;

    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, LOCATION);
    }

    SchemaMigrator(DataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    /** @return the number of migrations applied by this call */
    public int migrate() {
        List<Migration> migrations = load();
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute(SqlQueries.get("store/schema-version-create"));
            }
            Map<Integer, String> applied = applied(c);
            int count = 0;
            for (Migration m : migrations) {
                String checksum = applied.get(m.version());
                if (checksum != null) {
                    if (!checksum.equals(m.checksum())) {
                        throw new SchemaDriftException("Migration V%03d (%s) was changed after it was applied to %s: restore it as it was and put the change in a new migration."
                                .formatted(m.version(), m.description(), location(c)));
                    }
                    continue;
                }
                apply(c, m);
                count++;
            }
            if (count > 0) {
                // Into the database file at once: DuckDB cannot replay from its WAL a table whose CHECK calls a
                // function of its core_functions extension (the autoloader is asked to install it), so a crash
                // before the next checkpoint would leave a database that does not open.
                try (Statement st = c.createStatement()) {
                    st.execute(SqlQueries.get("store/checkpoint"));
                }
            }
            return count;
        } catch (SQLException e) {
            throw new StoreUnavailableException("The database schema could not be brought up to date: "
                    + DuckDbStore.firstLine(e.getMessage()), e);
        }
    }

    private static String location(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlQueries.get("store/database-path"))) {
            return rs.next() ? rs.getString(1) : "the database";
        } catch (SQLException e) {
            return "the database";
        }
    }

    private void apply(Connection c, Migration m) throws SQLException {
        long start = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(m.script());
            try (PreparedStatement ps = c.prepareStatement(
                    SqlQueries.get("store/schema-version-insert"))) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, m.checksum());
                ps.setLong(4, (System.nanoTime() - start) / 1_000_000);
                ps.executeUpdate();
            }
            c.commit();
            log.info("Applied migration V{} ({})", m.version(), m.description());
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration V" + m.version() + " (" + m.description() + ") failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlQueries.get("store/schema-versions"))) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(SchemaMigrator.class.getClassLoader())
                    .getResources(location);
            List<Migration> migrations = new ArrayList<>();
            for (Resource r : resources) {
                migrations.add(Migration.of(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            for (int i = 1; i < migrations.size(); i++) {
                if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                    throw new IllegalStateException("Two migrations share version " + migrations.get(i).version());
                }
            }
            if (migrations.isEmpty()) {
                throw new IllegalStateException("No schema migration found at " + location);
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
