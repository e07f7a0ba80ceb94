package org.pilotage.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.pilotage.analytics.store.ArrowMemory;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.text.Refusal.Reason;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.stage.FileFormat;
import org.pilotage.ingestion.stage.Preview;
import org.pilotage.ingestion.stage.StageContext;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Stager;
import org.pilotage.ingestion.stage.ProgressProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes files from stewards (UI and REST alike) and runs them through the ingestion job, one at a
 * time: stores the bytes under a generated name in the data dir, recognises duplicates by SHA-256,
 * refuses what cannot be read before any job runs, queues the rest, and after a stop of the service
 * resumes what was cut (once: a file running at two deaths in a row is failed, it may be the cause).
 */
public class IngestionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final DuckDbStore store;
    private final IngestionLog ingestionLog;
    private final IngestionProgress progress;
    private final Uploads uploads;
    private final IngestionQueue queue;
    private final ConcurrentHashMap<Long, CompletableFuture<Ingestion>> waiting = new ConcurrentHashMap<>();
    /** Admission (is this content published, under way, or new?) is decided for one file at a time. */
    private final Object admission = new Object();

    public IngestionService(DuckDbStore store, IngestionLog ingestionLog, IngestionProgress progress, IngestionEvents events,
                            Uploads uploads, IngestionQueue queue) {
        this.store = store;
        this.ingestionLog = ingestionLog;
        this.progress = progress;
        this.uploads = uploads;
        this.queue = queue;
        events.subscribe(ended -> {
            CompletableFuture<Ingestion> f = waiting.remove(ended.id());
            if (f != null) {
                f.complete(ended);
            }
        });
    }

    /**
     * Accepts a file and queues its load.
     *
     * @param declared the kind the steward chose, or null to recognise it from the header
     * @return the ingestion: QUEUED, or already DUPLICATE or FAILED (unreadable) with its sentence
     * @throws IngestionRefusedException too large (413), not a supported type (415), same content under way (409),
     *                                   no room on the disk (507)
     */
    public Ingestion submit(InputStream content, String fileName, FileKind declared, String user) {
        return submit(content, fileName, declared, user, Set.of());
    }

    /**
     * @param scope the establishments the user may load (empty = all): rows of others are rejected, and
     *              the indicator catalogue, which every establishment shares, is refused
     */
    public Ingestion submit(InputStream content, String fileName, FileKind declared, String user, Set<String> scope) {
        return admit(uploads.store(content), fileName, declared, user, scope);
    }

    /** Accepts a file already received into the data dir (the Vaadin screen's upload): moved, not copied again. */
    public Ingestion submit(Path received, String fileName, FileKind declared, String user, Set<String> scope) {
        return admit(uploads.adopt(received), fileName, declared, user, scope);
    }

    private Ingestion admit(Uploads.Stored upload, String fileName, FileKind declared, String user, Set<String> scope) {
        ingestionLog.flushPending();
        String name = displayName(fileName);
        Path stored = upload.path();
        try {
            FileFormat format = format(stored, name);
            StagedFile inspected;
            try {
                inspected = inspect(stored, format, declared);
            } catch (UnreadableFileException e) {
                synchronized (admission) {
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
            synchronized (admission) {
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
    public Preview preview(Path file, String fileName, FileKind declared, int rows) {
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

    /** Loads a file already on disk (default catalogue, demo data) and waits for the outcome. */
    public Ingestion load(Path file, String fileName, FileKind kind, String user, Duration timeout) {
        try (InputStream in = Files.newInputStream(file)) {
            Ingestion i = submit(in, fileName, kind, user);
            return i.ended() ? i : awaitEnd(i.id(), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the ingestion has ended (its job done, its listener through) or the timeout passed; answers its state then. */
    public Ingestion awaitEnd(long id, Duration timeout) {
        CompletableFuture<Ingestion> done = waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
        Ingestion now = ingestionLog.find(id).orElseThrow(() -> notFound(id));
        if (now.ended() && progress.snapshot(id).isEmpty()) {
            waiting.remove(id, done);
            return now;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // answer the state it is in
        }
        return ingestionLog.find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Ingestion> find(long id) {
        return ingestionLog.find(id);
    }

    public List<Ingestion> recent(int limit) {
        return ingestionLog.recent(limit);
    }

    /** Asks a queued or running ingestion to stop; nothing of it is published. */
    public Ingestion stop(long id) {
        Ingestion i = ingestionLog.find(id).orElseThrow(() -> notFound(id));
        if (i.ended()) {
            throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.already-ended", id, i.status().name());
        }
        if (!progress.requestStop(id)) {
            ingestionLog.ended(id, IngestionStatus.STOPPED, Sentence.of("ingestion.stopped"));
        }
        return ingestionLog.find(id).orElseThrow();
    }

    /** Runs a failed or stopped ingestion again, from its stored file. */
    public Ingestion restart(long id) {
        Ingestion i = ingestionLog.find(id).orElseThrow(() -> notFound(id));
        if (!i.restartable()) {
            throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.not-restartable", id, i.status().name());
        }
        if (!Files.exists(Path.of(i.storedFile()))) {
            throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.file-missing");
        }
        synchronized (admission) {
            if (ingestionLog.published(i.sha256()).isPresent()) {
                throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.already-published");
            }
            if (ingestionLog.active(i.sha256()).isPresent()) {
                throw new IngestionRefusedException(Reason.CONFLICT, "ingestion.already-running", ingestionLog.active(i.sha256()).get().id());
            }
            ingestionLog.requeue(id, false);
            queue.submit(id);
        }
        return ingestionLog.find(id).orElseThrow();
    }

    /**
     * At start-up, before anything serves: what a stop of the service left behind is removed (workspaces,
     * work files, uploads no ingestion refers to), and the ingestions it cut are queued again, except one
     * that was running at the last two stops: it is failed with a sentence, since the file may be what
     * stopped the service.
     *
     * @return the ingestions queued again
     */
    public int resumeInterrupted() {
        queue.recoverExecutions();
        new Leftovers(store).removeAll();
        int removed = uploads.removeOrphans(ingestionLog.storedFiles());
        if (removed > 0) {
            log.info("Removed {} upload(s) that no ingestion refers to", removed);
        }
        int resumed = 0;
        for (Ingestion i : ingestionLog.unfinished()) {
            if (i.status() == IngestionStatus.RUNNING) {
                if (i.interruptedRuns() >= 1) {
                    ingestionLog.ended(i.id(), IngestionStatus.FAILED, Sentence.of("ingestion.stopped-the-service"));
                    log.warn("Ingestion {} ('{}') was running when the service stopped, twice in a row: failed, not resumed",
                            i.id(), i.fileName());
                    continue;
                }
                ingestionLog.requeue(i.id(), true);
            }
            log.info("Resuming ingestion {} ('{}') cut by a stop of the service", i.id(), i.fileName());
            queue.submit(i.id());
            resumed++;
        }
        return resumed;
    }

    private static IngestionRefusedException notFound(long id) {
        return new IngestionRefusedException(Reason.NOT_FOUND, "ingestion.unknown", id);
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

    /** Stops the running ingestion (it is resumed at the next start) and waits for the worker, before the store closes. */
    @Override
    public void close() {
        queue.close();
    }
}
