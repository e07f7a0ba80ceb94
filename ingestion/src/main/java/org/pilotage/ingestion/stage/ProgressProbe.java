package org.pilotage.ingestion.stage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs the long statement of a stage, reporting DuckDB's progress and letting a stop cancel it. */
@FunctionalInterface
public interface ProgressProbe {

    void execute(Connection c, String sql) throws SQLException;

    static ProgressProbe none() {
        return (c, sql) -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        };
    }
}
