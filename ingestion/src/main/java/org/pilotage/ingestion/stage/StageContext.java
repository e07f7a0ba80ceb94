package org.pilotage.ingestion.stage;

import java.nio.file.Path;
import java.sql.Connection;

import org.apache.arrow.memory.BufferAllocator;

/**
 * What staging works with: the step's connection, the work folder for converted files, the probe that
 * runs the long statement (progress, stop) and the Arrow memory of the process.
 */
public record StageContext(Connection connection, Path work, ProgressProbe probe, BufferAllocator arrowMemory) {

    /** The text file DuckDB reads for a workspace (a transcoded CSV, a converted workbook); deleted when the job ends. */
    public Path workFile(String schema) {
        return work.resolve(schema + ".csv");
    }
}
