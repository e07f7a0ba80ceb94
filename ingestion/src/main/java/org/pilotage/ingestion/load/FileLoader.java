package org.pilotage.ingestion.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.csv.CsvLayout;
import org.pilotage.ingestion.csv.CsvSniffer;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one CSV file of the data contract, set-based inside DuckDB: the file is staged as text,
 * every rule of the contract is checked in SQL, rejected rows go to the reject report, and the
 * valid rows are published to the fact tables in one transaction together with the manifest entry
 * of the file's content. Nothing of a file is visible before that commit.
 */
public class FileLoader {

    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final DuckDbStore store;
    private final DataSource dataSource;
    private final IngestionLog ingestionLog;
    private final IngestionProperties properties;

    public FileLoader(DuckDbStore store, IngestionLog ingestionLog, IngestionProperties properties) {
        this.store = store;
        this.dataSource = store.dataSource();
        this.ingestionLog = ingestionLog;
        this.properties = properties;
    }

    /**
     * @param file     the file's bytes on disk
     * @param fileName the name the steward gave it (shown, never used as a path)
     * @param kind     the declared kind, or null to recognise it from the header
     * @param user     who loads it
     */
    public LoadResult load(Path file, String fileName, FileKind kind, String user) {
        String sha256 = sha256(file);
        var earlier = ingestionLog.published(sha256);
        if (earlier.isPresent()) {
            Ingestion e = earlier.get();
            String message = "Ce fichier a déjà été chargé : ingestion n° %d du %s.".formatted(e.id(),
                    e.endedAt() == null ? "?" : DAY.format(e.endedAt()));
            long id = ingestionLog.duplicate(e.kind(), fileName, sha256, user, e.id(), message);
            return new LoadResult(ingestionLog.find(id).orElseThrow());
        }

        CsvLayout layout;
        try {
            layout = CsvSniffer.sniff(file);
            if (kind == null) {
                kind = FileKind.recognise(layout.header()).orElseThrow(() -> new UnreadableFileException(
                        "type de fichier non reconnu : l'en-tête ne correspond à aucun type de fichier du contrat",
                        "unknown file kind: the header matches no file kind of the contract"));
            }
        } catch (UnreadableFileException e) {
            long id = ingestionLog.start(kind == null ? null : kind.code(), fileName, sha256, user);
            ingestionLog.fail(id, 0, 0, capitalised(e.french()) + ".");
            return new LoadResult(ingestionLog.find(id).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        long id = ingestionLog.start(kind.code(), fileName, sha256, user);
        Path work = store.dataDir().resolve("work");
        Path utf8 = work.resolve("ingestion-" + id + ".csv");
        long read = 0;
        long rejected = 0;
        try {
            List<String> names = kind.mapHeader(layout.header());
            Files.createDirectories(work);
            Path source = CsvSniffer.toUtf8(file, layout, utf8);
            try (Connection c = dataSource.getConnection()) {
                stage(c, source, layout, names, kind);
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE OR REPLACE TEMP TABLE load_context AS SELECT " + id + "::BIGINT AS ingestion_id, "
                            + layout.decimalComma() + " AS decimal_comma");
                    st.execute(SqlQueries.get("ingestion/" + prefix(kind) + "-check"));
                    read = count(st, "SELECT count(*) FROM checked");
                    rejected = count(st, "SELECT count(*) FROM checked WHERE len(errors) > 0");
                    if (read == 0) {
                        throw new UnreadableFileException("le fichier ne contient aucune ligne de données",
                                "the file holds no data row");
                    }
                    st.execute(SqlQueries.get("ingestion/rejects"));
                    if (properties.tooManyRejected(rejected, read)) {
                        ingestionLog.fail(id, read, rejected, ("Trop de lignes rejetées : %d sur %d (limite : %s %% ou %d lignes) ;"
                                + " rien n'a été publié, voir le rapport de rejets.").formatted(rejected, read,
                                formatPercent(properties.skipLimitPercent()), properties.skipLimitRows()));
                        return new LoadResult(ingestionLog.find(id).orElseThrow());
                    }
                    publish(c, st, kind, id, sha256, read, rejected, layout);
                } finally {
                    dropTemp(c);
                }
            }
            Ingestion done = ingestionLog.find(id).orElseThrow();
            log.info("Ingestion {} of {} ({}) completed: {} read, {} written, {} rejected", id, fileName, kind.code(),
                    done.rowsRead(), done.rowsWritten(), done.rowsRejected());
            return new LoadResult(done);
        } catch (UnreadableFileException e) {
            ingestionLog.fail(id, read, rejected, capitalised(e.french()) + ".");
            log.info("Ingestion {} of {} failed: {}", id, fileName, e.english());
            return new LoadResult(ingestionLog.find(id).orElseThrow());
        } catch (SQLException | IOException e) {
            String message = "Le fichier n'a pas pu être lu : " + firstLine(e.getMessage());
            ingestionLog.fail(id, read, rejected, message);
            log.warn("Ingestion {} of {} failed", id, fileName, e);
            return new LoadResult(ingestionLog.find(id).orElseThrow());
        } finally {
            try {
                if (!utf8.equals(file)) {
                    Files.deleteIfExists(utf8);
                }
            } catch (IOException e) {
                log.warn("Could not delete work file {}", utf8, e);
            }
        }
    }

