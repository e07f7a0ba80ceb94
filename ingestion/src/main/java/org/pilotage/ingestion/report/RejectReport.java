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
import java.util.Locale;

import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.analytics.text.Messages;
import org.pilotage.analytics.text.Sentence;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reject report a steward opens in Excel: UTF-8 with BOM, semicolons, one row per broken rule
 * (line, column as the file names it, value, reason) followed by the original row's cells; every
 * cell that a spreadsheet would run as a formula is neutralised.
 */
public class RejectReport {

    private static final char DELIMITER = ';';
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;
    private final IngestionLog ingestionLog;

    public RejectReport(NamedParameterJdbcTemplate jdbc, IngestionLog ingestionLog) {
        this.jdbc = jdbc;
        this.ingestionLog = ingestionLog;
    }

    public String fileName(Ingestion ingestion) {
        return fileName(ingestion, Messages.FRENCH);
    }

    public String fileName(Ingestion ingestion, Locale locale) {
        String base = ingestion.fileName().replaceAll("\\.[A-Za-z0-9]{1,8}$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return Messages.get("report.file-prefix", locale) + "-" + ingestion.id() + "-" + base + ".csv";
    }

    public void write(Ingestion ingestion, OutputStream target) {
        write(ingestion, Messages.FRENCH, target);
    }

    /** The report in the reader's language: its headings and every reason. */
    public void write(Ingestion ingestion, Locale locale, OutputStream target) {
        List<String> header = ingestionLog.header(ingestion.id()).map(RejectReport::cells).orElse(List.of());
        Map<String, String> asWritten = columnsAsWritten(ingestion, header);
        try {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
            out.write('\uFEFF');
            List<String> head = new ArrayList<>(List.of(Messages.get("report.line", locale), Messages.get("report.column", locale),
                    Messages.get("report.value", locale), Messages.get("report.reason", locale)));
            head.addAll(header);
            line(out, head);
            jdbc.query(SqlQueries.get("ingestions/rejects"), new MapSqlParameterSource("id", ingestion.id()), rs -> {
                try {
                    List<String> row = new ArrayList<>();
                    row.add(Long.toString(rs.getLong("line")));
                    String column = rs.getString("column_name");
                    row.add(column == null ? "" : asWritten.getOrDefault(column, column));
                    row.add(rs.getString("value"));
                    row.add(reason(rs.getString("reason"), rs.getArray("reason_args"), locale));
                    String original = rs.getString("original_row");
                    if (original != null) {
                        row.addAll(cells(original));
                    }
                    line(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reject's reason in the reader's language (a reason stored before reasons had keys is shown as it is). */
    public static String reason(String key, java.sql.Array args, Locale locale) throws java.sql.SQLException {
        List<Object> values = new ArrayList<>();
        if (args != null) {
            for (Object o : (Object[]) args.getArray()) {
                values.add(o);
            }
        }
        return Messages.render(new Sentence(key, values), locale);
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
