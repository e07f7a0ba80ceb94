package org.pilotage.analytics.snapshot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jfree.chart.JFreeChart;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.cascade.CascadeSummary;
import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.cascade.RoomNode;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.IndicatorUnit;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.charts.ChartStyle;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboard;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.Trend;

/**
 * The whole room as a PDF report: a title page (room, level, scope, period, language, provenance),
 * the tiles with status and trend, one page per chart, the priority actions, and on every page the
 * room, period, page number and content fingerprint.
 */
final class RoomReport {

    private static final float M = PdfDocuments.MARGIN;
    private static final int TILE_ROWS_PER_PAGE = 22;
    private static final int ACTION_ROWS_PER_PAGE = 24;

    private static final Color RED = new Color(0xA6, 0x3F, 0x00);
    private static final Color AMBER = new Color(0x8A, 0x5A, 0x00);

    private final RoomDashboardService dashboards;
    private final SteeringRoom room;
    private final RoomFilters filters;
    private final Locale locale;
    private final RoomDashboard dashboard;
    private final List<PriorityAction> actions;
    private final CascadeSummary cascade;
    private final LocalDate today;
    private final Provenance provenance;
    private final ChartLabels l;
    private final NumberFormat number;
    private final RitualFigures ritual;

    RoomReport(RoomDashboardService dashboards, SteeringRoom room, RoomFilters filters, Locale locale, RoomDashboard dashboard,
               List<PriorityAction> actions, CascadeSummary cascade, RitualFigures ritual, LocalDate today, Provenance provenance) {
        this.cascade = cascade;
        this.ritual = ritual;
        this.today = today;
        this.dashboards = dashboards;
        this.room = room;
        this.filters = filters;
        this.locale = locale;
        this.dashboard = dashboard;
        this.actions = actions;
        this.provenance = provenance;
        this.l = ChartLabels.of(locale);
        this.number = ChartStyle.numberFormat(l.locale());
    }

    byte[] render() {
        List<BiConsumer<Graphics2D, Integer>> pages = new ArrayList<>();
        pages.add(this::titlePage);
        List<IndicatorTile> tiles = new ArrayList<>();
        for (EffectLevel level : EffectLevel.values()) {
            tiles.addAll(dashboard.tiles().getOrDefault(level, List.of()));
        }
        for (int from = 0; from < Math.max(1, tiles.size()); from += TILE_ROWS_PER_PAGE) {
            List<IndicatorTile> part = tiles.subList(Math.min(from, tiles.size()), Math.min(tiles.size(), from + TILE_ROWS_PER_PAGE));
            pages.add((g, n) -> tilesPage(g, part));
        }
        for (RoomChart chart : dashboard.charts()) {
            pages.add((g, n) -> chartPage(g, chart));
        }
        for (int from = 0; from < Math.max(1, actions.size()); from += ACTION_ROWS_PER_PAGE) {
            List<PriorityAction> part = actions.subList(Math.min(from, actions.size()), Math.min(actions.size(), from + ACTION_ROWS_PER_PAGE));
            pages.add((g, n) -> actionsPage(g, part));
        }
        if (!cascade.empty() || room.parentId() != null) {
            pages.add((g, n) -> cascadePage(g));
        }
        int total = pages.size();
        List<BiConsumer<Graphics2D, Integer>> withFooters = new ArrayList<>();
        for (BiConsumer<Graphics2D, Integer> page : pages) {
            withFooters.add((g, n) -> {
                page.accept(g, n);
                footer(g, n, total);
            });
        }
        return PdfDocuments.pages(l.get("charts.report.title") + " — " + room.name(), provenance, withFooters);
    }

    /** The ritual indicators in one sentence: meetings held against the cadence, attendance, actions on time, answers. */
    private String ritualLine() {
        String none = "—";
        return l.get("charts.report.ritual-line", ritual.held(), ritual.expected() == null ? none : ritual.expected(),
                percent(ritual.attendance()), percent(ritual.actionsOnTime()),
                ritual.medianAnswerDays() == null ? none : number.format(Math.round(ritual.medianAnswerDays() * 10) / 10.0));
    }

