package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ValueVectorUtility;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * An uploaded Arrow file as DuckDB may read it: every batch fully validated by Arrow Java (buffers,
 * offsets, dictionary indices) before any value is read, then written again as text columns that this
 * reader built itself, with each row's line in {@code __row}. Native code thus never reads a buffer of
 * the upload: a damaged file fails here, in Java, with a sentence. Text that is not UTF-8 becomes the
 * replacement character, which the checks reject with its line and column.
 */
final class CheckedArrowReader extends ArrowReader {

    static final String ROW = "__row";

    private final ArrowReader source;
    private final List<Field> fields;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long nextRow = 2; // the header is line 1, as in a spreadsheet
    private int batch;
    private boolean unreadable;
    private UnreadableFileException failure;

    CheckedArrowReader(ArrowReader source, BufferAllocator allocator) throws IOException {
        super(allocator);
        this.source = source;
        this.fields = source.getVectorSchemaRoot().getSchema().getFields();
        for (Field f : fields) {
            ArrowType type = valueType(f);
            if (!readable(type)) {
                throw new UnreadableFileException("file.arrow-column-type", f.getName(), type.getTypeID().name());
            }
        }
    }

    /** The source's column names. */
    List<String> names() {
        return fields.stream().map(Field::getName).toList();
    }

    /** Why the last batch could not be read, once DuckDB has given up on the stream. */
    UnreadableFileException failure() {
        return failure;
    }

    /** Some text was not UTF-8. */
    boolean unreadable() {
        return unreadable;
    }

    @Override
    protected Schema readSchema() {
        List<Field> out = new ArrayList<>();
        out.add(new Field(ROW, FieldType.notNullable(new ArrowType.Int(64, true)), null));
        for (int i = 0; i < fields.size(); i++) {
            out.add(new Field("c" + i, FieldType.nullable(ArrowType.Utf8.INSTANCE), null));
        }
        return new Schema(out);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        batch++;
        try {
            if (!source.loadNextBatch()) {
                return false;
            }
            VectorSchemaRoot in = source.getVectorSchemaRoot();
            ValueVectorUtility.validateFull(in);
            VectorSchemaRoot out = getVectorSchemaRoot();
            out.clear();
            out.allocateNew();
            int rows = in.getRowCount();
            BigIntVector row = (BigIntVector) out.getVector(0);
            for (int r = 0; r < rows; r++) {
                row.setSafe(r, nextRow + r);
            }
            row.setValueCount(rows);
            for (int c = 0; c < fields.size(); c++) {
                copy(in.getVector(c), (VarCharVector) out.getVector(c + 1), rows);
            }
            out.setRowCount(rows);
            nextRow += rows;
            return true;
        } catch (UnreadableFileException e) {
            failure = e;
            throw new IOException("batch " + batch + " refused", e);
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            // Arrow's validation, bounds checks and allocator limits: the file is damaged.
            failure = new UnreadableFileException("file.damaged-arrow", batch);
            throw new IOException("batch " + batch + " refused", e);
        }
    }

    private void copy(FieldVector in, VarCharVector out, int rows) throws IOException {
        ValueVector values = in;
        Dictionary dictionary = in.getField().getDictionary() == null ? null
                : source.getDictionaryVectors().get(in.getField().getDictionary().getId());
        if (in.getField().getDictionary() != null) {
            if (dictionary == null) {
                throw new UnreadableFileException("file.damaged-arrow", batch);
            }
            ValueVectorUtility.validateFull(dictionary.getVector());
            values = DictionaryEncoder.decode(in, dictionary, allocator);
        }
        try {
            for (int r = 0; r < rows; r++) {
                if (values.isNull(r)) {
                    out.setNull(r);
                    continue;
                }
                byte[] text = text(values, r);
                if (text == null) {
                    out.setNull(r);
                } else {
                    out.setSafe(r, text);
                }
            }
            out.setValueCount(rows);
        } finally {
            if (values != in) {
                values.close();
            }
        }
    }

    /** A value as the text DuckDB would make of it; dates and timestamps as ISO dates. */
    private byte[] text(ValueVector v, int r) {
        return switch (v) {
            case VarCharVector s -> utf8(s.get(r));
            case LargeVarCharVector s -> utf8(s.get(r));
            case ViewVarCharVector s -> utf8(s.get(r));
            case UInt8Vector u -> ascii(String.valueOf(UInt8Vector.getNoOverflow(u.getDataBuffer(), r)));
            case BaseIntVector i -> ascii(String.valueOf(i.getValueAsLong(r)));
            case FloatingPointVector f -> ascii(number(f.getValueAsDouble(r)));
            case DecimalVector d -> ascii(d.getObject(r).toPlainString());
            case Decimal256Vector d -> ascii(d.getObject(r).toPlainString());
            case BitVector b -> ascii(b.get(r) == 1 ? "true" : "false");
            case DateDayVector d -> ascii(LocalDate.ofEpochDay(d.get(r)).toString());
            case DateMilliVector d -> ascii(LocalDate.ofEpochDay(Math.floorDiv(d.get(r), 86_400_000L)).toString());
            case TimeStampVector t -> ascii(date(t, r).toString());
            case NullVector n -> null;
            default -> throw new UnreadableFileException("file.arrow-column-type", v.getField().getName(),
                    v.getField().getType().getTypeID().name());
        };
    }

    private byte[] utf8(byte[] bytes) {
        try {
            utf8.reset().decode(ByteBuffer.wrap(bytes));
            return bytes;
        } catch (CharacterCodingException e) {
            unreadable = true;
            return new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8); // U+FFFD where it was broken
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String number(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
    }

    private static LocalDate date(TimeStampVector t, int r) {
        ArrowType.Timestamp type = (ArrowType.Timestamp) t.getField().getType();
        long value = t.get(r);
        Instant instant = switch (type.getUnit()) {
            case SECOND -> Instant.ofEpochSecond(value);
            case MILLISECOND -> Instant.ofEpochMilli(value);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
        ZoneId zone = type.getTimezone() == null ? ZoneOffset.UTC : zone(type.getTimezone());
        return LocalDateTime.ofInstant(instant, zone).toLocalDate();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The type of a column's values: a dictionary-encoded column's is its dictionary's. */
    private ArrowType valueType(Field f) throws IOException {
        if (f.getDictionary() == null) {
            return f.getType();
        }
        Map<Long, Dictionary> dictionaries = source.getDictionaryVectors();
        Dictionary d = dictionaries.get(f.getDictionary().getId());
        if (d == null) {
            throw new UnreadableFileException("file.not-arrow");
        }
        return d.getVectorType();
    }

    private static boolean readable(ArrowType type) {
        return switch (type.getTypeID()) {
            case Utf8, LargeUtf8, Utf8View, Int, FloatingPoint, Decimal, Bool, Date, Timestamp, Null -> true;
            default -> false;
        };
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    protected void closeReadSource() throws IOException {
        source.close();
    }
}