    private void stage(Connection c, Path source, CsvLayout layout, List<String> mapped, FileKind kind) throws SQLException {
        List<String> names = new ArrayList<>();
        int extra = 0;
        for (String name : mapped) {
            names.add(name == null ? "extra_" + (++extra) : name);
        }
        // Optional columns absent from the file are added empty, so that the checks see every column.
        List<String> absent = kind.columns().stream().map(col -> col.name()).filter(n -> !names.contains(n)).toList();
        String script = render(SqlQueries.get("ingestion/stage-csv"), Map.of(
                "path", literal(source.toAbsolutePath().toString()),
                "delimiter", literal(String.valueOf(layout.delimiter())),
                "names", names.stream().map(FileLoader::literal).collect(Collectors.joining(", ", "[", "]")),
                "columns", names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))));
        try (Statement st = c.createStatement()) {
            st.execute(script);
            for (String n : absent) {
                st.execute("ALTER TABLE staged ADD COLUMN \"" + n + "\" VARCHAR");
            }
        }
    }

    private void publish(Connection c, Statement st, FileKind kind, long id, String sha256, long read, long rejected,
                         CsvLayout layout) throws SQLException {
        c.setAutoCommit(false);
        try {
            long written = count(st, "SELECT count(*) FROM checked WHERE len(errors) = 0");
            if (kind != FileKind.INDICATOR_CATALOGUE) {
                st.execute(SqlQueries.get("ingestion/references-publish"));
            }
            st.execute(SqlQueries.get("ingestion/" + prefix(kind) + "-publish"));
            try (var ps = c.prepareStatement("INSERT INTO ingestion_manifest (sha256, ingestion_id) VALUES (?, ?)")) {
                ps.setString(1, sha256);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            String message = rejected == 0
                    ? "%d lignes chargées.".formatted(written)
                    : "%d lignes chargées, %d rejetées (voir le rapport de rejets).".formatted(written, rejected);
            try (var ps = c.prepareStatement("""
                    UPDATE ingestion SET status = 'COMPLETED', rows_read = ?, rows_written = ?, rows_rejected = ?,
                           message = ?, ended_at = current_timestamp, encoding = ?, delimiter = ?
                    WHERE id = ?""")) {
                ps.setLong(1, read);
                ps.setLong(2, written);
                ps.setLong(3, rejected);
                ps.setString(4, message);
                ps.setString(5, layout.charset().name());
                ps.setString(6, layout.delimiterName());
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void dropTemp(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS staged; DROP TABLE IF EXISTS checked; DROP TABLE IF EXISTS load_context");
        } catch (SQLException e) {
            log.warn("Could not drop staging tables", e);
        }
    }

    private static String prefix(FileKind kind) {
        return switch (kind) {
            case INDICATOR_MEASURES -> "measures";
            case PROJECT_COUNTS -> "counts";
            case INDICATOR_CATALOGUE -> "catalogue";
        };
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String render(String template, Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String formatPercent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p).replace('.', ',');
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "erreur inconnue";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
