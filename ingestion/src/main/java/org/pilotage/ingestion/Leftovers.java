package org.pilotage.ingestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.stage.Staging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What ingestions that no longer run may have left behind when the service stopped under them: their
 * workspace schemas in the database and their work files. Removed at start-up, before any job runs
 * (an ingestion resumed then rebuilds its own from its stored file).
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    private final DuckDbStore store;

    Leftovers(DuckDbStore store) {
        this.store = store;
    }

    void removeAll() {
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        List<String> schemas = jdbc.queryForList(Staging.script("workspaces", null, Map.of()), String.class);
        try (Connection c = store.dataSource().getConnection()) {
            for (String schema : schemas) {
                Staging.execute(c, Staging.script("leftover-drop", schema, Map.of()));
            }
        } catch (SQLException e) {
            log.warn("Could not drop the workspaces left by a stop of the service: {}", e.getMessage());
        }
        if (!schemas.isEmpty()) {
            log.info("Dropped {} workspace(s) left by a stop of the service", schemas.size());
        }
        Path work = store.dataDir().resolve("work");
        if (Files.isDirectory(work)) {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Uploads.delete(p);
                }
            } catch (IOException e) {
                log.warn("Could not empty {}: {}", work, e.getMessage());
            }
        }
    }
}
