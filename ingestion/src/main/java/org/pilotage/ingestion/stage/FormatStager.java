package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.pilotage.ingestion.kind.FileKind;

/**
 * Stages one file format as text columns in {@code <schema>.staged}, one row per record, with the
 * contract's English column names, and the lines wider than the header in {@code <schema>.wide}.
 * The engine does the bulk work; what is checked in Java is what the engine must not be trusted with
 * (encodings, malformed binary files).
 */
public interface FormatStager {

    /** Reads the header and recognises the kind without staging anything (before a job is queued). */
    StagedFile inspect(Path file, FileKind declared, StageContext context) throws IOException, SQLException;

    /** Stages the whole file, or its first {@code limit} records for a preview. */
    StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context) throws IOException, SQLException;

    /**
     * Stages the whole file, or, when {@code direct} and the format can, lets the check read it straight from its source
     * (a view, {@link StagedFile#direct()}): nothing written, no line numbers. The caller stages it again without
     * {@code direct} when the check finds a row to reject. By default, staged as a table.
     */
    default StagedFile stage(Path file, FileKind declared, String schema, StageContext context, boolean direct)
            throws IOException, SQLException {
        return stage(file, declared, schema, Long.MAX_VALUE, context);
    }

    /** Rows the file holds, roughly, for the progress bar; 0 when unknown. */
    default long estimateRows(Path file) throws IOException {
        return 0;
    }
}
