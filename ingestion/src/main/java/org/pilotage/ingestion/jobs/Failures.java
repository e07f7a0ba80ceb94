package org.pilotage.ingestion.jobs;

import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * What an ingestion that failed tells its steward: the file's own fault in one sentence, a full disk, a
 * store that no longer answers, or an internal failure whose cause stays in the service log. Never the
 * text of DuckDB, Arrow, POI or Java, nor a path.
 */
public final class Failures {

    private Failures() {
    }

    /** The sentence for a failure, its causes included; null when the check wrote its own (too many rejected). */
    public static Sentence describe(Throwable failure, long ingestionId) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException u) {
                return u.sentence();
            }
        }
        if (diskFull(failure)) {
            return Sentence.of("ingestion.disk-full");
        }
        if (storeGone(failure)) {
            return Sentence.of("ingestion.store-unavailable");
        }
        return Sentence.of("ingestion.failed", ingestionId);
    }

    /** The file's fault, with a sentence of its own. */
    public static boolean unreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException) {
                return true;
            }
        }
        return false;
    }

    /** The disk under the data dir is full: nothing the file did. */
    public static boolean diskFull(Throwable failure) {
        return StoreErrors.diskFull(failure);
    }

    /** The store was closed or invalidated under the job (the service stopping, a fatal DuckDB error). */
    public static boolean storeGone(Throwable failure) {
        return StoreErrors.storeGone(failure);
    }

    /** Not the file's fault: the disk, the store, a stop. */
    public static boolean environmental(Throwable failure) {
        return StoreErrors.diskFull(failure) || StoreErrors.storeGone(failure) || StoreErrors.interrupted(failure);
    }
}
