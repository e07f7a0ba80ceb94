package org.pilotage.ingestion.log;

import java.time.OffsetDateTime;

import org.pilotage.analytics.text.Sentence;

/**
 * One ingestion as the history and {@code GET /api/ingestions/{id}} show it.
 *
 * @param sentence        its one sentence (put into the reader's language when shown), or null
 * @param interruptedRuns how many times a stop of the service cut it while it ran
 */
public record Ingestion(long id, String kind, String fileName, String sha256, IngestionStatus status,
                        long rowsRead, long rowsWritten, long rowsRejected, Sentence sentence,
                        OffsetDateTime startedAt, OffsetDateTime endedAt, Long duplicateOf, String startedBy,
                        String format, String encoding, String delimiter, String storedFile, Long jobExecutionId,
                        int interruptedRuns) {

    public boolean ended() {
        return status != IngestionStatus.QUEUED && status != IngestionStatus.RUNNING;
    }

    public boolean restartable() {
        return (status == IngestionStatus.FAILED || status == IngestionStatus.STOPPED) && storedFile != null && kind != null;
    }

    /** The sentence in French, as logs and French readers have it. */
    public String message() {
        return sentence == null ? null : sentence.french();
    }
}
