package org.pilotage.analytics.text;

/** Cells a spreadsheet would run as a formula are written as text: a leading apostrophe, as Excel itself does. */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' || first == '\n') {
            return "'" + value;
        }
        return value;
    }

    /** One CSV field: neutralised, then quoted when it holds the delimiter, a quote or a line break. */
    public static String csvField(String value, char delimiter) {
        String safe = cell(value);
        if (safe.indexOf(delimiter) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
