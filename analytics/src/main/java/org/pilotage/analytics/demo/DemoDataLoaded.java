package org.pilotage.analytics.demo;

import java.time.YearMonth;

/**
 * Published once the demo profile's files are loaded (or were at an earlier start): each feature then
 * seeds its own demo content (rooms, actions, comments…) over them.
 *
 * @param lastMonth the last month the demo data covers
 */
public record DemoDataLoaded(YearMonth lastMonth) {
}
