package org.pilotage.ingestion.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.analytics.text.SpreadsheetSafe;
import org.pilotage.ingestion.log.IngestionLog;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reject report a steward opens in Excel: UTF-8 with BOM, semicolons, one row per broken rule
 * (line, column as the file names it, value, reason) followed by the original row's cells; every
 * cell that a spreadsheet would run as a formula is neutralised.
 */
public class RejectReport {

    private static final char DELIMITER = ';';
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final IngestionLog ingestionLog;

    public RejectReport(JdbcTemplate jdbc, IngestionLog ingestionLog) {
        this.jdbc = jdbc;
        this.ingestionLog = ingestionLog;
    }

    public String fileName(Ingestion ingestion) {
        String base = ingestion.fileName().replaceAll("\\.[A-Za-z0-9]{1,8}$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return "rejets-" + ingestion.id() + "-" + base + ".csv";
    }

    public void write(Ingestion ingestion, OutputStream target) {
        List<String> header = ingestionLog.header(ingestion.id()).map(RejectReport::cells).orElse(List.of());
        Map<String, String> asWritten = columnsAsWritten(ingestion, header);
        try {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
            out.write('\uFEFF');
            List<String> head = new ArrayList<>(List.of("ligne", "colonne", "valeur", "motif"));
            head.addAll(header);
            line(out, head);
            jdbc.query("""
                    SELECT line, column_name, value, reason, original_row FROM ingestion_reject
                    WHERE ingestion_id = ? ORDER BY line, column_name NULLS LAST""", rs -> {
                try {
                    List<String> row = new ArrayList<>();
                    row.add(Long.toString(rs.getLong("line")));
                    String column = rs.getString("column_name");
                    row.add(column == null ? "" : asWritten.getOrDefault(column, column));
                    row.add(rs.getString("value"));
                    row.add(rs.getString("reason"));
                    String original = rs.getString("original_row");
                    if (original != null) {
                        row.addAll(cells(original));
                    }
                    line(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, ingestion.id());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> columnsAsWritten(Ingestion ingestion, List<String> header) {
        Map<String, String> names = new HashMap<>();
        Optional<FileKind> kind = FileKind.ofCode(ingestion.kind() == null ? "" : ingestion.kind());
        if (kind.isPresent()) {
            for (String cell : header) {
                kind.get().column(cell).ifPresent(c -> names.putIfAbsent(c.name(), cell.strip()));
            }
        }
        return names;
    }

    private static List<String> cells(String json) {
        try {
            List<?> list = JSON.readValue(json, List.class);
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                out.add(o == null ? "" : o.toString());
            }
            return out;
        } catch (RuntimeException e) {
            return List.of(json);
        }
    }

    private static void line(BufferedWriter out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(DELIMITER);
            }
            out.write(SpreadsheetSafe.csvField(cells.get(i), DELIMITER));
        }
        out.write("\r\n");
    }
}
