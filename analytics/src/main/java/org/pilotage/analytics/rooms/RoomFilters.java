package org.pilotage.analytics.rooms;

/**
 * What a room is looked at for.
 *
 * @param direction one of the room's directions, or null for all of them
 * @param project   one project, or null for the establishment/direction-level values
 * @param compared  the indicator the direction comparison shows, or null for the room's first
 * @param months    how many months the time-series charts cover, ending with the period's last month
 */
public record RoomFilters(ReportingPeriod period, String direction, String project, String compared, int months) {

    public static final int DEFAULT_MONTHS = 12;
    public static final int MAX_MONTHS = 60;

    public RoomFilters {
        if (period == null) {
            throw new IllegalArgumentException("period is required");
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must lie between 1 and " + MAX_MONTHS);
        }
        direction = blankToNull(direction);
        project = blankToNull(project);
        compared = blankToNull(compared);
    }

    public RoomFilters(ReportingPeriod period) {
        this(period, null, null, null, DEFAULT_MONTHS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