    private String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }

    private void titlePage(Graphics2D g, int n) {
        float y = 120;
        y = PdfDocuments.text(g, l.get("charts.report.title"), M, y, Font.PLAIN, 16, PdfDocuments.MUTED);
        g.setFont(ChartStyle.font(Font.BOLD, 28));
        for (String line : PdfDocuments.wrap(g, room.name(), PdfDocuments.PAGE_WIDTH - 2 * M)) {
            y = PdfDocuments.text(g, line, M, y + 8, Font.BOLD, 28, PdfDocuments.TEXT);
        }
        y += 18;
        y = field(g, l.get("charts.report.level"), provenance.level(), y);
        y = field(g, l.get("charts.report.scope"), provenance.scope(), y);
        y = field(g, l.get("charts.report.period"), provenance.period(), y);
        y = field(g, l.get("charts.report.language"), l.get("charts.report.language-name"), y);
        if (ritual != null) {
            y += 6;
            y = PdfDocuments.text(g, l.get("charts.report.ritual", ritual.from(), ritual.to()), M, y, Font.BOLD, 12, PdfDocuments.TEXT);
            g.setFont(ChartStyle.font(Font.PLAIN, 11));
            for (String part : PdfDocuments.wrap(g, ritualLine(), PdfDocuments.PAGE_WIDTH - 2 * M)) {
                y = PdfDocuments.text(g, part, M, y, Font.PLAIN, 11, PdfDocuments.TEXT);
            }
        }
        y += 16;
        PdfDocuments.rule(g, y - 12);
        g.setFont(ChartStyle.font(Font.PLAIN, 11));
        for (String line : provenance.lines()) {
            for (String part : PdfDocuments.wrap(g, line, PdfDocuments.PAGE_WIDTH - 2 * M)) {
                y = PdfDocuments.text(g, part, M, y, Font.PLAIN, 11, PdfDocuments.MUTED);
            }
        }
    }

    private float field(Graphics2D g, String name, String value, float y) {
        PdfDocuments.text(g, name, M, y, Font.BOLD, 14, PdfDocuments.TEXT);
        return PdfDocuments.text(g, value, M + 130, y, Font.PLAIN, 14, PdfDocuments.TEXT);
    }

    private void tilesPage(Graphics2D g, List<IndicatorTile> tiles) {
        float y = PdfDocuments.text(g, l.get("charts.report.tiles") + " — " + provenance.period(), M, 60, Font.BOLD, 18, PdfDocuments.TEXT) + 6;
        float[] x = {M, M + 280, M + 350, M + 420, M + 495, M + 620};
        String[] head = {l.get("charts.report.col.indicator"), l.get("charts.report.col.value"), l.get("charts.report.col.target"),
                l.get("charts.report.col.commitment"), l.get("charts.report.col.status"), l.get("charts.report.col.previous") + " / " + l.get("charts.report.col.year")};
        for (int i = 0; i < head.length; i++) {
            PdfDocuments.text(g, head[i], x[i], y, Font.BOLD, 10, PdfDocuments.MUTED);
        }
        y += 6;
        PdfDocuments.rule(g, y);
        y += 16;
        EffectLevel level = null;
        for (IndicatorTile t : tiles) {
            if (t.indicator().level() != level) {
                level = t.indicator().level();
                PdfDocuments.text(g, l.level(level), M, y, Font.BOLD, 11, PdfDocuments.TEXT);
                y += 16;
            }
            g.setFont(ChartStyle.font(Font.PLAIN, 10));
            PdfDocuments.text(g, PdfDocuments.fit(g, t.indicator().label(l.locale()), x[1] - x[0] - 8), x[0], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, value(t.value(), t.indicator().unit()), x[1], y, Font.BOLD, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, value(t.target(), t.indicator().unit()), x[2], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, value(t.commitment(), t.indicator().unit()), x[3], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, icon(t) + " " + l.get("charts.status." + t.status().code()), x[4], y, Font.BOLD, 10, colour(t));
            PdfDocuments.text(g, trend(t.vsPrevious(), t.indicator().unit()) + "  /  " + trend(t.vsYearEarlier(), t.indicator().unit()),
                    x[5], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            y += 17;
        }
    }

    private void chartPage(Graphics2D g, RoomChart chart) {
        PdfDocuments.text(g, chart.title(l), M, 50, Font.BOLD, 18, PdfDocuments.TEXT);
        JFreeChart drawn = dashboards.chart(room, chart, filters, locale);
        RoomDashboardService.Size size = dashboards.size(room, chart);
        float boxWidth = PdfDocuments.PAGE_WIDTH - 2 * M;
        float boxHeight = PdfDocuments.PAGE_HEIGHT - 70 - 50;
        double scale = Math.min(boxWidth / size.width(), boxHeight / size.height());
        AffineTransform saved = g.getTransform();
        g.translate(M, 62);
        g.scale(scale, scale);
        drawn.draw(g, new Rectangle(0, 0, size.width(), size.height()));
        g.setTransform(saved);
    }

    private void actionsPage(Graphics2D g, List<PriorityAction> part) {
        float y = PdfDocuments.text(g, l.get("charts.report.actions"), M, 60, Font.BOLD, 18, PdfDocuments.TEXT) + 6;
        if (part.isEmpty()) {
            PdfDocuments.text(g, l.get("charts.report.no-actions"), M, y + 10, Font.PLAIN, 12, PdfDocuments.TEXT);
            return;
        }
        float[] x = {M, M + 330, M + 490, M + 575, M + 650};
        String[] head = {l.get("charts.report.col.action"), l.get("charts.report.col.owner"), l.get("charts.report.col.due"),
                l.get("charts.report.col.action-status"), l.get("charts.report.col.indicator")};
        for (int i = 0; i < head.length; i++) {
            PdfDocuments.text(g, head[i], x[i], y, Font.BOLD, 10, PdfDocuments.MUTED);
        }
        y += 6;
        PdfDocuments.rule(g, y);
        y += 16;
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", l.locale());
        for (PriorityAction a : part) {
            g.setFont(ChartStyle.font(Font.PLAIN, 10));
            PdfDocuments.text(g, PdfDocuments.fit(g, a.title(), x[1] - x[0] - 8), x[0], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, PdfDocuments.fit(g, a.owner(), x[2] - x[1] - 8), x[1], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, day.format(a.dueDate()), x[2], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, a.late() ? "⚠ " + l.get("charts.action.late") : l.get("charts.action." + a.status().code()), x[3], y,
                    a.late() ? Font.BOLD : Font.PLAIN, 10, a.late() ? new Color(0xA6, 0x3F, 0x00) : PdfDocuments.TEXT);
            g.setFont(ChartStyle.font(Font.PLAIN, 10));
            PdfDocuments.text(g, a.indicator() == null ? "—" : PdfDocuments.fit(g, a.indicator(), PdfDocuments.PAGE_WIDTH - M - x[4]),
                    x[4], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            y += 17;
        }
    }

    /** The child rooms at a glance, then the escalations received and sent that are not closed. */
    private void cascadePage(Graphics2D g) {
        float y = PdfDocuments.text(g, l.get("charts.report.cascade"), M, 60, Font.BOLD, 18, PdfDocuments.TEXT) + 10;
        if (!cascade.children().isEmpty()) {
            y = PdfDocuments.text(g, l.get("charts.report.children"), M, y, Font.BOLD, 13, PdfDocuments.TEXT) + 4;
            float[] x = {M, M + 330, M + 420, M + 480, M + 540, M + 600, M + 700};
            String[] head = {l.get("charts.report.col.room"), l.get("charts.report.col.level"), l.get("charts.report.col.red"),
                    l.get("charts.report.col.amber"), l.get("charts.report.col.green"), l.get("charts.report.col.late"),
                    l.get("charts.report.col.open-escalations")};
            y = header(g, x, head, y);
            for (int i = 0; i < cascade.children().size(); i++) {
                RoomNode n = cascade.children().get(i);
                if (y > PdfDocuments.PAGE_HEIGHT - 80) {
                    y = PdfDocuments.text(g, l.get("charts.report.more", cascade.children().size() - i), M, y, Font.PLAIN, 10,
                            PdfDocuments.MUTED);
                    break;
                }
                g.setFont(ChartStyle.font(Font.PLAIN, 10));
                PdfDocuments.text(g, PdfDocuments.fit(g, n.room().name(), x[1] - x[0] - 8), x[0], y, Font.PLAIN, 10, PdfDocuments.TEXT);
                PdfDocuments.text(g, l.get("charts.level." + n.room().level().code()), x[1], y, Font.PLAIN, 10, PdfDocuments.TEXT);
                PdfDocuments.text(g, String.valueOf(n.red()), x[2], y, Font.BOLD, 10, RED);
                PdfDocuments.text(g, String.valueOf(n.amber()), x[3], y, Font.BOLD, 10, AMBER);
                PdfDocuments.text(g, String.valueOf(n.green()), x[4], y, Font.PLAIN, 10, PdfDocuments.TEXT);
                PdfDocuments.text(g, String.valueOf(n.lateActions()), x[5], y, n.lateActions() > 0 ? Font.BOLD : Font.PLAIN, 10,
                        n.lateActions() > 0 ? RED : PdfDocuments.TEXT);
                PdfDocuments.text(g, String.valueOf(n.openEscalations()), x[6], y, Font.PLAIN, 10, PdfDocuments.TEXT);
                y += 17;
            }
            y += 14;
        }
        y = escalations(g, l.get("charts.report.escalations-received"), cascade.received(), true, y);
        escalations(g, l.get("charts.report.escalations-sent"), cascade.sent(), false, y + 14);
    }

    private float escalations(Graphics2D g, String title, List<Escalation> list, boolean received, float y) {
        y = PdfDocuments.text(g, title, M, y, Font.BOLD, 13, PdfDocuments.TEXT) + 4;
        if (list.isEmpty()) {
            return PdfDocuments.text(g, l.get("charts.report.no-escalations"), M, y + 10, Font.PLAIN, 11, PdfDocuments.TEXT) + 6;
        }
        float[] x = {M, M + 230, M + 530, M + 640};
        String[] head = {l.get(received ? "charts.report.col.from" : "charts.report.col.to"), l.get("charts.report.col.subject"),
                l.get("charts.report.col.escalation-status"), l.get("charts.report.col.answer-by")};
        y = header(g, x, head, y);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", l.locale());
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", l.locale());
        Map<String, String> labels = new HashMap<>();
        dashboard.allTiles().forEach(t -> labels.put(t.indicator().code(), t.indicator().label(locale)));
        float width = PdfDocuments.PAGE_WIDTH - 2 * M;
        for (int i = 0; i < list.size(); i++) {
            Escalation e = list.get(i);
            if (y > PdfDocuments.PAGE_HEIGHT - 70) {
                return PdfDocuments.text(g, l.get("charts.report.more", list.size() - i), M, y, Font.PLAIN, 10, PdfDocuments.MUTED) + 6;
            }
            g.setFont(ChartStyle.font(Font.PLAIN, 10));
            String room = cascade.name(received ? e.fromRoom() : e.toRoom());
            String subject = e.aboutIndicator() ? labels.getOrDefault(e.indicator(), e.indicator()) + " · " + month.format(e.period())
                    : cascade.actionTitles().getOrDefault(e.id(), l.get("charts.report.action-subject", e.actionId()));
            boolean overdue = e.overdue(today);
            PdfDocuments.text(g, PdfDocuments.fit(g, room, x[1] - x[0] - 8), x[0], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, PdfDocuments.fit(g, subject, x[2] - x[1] - 8), x[1], y, Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, PdfDocuments.fit(g, l.get("escalation.status." + e.status().name()), x[3] - x[2] - 8), x[2], y,
                    Font.PLAIN, 10, PdfDocuments.TEXT);
            PdfDocuments.text(g, (overdue ? "⚠ " : "") + day.format(e.answerBy()), x[3], y, overdue ? Font.BOLD : Font.PLAIN, 10,
                    overdue ? RED : PdfDocuments.TEXT);
            // The reason and what is asked, or the answer that came back, on a line of their own.
            String said = e.answer() != null ? l.get("charts.report.escalation-answer", e.answer())
                    : e.reason() + (e.ask() == null ? "" : " — " + e.ask());
            g.setFont(ChartStyle.font(Font.PLAIN, 9));
            PdfDocuments.text(g, PdfDocuments.fit(g, said, width - 16), M + 16, y + 13, Font.PLAIN, 9, PdfDocuments.MUTED);
            y += 30;
        }
        return y;
    }

    private float header(Graphics2D g, float[] x, String[] head, float y) {
        for (int i = 0; i < head.length; i++) {
            PdfDocuments.text(g, head[i], x[i], y, Font.BOLD, 10, PdfDocuments.MUTED);
        }
        y += 6;
        PdfDocuments.rule(g, y);
        return y + 16;
    }

    private void footer(Graphics2D g, int page, int total) {
        float y = PdfDocuments.PAGE_HEIGHT - 22;
        PdfDocuments.rule(g, y - 14);
        g.setFont(ChartStyle.font(Font.PLAIN, 9));
        String left = PdfDocuments.fit(g, room.name() + " · " + provenance.period() + " · " + provenance.contentHash(), 560);
        PdfDocuments.text(g, left, M, y, Font.PLAIN, 9, PdfDocuments.MUTED);
        String right = l.get("charts.report.page").replace("{0}", String.valueOf(page)).replace("{1}", String.valueOf(total));
        int width = g.getFontMetrics().stringWidth(right);
        PdfDocuments.text(g, right, PdfDocuments.PAGE_WIDTH - M - width, y, Font.PLAIN, 9, PdfDocuments.MUTED);
    }

    private String value(Double v, IndicatorUnit unit) {
        if (v == null) {
            return "—";
        }
        return number.format(v) + (unit == IndicatorUnit.PERCENT ? "\u00A0%" : "");
    }

    private String trend(Trend t, IndicatorUnit unit) {
        if (t == null) {
            return "—";
        }
        String arrow = switch (t.direction()) {
            case UP -> "↑";
            case DOWN -> "↓";
            case FLAT -> "→";
        };
        String sign = t.change() > 0 ? "+" : t.change() < 0 ? "−" : "±";
        return arrow + " " + sign + number.format(Math.abs(t.change())) + (unit == IndicatorUnit.PERCENT ? " pt" : "");
    }

    private static String icon(IndicatorTile t) {
        return switch (t.status()) {
            case ON_TARGET -> "✔";
            case COMMITMENT_MET -> "▲";
            case BELOW_COMMITMENT -> "✖";
            case NO_TARGET -> "○";
            case NO_DATA -> "…";
        };
    }

    private static Color colour(IndicatorTile t) {
        return switch (t.status()) {
            case ON_TARGET -> new Color(0x00, 0x6B, 0x4F);
            case COMMITMENT_MET -> new Color(0x8A, 0x5A, 0x00);
            case BELOW_COMMITMENT -> new Color(0xA6, 0x3F, 0x00);
            default -> PdfDocuments.MUTED;
        };
    }

    static ZoneId zone() {
        return org.pilotage.analytics.text.NetworkTime.ZONE;
    }
}
