package org.pilotage.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.IngestionRefusedException.Reason;
import org.pilotage.ingestion.jobs.IngestionJobConfiguration;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.stage.FileFormat;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Stager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Takes files from stewards (UI and REST alike) and runs them through the ingestion job, one at a
 * time: stores the bytes under a generated name in the data dir, recognises duplicates by SHA-256,
 * refuses what cannot be read before any job runs, queues the rest, and resumes what a crash cut.
 */
public class IngestionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final DuckDbStore store;
    private final IngestionLog ingestionLog;
    private final IngestionProgress progress;
    private final IngestionProperties properties;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingestion-worker");
        t.setDaemon(true);
        return t;
    });

    public IngestionService(DuckDbStore store, IngestionLog ingestionLog, IngestionProgress progress,
                            IngestionProperties properties, JobOperator jobOperator, JobRepository jobRepository, Job job) {
        this.store = store;
        this.ingestionLog = ingestionLog;
        this.progress = progress;
        this.properties = properties;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
    }

    /**
     * Accepts a file and queues its load.
     *
     * @param declared the kind the steward chose, or null to recognise it from the header
     * @return the ingestion: QUEUED, or already DUPLICATE or FAILED (unreadable) with its sentence
     * @throws IngestionRefusedException too large (413), not a supported type (415), same content under way (409)
     */
    public Ingestion submit(InputStream content, String fileName, FileKind declared, String user) {
        return submit(content, fileName, declared, user, java.util.Set.of());
    }

    /**
     * @param scope the establishments the user may load (empty = all): rows of others are rejected, and
     *              the indicator catalogue, which every establishment shares, is refused
     */
    public Ingestion submit(InputStream content, String fileName, FileKind declared, String user, java.util.Set<String> scope) {
        String name = displayName(fileName);
        Stored upload = store(content);
        Path stored = upload.path();
        try {
            String sha256 = upload.sha256();
            long size = Files.size(stored);
            FileFormat format = FileFormat.detect(stored).orElseThrow(() -> new IngestionRefusedException(Reason.UNSUPPORTED_TYPE,
                    "Le fichier « " + name + " » n'est ni un CSV, ni un classeur XLSX, ni un fichier Parquet ou Arrow.",
                    "The file \"" + name + "\" is neither a CSV, an XLSX workbook, nor a Parquet or Arrow file."));
            FileFormat.claimedBy(name).ifPresent(claimed -> {
                boolean arrow = (claimed == FileFormat.ARROW_FILE || claimed == FileFormat.ARROW_STREAM)
                        && (format == FileFormat.ARROW_FILE || format == FileFormat.ARROW_STREAM);
                if (claimed != format && !arrow) {
                    throw new IngestionRefusedException(Reason.UNSUPPORTED_TYPE,
                            "Le contenu du fichier « " + name + " » ne correspond pas à son extension (" + claimed.code() + ").",
                            "The content of \"" + name + "\" does not match its extension (" + claimed.code() + ").");
                }
            });
            Optional<Ingestion> earlier = ingestionLog.published(sha256);
            if (earlier.isPresent()) {
                Ingestion e = earlier.get();
                String message = "Ce fichier a déjà été chargé : ingestion n° %d du %s ; rien n'a été écrit.".formatted(e.id(),
                        e.endedAt() == null ? "?" : DAY.format(e.endedAt()));
                Files.deleteIfExists(stored);
                return ingestionLog.find(ingestionLog.duplicate(e.kind(), name, sha256, user, e.id(), message)).orElseThrow();
            }
            Optional<Ingestion> running = ingestionLog.active(sha256);
            if (running.isPresent()) {
                Files.deleteIfExists(stored);
                throw new IngestionRefusedException(Reason.CONFLICT,
                        "Ce fichier est déjà en cours de chargement (ingestion n° " + running.get().id() + ").",
                        "This file is already being loaded (ingestion " + running.get().id() + ").");
            }
            StagedFile inspected;
            try (Connection c = store.dataSource().getConnection()) {
                Path work = store.dataDir().resolve("work");
                Files.createDirectories(work);
                inspected = Stager.inspect(c, stored, format, declared, work);
            } catch (UnreadableFileException e) {
                String message = Character.toUpperCase(e.french().charAt(0)) + e.french().substring(1) + ".";
                long id = ingestionLog.failedBeforeStart(declared == null ? null : declared.code(), name, sha256, user,
                        stored.toString(), format.code(), size, message);
                log.info("Ingestion {} of '{}' refused: {}", id, name, e.english());
                return ingestionLog.find(id).orElseThrow();
            }
            if (!scope.isEmpty() && inspected.kind() == FileKind.INDICATOR_CATALOGUE) {
                throw new IngestionRefusedException(Reason.BAD_REQUEST,
                        "Le catalogue d'indicateurs, commun à tous les établissements, ne peut être chargé que par un intendant de tous les établissements.",
                        "The indicator catalogue, shared by every establishment, may only be loaded by a steward of all establishments.");
            }
            long id = ingestionLog.queued(inspected.kind().code(), name, sha256, user, stored.toString(), format.code(), size);
            ingestionLog.scope(id, scope);
            progress.queued(id);
            worker.submit(() -> launch(id));
            return ingestionLog.find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IngestionRefusedException e) {
            deleteQuietly(stored);
            throw e;
        }
    }

    /** What the file looks like to Pilotage before it is loaded: format, kind, encoding, delimiter and first rows. */
    public org.pilotage.ingestion.stage.Preview preview(Path file, String fileName, FileKind declared, int rows) {
        try (Connection c = store.dataSource().getConnection()) {
            FileFormat format = FileFormat.detect(file).orElseThrow(() -> new IngestionRefusedException(Reason.UNSUPPORTED_TYPE,
                    "Le fichier « " + displayName(fileName) + " » n'est ni un CSV, ni un classeur XLSX, ni un fichier Parquet ou Arrow.",
                    "The file is neither a CSV, an XLSX workbook, nor a Parquet or Arrow file."));
            Path work = store.dataDir().resolve("work");
            Files.createDirectories(work);
            return Stager.preview(c, file, format, declared, work, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new UnreadableFileException("le fichier n'a pas pu être lu : " + e.getMessage().lines().findFirst().orElse(""),
                    "the file could not be read");
        }
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

    /** Waits until the ingestion has ended or the timeout passed; answers its state then. */
    public Ingestion awaitEnd(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Ingestion i = ingestionLog.find(id).orElseThrow(() -> notFound(id));
            // ended in the log, and the job itself done (its listener has cleaned up)
            if (i.ended() && progress.snapshot(id).isEmpty() || System.nanoTime() > deadline) {
                return i;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            }
        }
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
            throw new IngestionRefusedException(Reason.CONFLICT, "L'ingestion n° " + id + " est déjà terminée (" + i.status() + ").",
                    "Ingestion " + id + " has already ended (" + i.status() + ").");
        }
        if (!progress.requestStop(id)) {
            ingestionLog.ended(id, IngestionStatus.STOPPED, "Chargement arrêté à la demande ; rien n'a été publié.");
        }
        return ingestionLog.find(id).orElseThrow();
    }

    /** Runs a failed or stopped ingestion again, from its stored file. */
    public Ingestion restart(long id) {
        Ingestion i = ingestionLog.find(id).orElseThrow(() -> notFound(id));
        if (!i.restartable()) {
            throw new IngestionRefusedException(Reason.CONFLICT,
                    "L'ingestion n° " + id + " ne peut pas être relancée (" + i.status() + ").",
                    "Ingestion " + id + " cannot be restarted (" + i.status() + ").");
        }
        if (ingestionLog.published(i.sha256()).isPresent()) {
            throw new IngestionRefusedException(Reason.CONFLICT, "Ce contenu a déjà été publié par une autre ingestion.",
                    "This content has already been published by another ingestion.");
        }
        ingestionLog.requeue(id);
        progress.queued(id);
        worker.submit(() -> launch(id));
        return ingestionLog.find(id).orElseThrow();
    }

    /**
     * After a crash: executions the job repository still shows as running are marked failed, then
     * every ingestion left queued or running is run again (its steps rebuild their tables; content
     * already published is not published twice).
     */
    public int resumeInterrupted() {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(IngestionJobConfiguration.JOB_NAME)) {
            jobOperator.recover(execution);
            log.info("Job execution {} was cut by a stop of the service; marked failed", execution.getId());
        }
        List<Ingestion> unfinished = ingestionLog.unfinished();
        for (Ingestion i : unfinished) {
            log.info("Resuming ingestion {} ('{}') cut by a stop of the service", i.id(), i.fileName());
            progress.queued(i.id());
            worker.submit(() -> launch(i.id()));
        }
        return unfinished.size();
    }

    private void launch(long id) {
        Ingestion i = ingestionLog.find(id).orElse(null);
        if (i == null || i.status() != IngestionStatus.QUEUED && i.status() != IngestionStatus.RUNNING) {
            progress.ended(id);
            return;
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString("sha256", i.sha256(), true)
                .addString("kind", i.kind(), true)
                .addLong("ingestion.id", id, false)
                .addString("file", i.storedFile(), false)
                .addString("format", i.format(), false)
                .toJobParameters();
        try {
            jobOperator.start(job, parameters);
        } catch (Exception e) {
            log.warn("Ingestion {} could not start", id, e);
            ingestionLog.ended(id, IngestionStatus.FAILED, "Le chargement n'a pas pu démarrer : " + e.getMessage());
            progress.ended(id);
        }
    }

    /** An upload kept in the data dir, with the SHA-256 of its content. */
    private record Stored(Path path, String sha256) {
    }

    /** Copies the upload into the data dir, refusing it past the size limit, and digests it on the way (one read). */
    private Stored store(InputStream content) {
        Path uploads = store.dataDir().resolve("uploads");
        Path target = uploads.resolve(UUID.randomUUID() + ".upload");
        long max = properties.maxFileSize().toBytes();
        try {
            Files.createDirectories(uploads);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    total += n;
                    if (total > max) {
                        throw tooLarge();
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Stored(target, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            deleteQuietly(target);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(target);
            throw new IllegalStateException(e);
        } catch (IngestionRefusedException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    public IngestionRefusedException tooLarge() {
        long bytes = properties.maxFileSize().toBytes();
        String fr = bytes >= 1L << 30 ? (bytes >> 30) + " Go" : bytes >= 1L << 20 ? (bytes >> 20) + " Mo" : (bytes >> 10) + " Ko";
        String en = fr.replace("Go", "GB").replace("Mo", "MB").replace("Ko", "KB");
        return new IngestionRefusedException(Reason.TOO_LARGE,
                "Le fichier dépasse la taille maximale acceptée (" + fr + ").",
                "The file is larger than the maximum accepted size (" + en + ").");
    }

    private static IngestionRefusedException notFound(long id) {
        return new IngestionRefusedException(Reason.NOT_FOUND, "Aucune ingestion n° " + id + ".", "No ingestion " + id + ".");
    }

    /** Only the last path segment of what a browser or script sent, never used as a path. */
    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "fichier";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        return name.isEmpty() ? "fichier" : name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover upload is harmless
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
