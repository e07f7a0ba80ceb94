package org.pilotage.ui.base;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.pilotage.analytics.catalogue.IndicatorUnit;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.text.Messages;

/** Numbers, months and dates as a French (or English) reader writes them: {@code 12,5 %}, {@code novembre 2026}. */
public final class Formats {

    private static final ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;

    private final Locale locale;
    private final boolean french;

    public Formats(Locale locale) {
        this.french = !"en".equals(locale.getLanguage());
        this.locale = french ? Locale.CANADA_FRENCH : Locale.CANADA;
    }

    public String number(double value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if (french) {
            symbols.setGroupingSeparator('\u00A0');
            symbols.setDecimalSeparator(',');
        }
        return new DecimalFormat(Math.abs(value) >= 100 ? "#,##0" : "#,##0.#", symbols).format(value);
    }

    /** A value with its unit: {@code 12,5 %}, {@code 4,2 / 5}, {@code 150}. */
    public String value(Double value, IndicatorUnit unit) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case PERCENT -> number(value) + (french ? "\u00A0%" : "%");
            case SCORE -> number(value) + "\u00A0/\u00A05";
            default -> number(value);
        };
    }

    /** A signed change: {@code +2,5}, {@code −1} (percent changes in points). */
    public String change(double change, IndicatorUnit unit) {
        String sign = change > 0 ? "+" : change < 0 ? "\u2212" : "±";
        String n = number(Math.abs(change));
        return switch (unit) {
            case PERCENT -> sign + n + (french ? "\u00A0pt" : "\u00A0pt");
            default -> sign + n;
        };
    }

    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
    }

    public String period(ReportingPeriod period) {
        return switch (period.kind()) {
            case MONTH -> month(period.end());
            case QUARTER -> Messages.get("format.quarter", locale, period.quarter(), period.end().getYear());
            case ROLLING_12 -> Messages.get("format.rolling-12", locale, month(period.end()));
        };
    }

    public String date(Instant instant) {
        return instant == null ? "—" : DateTimeFormatter.ofPattern(Messages.get("format.date", locale), locale)
                .format(instant.atZone(ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "—" : DateTimeFormatter.ofPattern(Messages.get("format.date-time", locale), locale)
                .format(instant.atZone(ZONE));
    }

    public String day(java.time.LocalDate date) {
        return DateTimeFormatter.ofPattern(Messages.get("format.date", locale), locale).format(date);
    }
}
