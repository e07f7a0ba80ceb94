package org.pilotage.analytics.store;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Locale;

/** What a failure of the store says about the store itself, read from DuckDB's and the file system's errors. */
public final class StoreErrors {

    private StoreErrors() {
    }

    /** The disk under the data dir is full. */
    public static boolean diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException f && lower(f.getReason()).contains("space")) {
                return true;
            }
            String m = lower(t.getMessage());
            if (m.contains("no space left") || m.contains("disk full") || m.contains("disk is full") || m.contains("enospc")
                    || m.contains("not enough space")) {
                return true;
            }
        }
        return false;
    }

    /** The store was closed, or invalidated by a fatal error, under its user. */
    public static boolean storeGone(Throwable failure) {
        return mentions(failure, "database has been invalidated", "connection was closed", "has been closed", "connection is closed",
                "is shutting down", "pool");
    }

    /** A statement cancelled or a thread interrupted: a stop, not a failure. */
    public static boolean interrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return mentions(failure, "interrupt");
    }

    /**
     * A connection whose transaction state DuckDB lost (a commit that failed for lack of disk, a rollback
     * with no transaction): every later transaction on it would fail at its commit, so it is not reused.
     */
    static boolean brokenConnection(SQLException e) {
        return diskFull(e) || mentions(e, "failed to commit", "no transaction is active", "cannot rollback", "cannot commit",
                "transaction is aborted", "database has been invalidated", "io error");
    }

    private static boolean mentions(Throwable failure, String... words) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = lower(t.getMessage());
            for (String w : words) {
                if (m.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
