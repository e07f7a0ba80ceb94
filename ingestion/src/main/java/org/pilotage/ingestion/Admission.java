package org.pilotage.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import org.pilotage.analytics.store.ArrowMemory;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.text.Refusal.Reason;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.stage.FileFormat;
import org.pilotage.ingestion.stage.Preview;
import org.pilotage.ingestion.stage.ProgressProbe;
import org.pilotage.ingestion.stage.StageContext;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Stager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a stored file, before any job runs: its format is recognised from its bytes (and must
 * agree with its name), its kind from its header; content already published is a duplicate, content under
 * way is refused, what cannot be read is failed with its sentence, the rest is queued. One file at a time,
 * so that two copies of the same content sent together are not both loaded.
 */
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final DuckDbStore store;
    private final IngestionLog ingestionLog;
    private final IngestionQueue queue;
    private final Object lock = new Object();

    Admission(DuckDbStore store, IngestionLog ingestionLog, IngestionQueue queue) {
        this.store = store;
        this.ingestionLog = ingestionLog;
        this.queue = queue;
    }

    Ingestion admit(Uploads.Stored upload, String fileName, FileKind declared, String user, Set<String> scope) {
        ingestionLog.flushPending();
        String name = displayName(fileName);
        Path stored = upload.path();
        try {
            FileFormat format = format(stored, name);
            StagedFile inspected;
            try {
                inspected = inspect(stored, format, declared);
            } catch (UnreadableFileException e) {
                synchronized (lock) {
                    Optional<Ingestion> earlier = ingestionLog.published(upload.sha256());
                    if (earlier.isPresent()) {
                        return duplicate(earlier.get(), name, upload, user);
                    }
                    long id = ingestionLog.failedBeforeStart(declared == null ? null : declared.code(), name, upload.sha256(), user,
                            stored.toString(), format.code(), upload.size(), e.sentence());
                    log.info("Ingestion {} of '{}' refused: {}", id, name, e.english());
                    return ingestionLog.find(id).orElseThrow();
                }
            }
            if (!scope.isEmpty() && inspected.kind() == FileKind.INDICATOR_CATALOGUE) {
                throw new IngestionRefusedException(Reason.BAD_REQUEST, "ingestion.catalogue-scope");
            }
            synchronized (lock) {
                Optional<Ingestion> earlier = ingestionLog.published(upload.sha256());
                if (earlier.isPresent()) {
                    return duplicate(earlier.get(), name, upload, user);
                }
                Optional<Ingestion> running = ingestionLog.active(upload.sha256());
                if (running.isPresent()) {
                    throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.already-running", running.get().id());
                }
                long id = ingestionLog.queued(inspected.kind().code(), name, upload.sha256(), user, stored.toString(), format.code(),
                        upload.size());
                ingestionLog.scope(id, scope);
                queue.submit(id);
                return ingestionLog.find(id).orElseThrow();
            }
        } catch (RuntimeException e) {
            Uploads.delete(stored);
            throw e;
        }
    }

    private Ingestion duplicate(Ingestion earlier, String name, Uploads.Stored upload, String user) {
        Uploads.delete(upload.path());
        Sentence message = Sentence.of("ingestion.duplicate", earlier.id(),
                earlier.endedAt() == null ? "?" : DAY.format(earlier.endedAt()));
        return ingestionLog.find(ingestionLog.duplicate(earlier.kind(), name, upload.sha256(), user, earlier.id(), message)).orElseThrow();
    }

    private static FileFormat format(Path file, String name) {
        FileFormat format;
        try {
            format = FileFormat.detect(file).orElseThrow(() -> new IngestionRefusedException(Reason.UNSUPPORTED_TYPE, "file.not-supported", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileFormat.claimedBy(name).ifPresent(claimed -> {
            boolean arrow = (claimed == FileFormat.ARROW_FILE || claimed == FileFormat.ARROW_STREAM)
                    && (format == FileFormat.ARROW_FILE || format == FileFormat.ARROW_STREAM);
            if (claimed != format && !arrow) {
                throw new IngestionRefusedException(Reason.UNSUPPORTED_TYPE, "file.extension-mismatch", name, claimed.code());
            }
        });
        return format;
    }

    private StagedFile inspect(Path file, FileFormat format, FileKind declared) {
        try (Connection c = store.dataSource().getConnection(); ArrowMemory.Scope memory = ArrowMemory.scope("inspect", Long.MAX_VALUE)) {
            Path work = work();
            return Stager.inspect(file, format, declared, new StageContext(c, work, ProgressProbe.none(), memory.allocator()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the file looks like to Pilotage before it is loaded: format, kind, encoding, delimiter and first rows. */
    Preview preview(Path file, String fileName, FileKind declared, int rows) {
        FileFormat format = format(file, displayName(fileName));
        try (Connection c = store.dataSource().getConnection(); ArrowMemory.Scope memory = ArrowMemory.scope("preview", Long.MAX_VALUE)) {
            return Stager.preview(file, format, declared, rows, new StageContext(c, work(), ProgressProbe.none(), memory.allocator()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            log.info("Preview of '{}' failed: {}", displayName(fileName), e.getMessage());
            throw new UnreadableFileException("file.unreadable");
        }
    }

    private Path work() throws IOException {
        Path work = store.dataDir().resolve("work");
        Files.createDirectories(work);
        return work;
    }

    /** A failed or stopped ingestion queued again, unless its content was published or is under way since. */
    void readmit(Ingestion i) {
        synchronized (lock) {
            if (ingestionLog.published(i.sha256()).isPresent()) {
                throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.already-published");
            }
            Optional<Ingestion> running = ingestionLog.active(i.sha256());
            if (running.isPresent()) {
                throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.already-running", running.get().id());
            }
            ingestionLog.requeue(i.id(), false);
            queue.submit(i.id());
        }
    }

    /** Only the last path segment of what a browser or script sent, never used as a path. */
    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "fichier";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        return name.isEmpty() ? "fichier" : name.length() > 255 ? name.substring(0, 255) : name;
    }
}
