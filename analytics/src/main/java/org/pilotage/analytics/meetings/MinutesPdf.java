package org.pilotage.analytics.meetings;

import java.awt.Font;
import java.awt.Graphics2D;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.PdfDocuments;
import org.pilotage.analytics.snapshot.Provenance;

/**
 * A meeting's minutes (compte rendu) as a PDF in French or English: room, date, length, roles of the day,
 * attendance, then each item of the agenda with its decisions and the actions and escalations they led to.
 */
final class MinutesPdf {

    private static final ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;
    private static final float M = PdfDocuments.MARGIN;
    private static final float BOTTOM = PdfDocuments.PAGE_HEIGHT - 40;

    private MinutesPdf() {
    }

    static byte[] render(SteeringRoom room, Meeting.Record record, Locale locale, String contentHash) {
        ChartLabels l = ChartLabels.of(locale);
        Meeting m = record.meeting();
        DateTimeFormatter time = DateTimeFormatter.ofPattern(l.get("format.timestamp"), l.locale());
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(l.get("meetings.minutes.title"), Font.PLAIN, 14, 0));
        lines.add(new Line(room.name(), Font.BOLD, 24, 0));
        lines.add(new Line(l.get("meetings.minutes.when", time.format(m.startedAt().atZone(ZONE)),
                m.closedAt() == null ? "—" : time.format(m.closedAt().atZone(ZONE)),
                m.closedAt() == null ? "—" : Long.toString(Duration.between(m.startedAt(), m.closedAt()).toMinutes()),
                m.plannedMinutes(), m.period().toString()), Font.PLAIN, 11, 0));
        lines.add(new Line(l.get("meetings.minutes.roles", dash(m.roles().facilitator()), dash(m.roles().timekeeper()),
                dash(m.roles().secretary())), Font.PLAIN, 11, 0));
        lines.add(new Line(l.get("meetings.minutes.attendance"), Font.BOLD, 14, 8));
        if (record.attendance().isEmpty()) {
            lines.add(new Line(l.get("meetings.minutes.none"), Font.PLAIN, 11, 0));
        }
        for (Meeting.Attendance a : record.attendance()) {
            lines.add(new Line("• " + a.name() + (a.role() == null ? "" : " (" + a.role() + ")") + " — "
                    + l.get("meetings.presence." + a.presence().name().toLowerCase(Locale.ROOT)), Font.PLAIN, 11, 0));
        }
        lines.add(new Line(l.get("meetings.minutes.items"), Font.BOLD, 14, 8));
        int n = 0;
        for (Meeting.Item i : record.agenda()) {
            n++;
            lines.add(new Line(n + ". " + l.get("meetings.item." + i.kind().name().toLowerCase(Locale.ROOT)) + " — " + i.title()
                    + (i.detail() == null ? "" : " · " + i.detail()), Font.BOLD, 11, 4));
            List<Meeting.Decision> decisions = record.decisionsOn(i.id());
            if (decisions.isEmpty()) {
                lines.add(new Line("   " + l.get("meetings.minutes.no-decision"), Font.PLAIN, 10, 0));
            }
            for (Meeting.Decision d : decisions) {
                String links = (d.actionId() == null ? "" : " · " + l.get("meetings.minutes.action", d.actionId()))
                        + (d.escalationId() == null ? "" : " · " + l.get("meetings.minutes.escalation", d.escalationId()));
                lines.add(new Line("   " + l.get("meetings.minutes.decision") + " " + d.text() + links, Font.PLAIN, 10, 0));
            }
        }
        String title = l.get("meetings.minutes.title") + " — " + room.name();
        Provenance provenance = new Provenance(room.id(), room.name(), room.level().name().toLowerCase(Locale.ROOT), room.establishment(),
                "—", m.period().toString(), null, List.of(), m.closedAt() == null ? m.startedAt() : m.closedAt(),
                m.closedBy() == null ? m.startedBy() : m.closedBy(), contentHash, l.locale());
        return PdfDocuments.pages(title, provenance, pages(lines));
    }

    private record Line(String text, int style, int size, float before) {
    }

    /** The lines laid out on as many pages as they take, long ones wrapped. */
    private static List<BiConsumer<Graphics2D, Integer>> pages(List<Line> lines) {
        List<BiConsumer<Graphics2D, Integer>> pages = new ArrayList<>();
        for (int from = 0; from < lines.size(); ) {
            int start = from;
            int end = paginate(lines, from);
            pages.add((g, page) -> {
                float y = 56;
                for (Line line : lines.subList(start, end)) {
                    g.setFont(PdfDocuments.font(line.style(), line.size()));
                    y += line.before();
                    for (String w : PdfDocuments.wrap(g, line.text(), PdfDocuments.PAGE_WIDTH - 2 * M)) {
                        y = PdfDocuments.text(g, w, M, y, line.style(), line.size(), PdfDocuments.TEXT);
                    }
                }
            });
            from = end;
        }
        return pages;
    }

    /** Where the page starting at {@code from} ends, by the lines' heights (wrapping counted by characters, generously). */
    private static int paginate(List<Line> lines, int from) {
        float y = 56;
        for (int k = from; k < lines.size(); k++) {
            Line line = lines.get(k);
            int perLine = (int) ((PdfDocuments.PAGE_WIDTH - 2 * M) / (line.size() * 0.5f));
            int rows = Math.max(1, (line.text().length() + perLine - 1) / perLine);
            float height = line.before() + rows * line.size() * 1.35f;
            if (y + height > BOTTOM && k > from) {
                return k;
            }
            y += height;
        }
        return lines.size();
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
