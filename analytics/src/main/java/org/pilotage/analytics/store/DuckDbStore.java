package org.pilotage.analytics.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of Pilotage's DuckDB file.
 *
 * <p>DuckDB allows one process per database file; inside this process every JDBC connection to the
 * same path shares one database instance. The store keeps an anchor connection open for its whole
 * life (so the instance, its settings and the file lock live exactly as long as the store) and hands
 * out pooled connections for readers and writers.
 */
public final class DuckDbStore implements AutoCloseable {

    public static final String DATABASE_FILE = "pilotage.duckdb";
    private static final Logger log = LoggerFactory.getLogger(DuckDbStore.class);
    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (\\d+)\\)");

    private final Path dataDir;
    private final Path databaseFile;
    private final Connection anchor;
    private final HikariDataSource pool;
    private final ReentrantReadWriteLock publication = new ReentrantReadWriteLock(true);
    /** The last write that failed for lack of disk space, until a write succeeds again. */
    private volatile Throwable writeFailure;

    private DuckDbStore(Path dataDir, Path databaseFile, Connection anchor, HikariDataSource pool) {
        this.dataDir = dataDir;
        this.databaseFile = databaseFile;
        this.anchor = anchor;
        this.pool = pool;
    }

    /** Opens (creating if needed) the database in the data dir and applies the schema migrations. */
    public static DuckDbStore open(StoreProperties properties) {
        Path dataDir = prepareDataDir(properties.dataDir());
        Path file = dataDir.resolve(DATABASE_FILE);
        String url = "jdbc:duckdb:" + file;
        Connection anchor = connectAnchor(url, file);
        NativeLibrary.forgetExtractedCopy();
        try {
            applySettings(anchor, dataDir, properties.store());
            HikariDataSource pool = pool(url, properties.store().poolSize());
            DuckDbStore store = new DuckDbStore(dataDir, file, anchor, pool);
            new SchemaMigrator(pool).migrate();
            log.info("DuckDB store open at {}", file);
            return store;
        } catch (RuntimeException e) {
            closeQuietly(anchor);
            throw e;
        }
    }

    private static Path prepareDataDir(Path configured) {
        Path dir = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StoreUnavailableException("The data directory " + dir + " cannot be created ("
                    + describe(e) + "): set pilotage.data-dir to a folder Pilotage may write to.", e);
        }
        Path probe = dir.resolve(".write-check");
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StoreUnavailableException("The data directory " + dir + " is not writable ("
                    + describe(e) + "): set pilotage.data-dir to a folder Pilotage may write to.", e);
        }
        return dir;
    }

    private static Connection connectAnchor(String url, Path file) {
        try {
            return DriverManager.getConnection(url, new Properties());
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Could not set lock") || msg.contains("Conflicting lock")) {
                Matcher pid = LOCK_PID.matcher(msg);
                String holder = pid.find() ? "another process (PID " + pid.group(1) + ")" : "another process";
                throw new StoreUnavailableException("The database file " + file + " is held by " + holder
                        + ": stop that process or point pilotage.data-dir at another folder.", e);
            }
            throw new StoreUnavailableException("The database file " + file + " cannot be opened: "
                    + firstLine(msg), e);
        }
    }

    private static void applySettings(Connection anchor, Path dataDir, StoreProperties.Store settings) {
        String memoryLimit = settings.memoryLimit().isBlank() ? defaultMemoryLimit() : settings.memoryLimit();
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        if (!memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|KIB|MB|MIB|GB|GIB|TB|TIB)")) {
            throw new StoreUnavailableException("The setting pilotage.store.memory-limit (" + memoryLimit
                    + ") is not a size such as 512MB or 4GB.");
        }
        try (Statement st = anchor.createStatement()) {
            st.execute(SqlQueries.get("store/settings")
                    .replace("{{memory}}", literal(memoryLimit))
                    .replace("{{threads}}", Integer.toString(threads))
                    .replace("{{temp}}", literal(dataDir.resolve("tmp").toString()))
                    .replace("{{allowed}}", literal(dataDir + java.io.File.separator)));
            log.info("DuckDB memory_limit={} threads={}", memoryLimit, threads);
        } catch (SQLException e) {
            throw new StoreUnavailableException("DuckDB refused its settings (memory " + memoryLimit
                    + ", threads " + threads + "): " + firstLine(e.getMessage()), e);
        }
    }

    /** Half of the physical memory the JVM heap leaves free, at least 256 MB: DuckDB's own default (80 % of RAM) ignores the heap. */
    static String defaultMemoryLimit() {
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long heap = Runtime.getRuntime().maxMemory();
        long mb = Math.max(256, (physical - heap) / 2 / (1024 * 1024));
        return mb + "MB";
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("duckdb");
        config.setDriverClassName("org.duckdb.DuckDBDriver");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(Math.max(2, size));
        config.setMinimumIdle(1);
        config.setMaxLifetime(0);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1);
        // A connection whose transaction DuckDB lost (a commit that failed on a full disk) would fail every later commit.
        config.setExceptionOverride(new EvictBrokenConnections());
        return new HikariDataSource(config);
    }

    /** Tells the pool to drop a connection whose transaction state DuckDB lost. */
    private static final class EvictBrokenConnections implements com.zaxxer.hikari.SQLExceptionOverride {
        @java.lang.Override
        public Override adjudicate(SQLException e) {
            return StoreErrors.brokenConnection(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    }

    /**
     * Readers of published data hold the read side; the commit of a transaction that publishes holds
     * the write side. DuckDB 2.0's commit of a large transaction becomes visible to concurrent readers
     * row group by row group (measured: a reader counted 234,472 of 1.2 M rows during the commit), so
     * without this a dashboard could show half a file.
     */
    public ReentrantReadWriteLock publicationLock() {
        return publication;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return databaseFile;
    }

    /**
     * Runs a trivial query that reads the schema. After a fatal DuckDB error the whole instance is
     * invalidated and every query fails, so this fails too.
     */
    public void check() throws SQLException {
        if (pool.isClosed()) {
            throw new SQLException("the store is closed");
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            st.executeQuery(SqlQueries.get("store/check")).close();
        }
    }

    /** A write failed because the disk is full: health reports it until a write succeeds again. */
    public void writeFailed(Throwable cause) {
        if (StoreErrors.diskFull(cause)) {
            writeFailure = cause;
        }
    }

    public void writeSucceeded() {
        writeFailure = null;
    }

    /** Below this, a load or even a checkpoint of the database may not fit. */
    static final long MIN_FREE_BYTES = 32L * 1024 * 1024;

    /**
     * Whether the store can serve and write: a query on its schema answers, the disk under the data dir has
     * room, and no write failed for lack of room since the last one that worked (tried again here once
     * there is room, so that health turns UP without waiting for the next ingestion).
     */
    public StoreHealth health() {
        try {
            check();
        } catch (SQLException | RuntimeException e) {
            return StoreHealth.down(StoreHealth.Cause.STORE_FAILED, firstLine(e.getMessage()));
        }
        long free = freeBytes();
        if (free >= 0 && free < MIN_FREE_BYTES) {
            return StoreHealth.down(StoreHealth.Cause.DISK_FULL, (free / (1024 * 1024)) + " MB free in " + dataDir);
        }
        if (writeFailure != null) {
            if (!probeWrite()) {
                return StoreHealth.down(StoreHealth.Cause.DISK_FULL, firstLine(writeFailure.getMessage()));
            }
            writeFailure = null;
        }
        return StoreHealth.UP;
    }

    /** Bytes free for Pilotage on the data dir's file system, or -1 when it cannot tell. */
    public long freeBytes() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A small write through DuckDB that reaches the disk: a checkpoint of the database. */
    private boolean probeWrite() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(SqlQueries.get("store/checkpoint"));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(anchor);
        log.info("DuckDB store closed at {}", databaseFile);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the first error is the one that matters
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "a parent is a file, not a folder";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
