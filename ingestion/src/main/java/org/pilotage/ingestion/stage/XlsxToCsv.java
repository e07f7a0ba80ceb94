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

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX workbook into a UTF-8 CSV with the Excel row number in a first
 * column, so that reject reports name the row the steward sees. Numbers are written as Excel stores
 * them (decimal point, no grouping), dates as ISO dates. POI's zip-bomb limits stay on, and the SAX
 * parser is POI's hardened one (no external entities).
 */
public final class XlsxToCsv {

    public static final String LINE_COLUMN = "__line";

    private XlsxToCsv() {
    }

    /** @return the header cells of the first sheet's first row */
    public static List<String> convert(Path xlsx, Path csv, int maxRows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("le classeur ne contient aucune feuille", "the workbook has no sheet");
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
                    throw new UnreadableFileException("la première feuille du classeur est vide", "the first sheet of the workbook is empty");
                }
                return rows.header;
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException e) {
            throw new UnreadableFileException("le fichier n'est pas un classeur Excel (XLSX) lisible : " + firstLine(e.getMessage()),
                    "the file is not a readable Excel (XLSX) workbook: " + firstLine(e.getMessage()));
        } catch (IllegalStateException | org.apache.poi.util.RecordFormatException e) {
            // POI's zip-bomb and size guards end here
            throw new UnreadableFileException("le classeur a été refusé par les limites de sécurité : " + firstLine(e.getMessage()),
                    "the workbook was refused by the safety limits: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "erreur inconnue";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }

    /** Writes each row as a CSV record: Excel row number, then the cells; the first non-empty row is the header. */
    private static final class RowWriter implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final BufferedWriter out;
        private final int maxRows;
        private final List<String> cells = new ArrayList<>();
        private List<String> header;
        private int written;

        RowWriter(BufferedWriter out, int maxRows) {
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
                    header = new ArrayList<>(cells);
                    header.replaceAll(c -> c == null ? "" : c);
                    write(LINE_COLUMN, header);
                } else {
                    if (written++ >= maxRows) {
                        throw new EnoughRows();
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
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }

        private static String quote(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                return s;
            }
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
