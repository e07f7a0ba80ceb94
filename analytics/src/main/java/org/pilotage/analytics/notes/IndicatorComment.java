package org.pilotage.analytics.notes;

import java.time.Instant;
import java.time.YearMonth;

/** A manager's dated comment on an indicator for a month, shown as a marker on that indicator's charts. */
public record IndicatorComment(long id, String indicator, String establishment, YearMonth period, String text,
                               String author, Instant createdAt) {
}
