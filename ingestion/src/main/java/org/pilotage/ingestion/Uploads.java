package org.pilotage.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Refusal.Reason;
import org.pilotage.analytics.text.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files stewards hand over, kept in {@code <data-dir>/uploads} under generated names and digested
 * (SHA-256) in the same read that stores them. An upload past the size limit, or one the disk cannot
 * hold, is refused with a sentence and leaves nothing behind.
 */
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final String SUFFIX = ".upload";

    private final Path folder;
    private final long maxBytes;

    public Uploads(Path dataDir, long maxBytes) {
        this.folder = dataDir.resolve("uploads");
        this.maxBytes = maxBytes;
    }

    /** An upload kept in the data dir, with the SHA-256 of its content. */
    public record Stored(Path path, String sha256, long size) {
    }

    /** Copies a stream into the data dir, refusing it past the size limit, and digests it on the way (one read). */
    public Stored store(InputStream content) {
        Path target = folder.resolve(UUID.randomUUID() + SUFFIX);
        try {
            Files.createDirectories(folder);
            MessageDigest digest = sha256();
            long total = 0;
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge();
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Stored(target, HexFormat.of().formatHex(digest.digest()), total);
        } catch (IOException e) {
            delete(target);
            throw refusal(e);
        } catch (RuntimeException e) {
            delete(target);
            throw e;
        }
    }

    public IngestionRefusedException tooLarge() {
        return new IngestionRefusedException(Reason.TOO_LARGE, "file.too-large", size(maxBytes));
    }

    /** {@code 200 Mo}, {@code 200 MB}: a size as its reader writes it. */
    static Sentence size(long bytes) {
        return bytes >= 1L << 30 ? Sentence.of("size.gb", bytes >> 30)
                : bytes >= 1L << 20 ? Sentence.of("size.mb", bytes >> 20) : Sentence.of("size.kb", bytes >> 10);
    }

    /** Removes the uploads no ingestion refers to: leftovers of an upload that a stop of the service cut short. */
    public int removeOrphans(Set<String> referenced) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(SUFFIX) && !referenced.contains(p.toString())
                        && !referenced.contains(p.toAbsolutePath().toString())) {
                    delete(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not list {}: {}", folder, e.getMessage());
        }
        return removed;
    }

    private static IngestionRefusedException refusal(IOException e) {
        if (StoreErrors.diskFull(e)) {
            return new IngestionRefusedException(Reason.INSUFFICIENT_STORAGE, "ingestion.upload-disk-full");
        }
        log.warn("An upload could not be stored: {}", e.toString());
        return new IngestionRefusedException(Reason.BAD_REQUEST, "ingestion.upload-failed");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // removed at the next start
        }
    }
}
