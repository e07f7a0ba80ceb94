package org.pilotage.analytics.series;

import java.time.YearMonth;

/** One month of an indicator: its value and the target it is held against (null when none). */
public record MonthlyValue(String indicator, YearMonth period, double value, Double target) {
}
