package org.pilotage.analytics.series;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.text.Refusal;

/**
 * An indicator's monthly values and targets, and projects counted by category, for scripts: within the
 * caller's establishments (another one answers as unknown), over the 12 months ending with the last
 * complete month unless asked otherwise.
 */
public class SeriesService {

    private final SeriesRepository series;
    private final ReferenceService reference;
    private final Clock clock;

    public SeriesService(SeriesRepository series, ReferenceService reference, Clock clock) {
        this.series = series;
        this.reference = reference;
        this.clock = clock;
    }

    public YearMonth lastCompleteMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /**
     * @param direction null = summed (counts) or averaged (other units) over directions
     * @param project   null = establishment/direction-level values
     */
    public List<MonthlyValue> series(Caller caller, String indicator, String establishment, String direction, String project,
                                     String from, String to) {
        String code = indicator == null ? "" : indicator.strip().toUpperCase(Locale.ROOT);
        if (reference.indicator(code).isEmpty()) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "request.unknown-indicator", String.valueOf(indicator));
        }
        String est = establishment(caller, establishment);
        YearMonth end = Months.parse("to", to, lastCompleteMonth());
        YearMonth start = Months.parse("from", from, end.minusMonths(11));
        Months.requireOrdered(start, end);
        return series.find(new SeriesQuery(code, null, est, blankToNull(direction), blankToNull(project), start, end,
                caller.establishmentCodes()));
    }

    public List<SeriesRepository.CategoryCount> projectCounts(Caller caller, String establishment, String direction, String from,
                                                              String to) {
        String est = establishment(caller, establishment);
        YearMonth end = Months.parse("to", to, lastCompleteMonth());
        YearMonth start = Months.parse("from", from, end.minusMonths(11));
        Months.requireOrdered(start, end);
        return series.projectCounts(est, blankToNull(direction), start, end, caller.establishmentCodes());
    }

    /** An establishment outside the caller's scope answers as one that does not exist: nothing is revealed. */
    private String establishment(Caller caller, String establishment) {
        String est = blankToNull(establishment);
        if (est != null && reference.establishment(caller, est).isEmpty()) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "request.unknown-establishment", establishment);
        }
        return est;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
