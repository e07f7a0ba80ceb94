package org.pilotage.ui.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses {@code YYYY-MM} request parameters with a clear 400 when they are not months. */
final class Months {

    private Months() {
    }

    static YearMonth parse(String name, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (!value.strip().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("shape", value, 0);
            }
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "Le paramètre " + name + " doit être un mois au format AAAA-MM (reçu : " + value + ").",
                    "The parameter " + name + " must be a month as YYYY-MM (got: " + value + ").");
        }
    }

    static final int MAX_MONTHS = 240;

    /** A range whose start is not after its end and which spans at most {@link #MAX_MONTHS} months. */
    static void requireOrdered(YearMonth start, YearMonth end) {
        if (start.isAfter(end)) {
            throw ApiException.badRequest("Le mois from (" + start + ") est après le mois to (" + end + ").",
                    "The month from (" + start + ") is after the month to (" + end + ").");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end)) {
            throw ApiException.badRequest("La période demandée dépasse " + MAX_MONTHS + " mois.",
                    "The requested period is longer than " + MAX_MONTHS + " months.");
        }
    }
}
