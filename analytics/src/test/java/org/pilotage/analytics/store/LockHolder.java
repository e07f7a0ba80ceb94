package org.pilotage.analytics.store;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a child JVM by the tests: opens a DuckDB file, says "locked", and holds it until killed. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS held (x INTEGER)");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
