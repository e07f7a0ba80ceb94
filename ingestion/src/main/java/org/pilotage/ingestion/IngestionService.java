package org.pilotage.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.text.Refusal.Reason;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.report.RejectReport;
import org.pilotage.ingestion.stage.Preview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestions feature, for stewards (UI and REST alike) and the service's own loads: who may load,
 * see, stop and restart what (each audited), on three parts that each do one job: {@link Uploads} stores
 * the bytes under a generated name in the data dir, {@link Admission} decides what becomes of a file
 * (duplicate, unreadable, queued) and {@link IngestionQueue} runs the jobs one at a time. After a stop of
 * the service it resumes what was cut (once: a file running at two deaths in a row is failed, it may be
 * the cause).
 */
public class IngestionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final DuckDbStore store;
    private final AuditLog audit;
    private final RejectReport rejectReport;
    private final IngestionLog ingestionLog;
    private final IngestionProgress progress;
    private final Uploads uploads;
    private final IngestionQueue queue;
    private final ConcurrentHashMap<Long, CompletableFuture<Ingestion>> waiting = new ConcurrentHashMap<>();
    private final Admission admission;

    public IngestionService(DuckDbStore store, IngestionLog ingestionLog, IngestionProgress progress, IngestionEvents events,
                            Uploads uploads, IngestionQueue queue, AuditLog audit, RejectReport rejectReport) {
        this.store = store;
        this.audit = audit;
        this.rejectReport = rejectReport;
        this.ingestionLog = ingestionLog;
        this.progress = progress;
        this.uploads = uploads;
        this.queue = queue;
        this.admission = new Admission(store, ingestionLog, queue);
        events.subscribe(ended -> {
            CompletableFuture<Ingestion> f = waiting.remove(ended.id());
            if (f != null) {
                f.complete(ended);
            }
        });
    }

    // What stewards (and admins) ask, each checked against who asks and audited

    /** A steward's file: accepted and queued, or refused; the launch is audited. */
    public Ingestion submit(Caller caller, InputStream content, String fileName, FileKind declared) {
        caller.requireAny(Role.STEWARD, Role.ADMIN);
        return launched(caller, submit(content, fileName, declared, caller.username(), caller.establishments()));
    }

    /**
     * A file the Vaadin screen already received with {@link #receive(InputStream)}: taken as it is, neither copied nor
     * read again; the launch is audited.
     */
    public Ingestion submit(Caller caller, Uploads.Stored received, String fileName, FileKind declared) {
        caller.requireAny(Role.STEWARD, Role.ADMIN);
        return launched(caller, submit(received, fileName, declared, caller.username(), caller.establishments()));
    }

    private Ingestion launched(Caller caller, Ingestion i) {
        audit.record(caller, "ingestion-launched", "ingestion " + i.id(), i.fileName() + " · " + i.status());
        return i;
    }

    /** The kind a request names ({@code indicator-measures}…), or null for «recognise it from the header». */
    public static FileKind kind(String code) {
        if (code == null || code.isBlank() || code.equals("auto")) {
            return null;
        }
        return FileKind.ofCode(code).orElseThrow(() -> new IngestionRefusedException(Reason.BAD_REQUEST, "ingestion.unknown-kind", code));
    }

    /**
     * The ingestions a caller may see, newest first: a steward limited to some establishments sees the ones
     * they launched (another's file may hold other establishments' rows), the others see every one.
     */
    public List<Ingestion> recent(Caller caller, int limit) {
        caller.requireAny(Role.STEWARD, Role.ADMIN);
        if (limit < 1 || limit > 1000) {
            throw new IngestionRefusedException(Reason.BAD_REQUEST, "ingestion.limit");
        }
        return ingestionLog.recent(limit, caller.allEstablishments() ? null : caller.username());
    }

    /** One ingestion the caller may see, or a refusal that says there is none. */
    public Ingestion find(Caller caller, long id) {
        caller.requireAny(Role.STEWARD, Role.ADMIN);
        return ingestionLog.find(id).filter(i -> visible(caller, i)).orElseThrow(() -> notFound(id));
    }

    public Ingestion stop(Caller caller, long id) {
        Ingestion i = find(caller, id);
        Ingestion stopped = stop(id);
        audit.record(caller, "ingestion-stopped", "ingestion " + id, i.fileName());
        return stopped;
    }

    public Ingestion restart(Caller caller, long id) {
        Ingestion i = find(caller, id);
        Ingestion restarted = restart(id);
        audit.record(caller, "ingestion-restarted", "ingestion " + id, i.fileName());
        return restarted;
    }

    /** The reject report of an ingestion the caller may see, in their language. */
    public void writeRejects(Caller caller, long id, Locale locale, OutputStream out) {
        rejectReport.write(find(caller, id), locale, out);
    }

    public String rejectsFileName(Caller caller, long id, Locale locale) {
        return rejectReport.fileName(find(caller, id), locale);
    }

    private static boolean visible(Caller caller, Ingestion i) {
        return caller.allEstablishments() || caller.username().equals(i.startedBy());
    }

    // The service's own loads (the default catalogue, demo data) and the jobs' plumbing

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
        return admission.admit(uploads.store(content), fileName, declared, user, scope);
    }

    Ingestion submit(Uploads.Stored received, String fileName, FileKind declared, String user, Set<String> scope) {
        return admission.admit(received, fileName, declared, user, scope);
    }

    /** What the file looks like to Pilotage before it is loaded: format, kind, encoding, delimiter and first rows. */
    public Preview preview(Path file, String fileName, FileKind declared, int rows) {
        return admission.preview(file, fileName, declared, rows);
    }

    /**
     * Receives a file of the steward screen before its preview: kept in the uploads and digested in the one pass that writes
     * it, so that {@link #submit(Caller, Uploads.Stored, String, FileKind)} takes it as it is. Past the size limit, or when the
     * disk cannot hold it, refused with a sentence and nothing kept.
     */
    public Uploads.Stored receive(InputStream content) {
        return uploads.store(content);
    }

    /** A received file that will not be loaded (the steward removed it, or it could not be read). */
    public void discard(Uploads.Stored received) {
        Uploads.delete(received.path());
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
        admission.readmit(i);
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

    /** Stops the running ingestion (it is resumed at the next start) and waits for the worker, before the store closes. */
    @Override
    public void close() {
        queue.close();
    }
}
