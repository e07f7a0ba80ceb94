package org.pilotage.ingestion.stage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX workbook into a UTF-8 CSV with the Excel row number in a first
 * column, so that reject reports name the row the steward sees. Numbers are written as Excel stores
 * them (decimal point, no grouping), dates as ISO dates. A row is cut to the header's columns; a row
 * with values past them is noted (it is rejected). POI's zip-bomb limits stay on, the SAX parser is
 * POI's hardened one (no external entities), the shared strings are bounded, and whatever a broken
 * workbook makes POI throw becomes one sentence.
 */
public final class XlsxToCsv {

    public static final String LINE_COLUMN = "__line";
    /** The shared strings are held in memory: a workbook of a file kind of the contract needs far less. */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(XlsxToCsv.class);

    private XlsxToCsv() {
    }

    /**
     * @param header the header cells of the first sheet's first non-empty row
     * @param wide   {line, cells} of the rows holding values past the header's columns
     * @param quotedLineBreak a cell holds a line break (DuckDB then reads the CSV on one thread)
     */
    public record Converted(List<String> header, List<long[]> wide, boolean quotedLineBreak) {
    }

    public static Converted convert(Path xlsx, Path csv, long maxRows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            for (PackagePart part : pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/sharedStrings.*\\.xml"))) {
                if (part.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw new UnreadableFileException("file.xlsx-unsafe");
                }
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("file.xlsx-no-sheet");
            }
            try (InputStream sheet = sheets.next();
                 BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                RowWriter rows = new RowWriter(out, maxRows);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDataFormatter(), false));
                try {
                    parser.parse(new InputSource(sheet));
                } catch (EnoughRows stop) {
                    // a preview asked for the first rows only
                }
                if (rows.header == null) {
                    throw new UnreadableFileException("file.xlsx-empty-sheet");
                }
                return new Converted(List.copyOf(rows.header), List.copyOf(rows.wide), rows.lineBreak);
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            // Whatever POI or the XML parser make of a broken workbook: one sentence, the cause in the log only.
            log.info("Workbook refused: {}", e.toString());
            throw new UnreadableFileException(unsafe(e) ? "file.xlsx-unsafe" : "file.not-xlsx");
        }
    }

    /** POI's zip-bomb and size guards. */
    private static boolean unsafe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("max entry size") || m.contains("exceeds") || m.contains("too large")
                    || t instanceof org.apache.poi.util.RecordFormatException) {
                return true;
            }
        }
        return false;
    }

    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }

    /** Writes each row as a CSV record: Excel row number, then the cells; the first non-empty row is the header. */
    private static final class RowWriter implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final BufferedWriter out;
        private final long maxRows;
        private final List<String> cells = new ArrayList<>();
        private final List<long[]> wide = new ArrayList<>();
        private List<String> header;
        private long written;
        private boolean lineBreak;

        RowWriter(BufferedWriter out, long maxRows) {
            this.out = out;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            while (!cells.isEmpty() && (cells.getLast() == null || cells.getLast().isBlank())) {
                cells.removeLast();
            }
            if (cells.isEmpty()) {
                return;
            }
            try {
                if (header == null) {
                    if (cells.size() > Staging.MAX_COLUMNS) {
                        throw new UnreadableFileException("file.too-many-columns", cells.size(), Staging.MAX_COLUMNS);
                    }
                    header = new ArrayList<>(cells);
                    header.replaceAll(c -> c == null ? "" : c);
                    write(LINE_COLUMN, header);
                } else {
                    if (written++ >= maxRows) {
                        throw new EnoughRows();
                    }
                    if (cells.size() > header.size()) {
                        if (wide.size() < 200_000) {
                            wide.add(new long[] {rowNum + 1L, cells.size()});
                        }
                        cells.subList(header.size(), cells.size()).clear();
                    }
                    write(Integer.toString(rowNum + 1), cells);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void write(String first, List<String> row) throws IOException {
            out.write(first);
            for (String cell : row) {
                out.write(',');
                out.write(quote(cell == null ? "" : cell));
            }
            out.write('\n');
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            // The reference is optional in the format: without it, a cell follows the one before.
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column < cells.size()) {
                column = cells.size(); // out of order or repeated: kept in reading order
            }
            if (column > CellReference.convertColStringToIndex("XFD")) {
                throw new UnreadableFileException("file.not-xlsx");
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }

        private String quote(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                return s;
            }
            lineBreak |= s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            return '"' + s.replace("\"", "\"\"") + '"';
        }
    }

    /** Numbers as stored (plain, decimal point), dates as ISO dates, whatever the cell's display format. */
    private static final class IsoDataFormatter extends DataFormatter {
        IsoDataFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
                return date.toLocalDate().toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return Double.toString(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
