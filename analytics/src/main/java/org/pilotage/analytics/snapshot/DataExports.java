package org.pilotage.analytics.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.dashboard.ChartData;
import org.pilotage.analytics.text.SpreadsheetSafe;

/**
 * The data behind a chart as CSV (UTF-8 with BOM; {@code ;} and decimal comma in French, as Excel
 * expects there), XLSX (with the provenance in the document's properties and its own sheet) or
 * Arrow IPC file (provenance in the schema's metadata). Text a spreadsheet would run as a formula is
 * neutralised in CSV and XLSX.
 */
public final class DataExports {

    private DataExports() {
    }

    public static byte[] csv(ChartData data, Provenance provenance) {
        ChartLabels labels = ChartLabels.of(provenance.locale());
        boolean fr = !"en".equals(provenance.locale().getLanguage());
        char delimiter = fr ? ';' : ',';
        DecimalFormat number = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(fr ? Locale.CANADA_FRENCH : Locale.ROOT));
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        data.columns().forEach(c -> header.add(SpreadsheetSafe.csvField(labels.get("charts.col." + c), delimiter)));
        out.append(String.join(String.valueOf(delimiter), header)).append("\r\n");
        for (List<Object> row : data.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(switch (v) {
                    case null -> "";
                    case Double d -> number.format(d);
                    case Long l -> Long.toString(l);
                    default -> SpreadsheetSafe.csvField(String.valueOf(v), delimiter);
                });
            }
            out.append(String.join(String.valueOf(delimiter), cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(ChartData data, Provenance provenance, String sheetName) {
        ChartLabels labels = ChartLabels.of(provenance.locale());
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            SXSSFSheet sheet = book.createSheet(safeSheetName(sheetName));
            Row head = sheet.createRow(0);
            for (int c = 0; c < data.columns().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(labels.get("charts.col." + data.columns().get(c)));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<Object> row : data.rows()) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = line.createCell(c);
                    switch (v) {
                        case Double d -> cell.setCellValue(d);
                        case Long l -> cell.setCellValue(l);
                        default -> cell.setCellValue(SpreadsheetSafe.cell(String.valueOf(v)));
                    }
                }
            }
            SXSSFSheet about = book.createSheet(labels.get("charts.prov.sheet"));
            int a = 0;
            for (String line : provenance.lines()) {
                about.createRow(a++).createCell(0).setCellValue(SpreadsheetSafe.cell(line));
            }
            POIXMLProperties properties = book.getXSSFWorkbook().getProperties();
            var core = properties.getCoreProperties();
            core.setTitle(provenance.room() + " — " + sheetName);
            core.setCreator(provenance.generatedBy());
            core.setCreated(java.util.Optional.of(java.util.Date.from(provenance.generatedAt())));
            core.setModified(java.util.Optional.of(java.util.Date.from(provenance.generatedAt())));
            core.setDescription(String.join("\n", provenance.lines()));
            core.setKeywords(provenance.contentHash());
            var custom = properties.getCustomProperties();
            for (Map.Entry<String, String> e : provenance.metadata().entrySet()) {
                custom.addProperty(e.getKey(), e.getValue());
            }
            book.write(out);
            return stableZip(out.toByteArray(), provenance.generatedAt().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose(); // the temporary sheet files, whatever happened
        }
    }

    /** Arrow IPC file: strings as UTF-8, numbers as 64-bit floats or integers; the provenance in the schema's metadata. */
    public static byte[] arrow(ChartData data, Provenance provenance) {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            fields.add(new Field(data.columns().get(c), FieldType.nullable(type(data, c)), null));
        }
        Schema schema = new Schema(fields, provenance.metadata());
        try (BufferAllocator allocator = org.pilotage.analytics.store.ArrowMemory.child("export", 64L * 1024 * 1024);
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            root.allocateNew();
            int n = data.rows().size();
            for (int c = 0; c < fields.size(); c++) {
                FieldVector vector = root.getVector(c);
                for (int r = 0; r < n; r++) {
                    Object v = data.rows().get(r).get(c);
                    switch (vector) {
                        case Float8Vector f -> {
                            if (v == null) f.setNull(r); else f.setSafe(r, ((Number) v).doubleValue());
                        }
                        case BigIntVector b -> {
                            if (v == null) b.setNull(r); else b.setSafe(r, ((Number) v).longValue());
                        }
                        case VarCharVector s -> {
                            if (v == null) s.setNull(r); else s.setSafe(r, String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                        }
                        default -> throw new IllegalStateException("Unexpected vector " + vector);
                    }
                }
                vector.setValueCount(n);
            }
            root.setRowCount(n);
            try (ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same workbook with every entry stamped at the snapshot's time, so that the same content gives the same bytes. */
    private static byte[] stableZip(byte[] zip, long time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        // POI streams entries with data descriptors, which java.util.zip's reader refuses; commons-compress (POI's own) reads them.
        try (var in = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(new java.io.ByteArrayInputStream(zip),
                "UTF-8", true, true);
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(time);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static ArrowType type(ChartData data, int column) {
        for (List<Object> row : data.rows()) {
            Object v = row.get(column);
            if (v instanceof Double) {
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            }
            if (v instanceof Long || v instanceof Integer) {
                return new ArrowType.Int(64, true);
            }
            if (v != null) {
                return ArrowType.Utf8.INSTANCE;
            }
        }
        String name = data.columns().get(column);
        return name.equals("value") || name.equals("target") ? new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)
                : name.equals("count") || name.equals("ingestion_id") ? new ArrowType.Int(64, true) : ArrowType.Utf8.INSTANCE;
    }

    private static String safeSheetName(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return clean.length() > 31 ? clean.substring(0, 31) : clean.isEmpty() ? "data" : clean;
    }
}
