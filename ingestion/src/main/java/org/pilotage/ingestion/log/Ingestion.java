package org.pilotage.ingestion.log;

import java.time.OffsetDateTime;

/** One ingestion as the history and {@code GET /api/ingestions/{id}} show it. */
public record Ingestion(long id, String kind, String fileName, String sha256, IngestionStatus status,
                        long rowsRead, long rowsWritten, long rowsRejected, String message,
                        OffsetDateTime startedAt, OffsetDateTime endedAt, Long duplicateOf, String startedBy,
                        String format, String encoding, String delimiter, String storedFile, Long jobExecutionId) {

    public boolean ended() {
        return status != IngestionStatus.QUEUED && status != IngestionStatus.RUNNING;
    }

    public boolean restartable() {
        return (status == IngestionStatus.FAILED || status == IngestionStatus.STOPPED) && storedFile != null && kind != null;
    }
}
