package org.pilotage.analytics.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a room meets: weekly, every two weeks or monthly, from one meeting's date (which gives the weekday, the
 * week's parity or the week of the month: «le 2e mardi du mois»), at a time, for a planned length.
 */
public record Cadence(Frequency frequency, LocalDate firstDate, LocalTime startTime, int minutes) {

    public enum Frequency { WEEKLY, BIWEEKLY, MONTHLY }

    public DayOfWeek weekday() {
        return firstDate.getDayOfWeek();
    }

    /** The first meeting at or after {@code from}. */
    public LocalDateTime nextAt(LocalDateTime from) {
        LocalDate day = from.toLocalDate();
        LocalDate candidate = nextOnOrAfter(day);
        if (!candidate.atTime(startTime).isBefore(from)) {
            return candidate.atTime(startTime);
        }
        return nextOnOrAfter(candidate.plusDays(1)).atTime(startTime);
    }

    /** The meeting day at or after {@code day}. */
    public LocalDate nextOnOrAfter(LocalDate day) {
        if (day.isBefore(firstDate)) {
            return firstDate;
        }
        return switch (frequency) {
            case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(weekday()));
            case BIWEEKLY -> {
                LocalDate d = day.with(TemporalAdjusters.nextOrSame(weekday()));
                yield ChronoUnit.WEEKS.between(firstDate, d) % 2 == 0 ? d : d.plusWeeks(1);
            }
            case MONTHLY -> {
                LocalDate d = inMonth(day.withDayOfMonth(1));
                yield d.isBefore(day) ? inMonth(day.withDayOfMonth(1).plusMonths(1)) : d;
            }
        };
    }

    /** How many meetings fall between the two days, both included. */
    public int countBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = nextOnOrAfter(from); !d.isAfter(to); d = nextOnOrAfter(d.plusDays(1))) {
            n++;
        }
        return n;
    }

    /** The n-th weekday of {@code month} that the first date was in its own month (the last one when the month has fewer). */
    private LocalDate inMonth(LocalDate month) {
        int ordinal = (firstDate.getDayOfMonth() - 1) / 7 + 1;
        LocalDate d = month.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday()));
        return d.getMonth() == month.getMonth() ? d : month.with(TemporalAdjusters.lastInMonth(weekday()));
    }

    public static Optional<Frequency> frequency(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return switch (word.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "weekly", "hebdomadaire" -> Optional.of(Frequency.WEEKLY);
            case "biweekly", "every-two-weeks", "aux-deux-semaines", "bimensuelle" -> Optional.of(Frequency.BIWEEKLY);
            case "monthly", "mensuelle" -> Optional.of(Frequency.MONTHLY);
            default -> Optional.empty();
        };
    }
}
