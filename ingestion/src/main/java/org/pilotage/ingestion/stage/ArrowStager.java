package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;
import org.pilotage.analytics.store.ArrowMemory;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * Arrow IPC (file or stream format): the framing checked, every batch validated and turned into text
 * columns in Java ({@link CheckedArrowReader}), and that stream handed to DuckDB, which keeps its rows in
 * a table. A malformed file fails with a sentence; native code never reads its buffers.
 */
final class ArrowStager implements FormatStager {

    /** Off-heap memory one upload may take while it is read. */
    private static final long MEMORY = 512L * 1024 * 1024;

    private final FileFormat format;

    ArrowStager(FileFormat format) {
        this.format = format;
    }

    @Override
    public StagedFile inspect(Path file, FileKind declared, StageContext context) throws IOException {
        try (ArrowMemory.Scope memory = new ArrowMemory.Scope(context.arrowMemory().newChildAllocator("inspect", 0, MEMORY));
             CheckedArrowReader reader = open(file, memory.allocator())) {
            List<String> header = reader.names();
            FileKind kind = Staging.kind(declared, header);
            return StagedFile.inspected(format, kind, header, Staging.columns(kind, header));
        }
    }

    @Override
    public long estimateRows(Path file) throws IOException {
        return Math.max(1, Files.size(file) / 60);
    }

    @Override
    public StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context) throws IOException, SQLException {
        try (ArrowMemory.Scope memory = new ArrowMemory.Scope(context.arrowMemory().newChildAllocator("stage", 0, MEMORY));
             CheckedArrowReader reader = open(file, memory.allocator());
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(memory.allocator())) {
            BufferAllocator allocator = memory.allocator();
            List<String> header = reader.names();
            FileKind kind = Staging.kind(declared, header);
            List<String> columns = Staging.columns(kind, header);
            List<String> select = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                select.add("\"c" + i + "\" AS " + Staging.identifier(columns.get(i)));
            }
            Data.exportArrayStream(allocator, reader, stream);
            String view = schema + "_arrow";
            context.connection().unwrap(DuckDBConnection.class).registerArrowStream(view, stream);
            String sql = Staging.script("stage-arrow", schema, Map.of(
                    "columns", String.join(", ", select),
                    "absent", Staging.absent(kind, columns),
                    "stream", view + (limit < Long.MAX_VALUE ? " LIMIT " + limit : "")));
            try {
                context.probe().execute(context.connection(), sql);
            } catch (SQLException e) {
                if (reader.failure() != null) {
                    throw reader.failure();
                }
                throw e;
            }
            return new StagedFile(format, kind, header, columns, null, null, false, "s.__row", false, reader.unreadable(), true);
        }
    }

    private CheckedArrowReader open(Path file, BufferAllocator allocator) throws IOException {
        ArrowFraming.check(file, format);
        ArrowReader source = null;
        try {
            source = format == FileFormat.ARROW_FILE
                    ? new ArrowFileReader(Files.newByteChannel(file, StandardOpenOption.READ), allocator)
                    : new ArrowStreamReader(Files.newInputStream(file), allocator);
            return new CheckedArrowReader(source, allocator);
        } catch (UnreadableFileException e) {
            close(source);
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            close(source);
            throw new UnreadableFileException("file.not-arrow");
        }
    }

    private static void close(ArrowReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException | RuntimeException ignored) {
                // a reader of a broken file may not close cleanly; its memory goes with the allocator
            }
        }
    }
}
