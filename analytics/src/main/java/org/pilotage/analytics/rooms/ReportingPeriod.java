package org.pilotage.analytics.rooms;

import java.time.YearMonth;
import java.util.Optional;

/**
 * The period a room is reviewed for: a month, a calendar quarter or the 12 months ending with a month.
 * A quarter is held by its last month.
 */
public record ReportingPeriod(Kind kind, YearMonth end) {

    public enum Kind {
        MONTH("month", 1), QUARTER("quarter", 3), ROLLING_12("12m", 12);

        private final String code;
        private final int months;

        Kind(String code, int months) {
            this.code = code;
            this.months = months;
        }

        public String code() {
            return code;
        }

        public int months() {
            return months;
        }

        public static Optional<Kind> parse(String code) {
            for (Kind k : values()) {
                if (k.code.equalsIgnoreCase(code)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public ReportingPeriod {
        if (kind == null || end == null) {
            throw new IllegalArgumentException("kind and end are required");
        }
        if (kind == Kind.QUARTER) {
            int last = ((end.getMonthValue() - 1) / 3) * 3 + 3;
            end = YearMonth.of(end.getYear(), last);
        }
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(Kind.MONTH, month);
    }

    public YearMonth start() {
        return end.minusMonths(kind.months - 1L);
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(start()) && !month.isAfter(end);
    }

    /** The period just before, of the same kind. */
    public ReportingPeriod previous() {
        return new ReportingPeriod(kind, end.minusMonths(kind.months));
    }

    /** The same period a year earlier. */
    public ReportingPeriod yearEarlier() {
        return new ReportingPeriod(kind, end.minusYears(1));
    }

    /** The quarter's number (1 to 4) when the kind is a quarter. */
    public int quarter() {
        return (end.getMonthValue() - 1) / 3 + 1;
    }
}
