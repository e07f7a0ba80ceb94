package org.pilotage.analytics.series;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.pilotage.analytics.text.Invalid;

/** Months as requests give them ({@code YYYY-MM}), refused with a sentence when they are not months. */
public final class Months {

    public static final int MAX_SPAN = 240;

    private Months() {
    }

    /** @param name the parameter's name, for the sentence */
    public static YearMonth parse(String name, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (!value.strip().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("shape", value, 0);
            }
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("request.month-format", name, value);
        }
    }

    /** A day written {@code YYYY-MM-DD}, or the fallback when there is none. */
    public static java.time.LocalDate day(String name, String value, java.time.LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (!value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("shape", value, 0);
            }
            return java.time.LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("request.date-format", name, value);
        }
    }

    /** A range whose start is not after its end and which spans at most {@link #MAX_SPAN} months. */
    public static void requireOrdered(YearMonth start, YearMonth end) {
        if (start.isAfter(end)) {
            throw new Invalid("request.months-reversed", start.toString(), end.toString());
        }
        if (start.plusMonths(MAX_SPAN).isBefore(end)) {
            throw new Invalid("request.months-too-long", MAX_SPAN);
        }
    }
}
