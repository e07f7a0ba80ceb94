package org.pilotage.ingestion.log;

public enum IngestionStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, STOPPED, DUPLICATE
}
