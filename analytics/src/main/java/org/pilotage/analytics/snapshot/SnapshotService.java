package org.pilotage.analytics.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.cascade.CascadeSummary;
import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.charts.AsideTitle;
import org.pilotage.analytics.charts.ChartEncoder;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.charts.ChartStyle;
import org.pilotage.analytics.dashboard.ChartData;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboard;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.ResultCache;
import org.pilotage.analytics.text.Refusal;

/**
 * Snapshots for executives: a room's chart as PNG (2×), SVG or PDF with its provenance printed on it
 * and in the file's metadata; the data behind it as CSV, XLSX or Arrow; the whole room as a PDF
 * report. The same data and parameters give the same content hash; a snapshot is kept per data
 * version and requester, so asking again answers the same bytes.
 */
public class SnapshotService {

    public static final double PNG_SCALE = 2;
    private static final int FOOTER_LINE = 16;

    private final RoomDashboardService dashboards;
    private final ActionRepository actions;
    private final AuditLog audit;
    private final Clock clock;
    private final ResultCache cache;
    /** Where a chart is drawn again after a publication while viewers get the picture it had. */
    private final java.util.concurrent.Executor redraws = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("snapshot-redraw").factory());

    private final ExportPolicy policy;
    private final Function<SteeringRoom, CascadeSummary> cascade;
    private final Function<SteeringRoom, RitualFigures> rituals;

    public SnapshotService(RoomDashboardService dashboards, ActionRepository actions, AuditLog audit, DataVersion version,
                           Clock clock) {
        this(dashboards, actions, audit, version, clock, new ExportPolicy(false));
    }

    public SnapshotService(RoomDashboardService dashboards, ActionRepository actions, AuditLog audit, DataVersion version,
                           Clock clock, ExportPolicy policy) {
        this(dashboards, actions, audit, version, clock, policy, room -> CascadeSummary.NONE, room -> null);
    }

    /**
     * @param cascade a room's place in its cascade, which its report prints
     * @param rituals a room's ritual indicators, which its report prints (null: none)
     */
    public SnapshotService(RoomDashboardService dashboards, ActionRepository actions, AuditLog audit, DataVersion version,
                           Clock clock, ExportPolicy policy, Function<SteeringRoom, CascadeSummary> cascade,
                           Function<SteeringRoom, RitualFigures> rituals) {
        this.cascade = cascade;
        this.rituals = rituals;
        this.policy = policy;
        this.dashboards = dashboards;
        this.actions = actions;
        this.audit = audit;
        this.clock = clock;
        this.cache = new ResultCache(version, 500);
    }

    private record Key(long room, Instant updated, String what, RoomFilters filters, String language, String user) {
    }

    /**
     * A chart of the room as a picture or as the data behind it. Just after a publication of the room's establishment,
     * a PNG asked for again is answered at once with the picture it had, a band under it saying that it is being
     * updated, while the new one is drawn (once, for every viewer): the wall screens of a room are not held up by
     * the redraw of all its charts.
     */
    public Snapshot chart(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale, ExportFormat format, String user) {
        Key key = new Key(room.id(), room.updatedAt(), chart.id() + "." + format.extension(), filters, locale.getLanguage(), user);
        if (format == ExportFormat.PNG) {
            return cache.getOrPrevious(room.establishment(), key, () -> render(room, chart, filters, locale, format, user), redraws,
                    s -> s.markedPrevious(ChartLabels.of(locale).get("charts.previous-image")));
        }
        return cache.get(room.establishment(), key, () -> render(room, chart, filters, locale, format, user));
    }

    /** The whole room as a PDF report. */
    public Snapshot report(SteeringRoom room, RoomFilters filters, Locale locale, String user) {
        // "Late" depends on the day: a report is kept for one day at most.
        String what = "report.pdf@" + java.time.LocalDate.now(clock);
        return cache.get(room.establishment(), new Key(room.id(), room.updatedAt(), what, filters, locale.getLanguage(), user), () -> {
            RoomDashboard dashboard = dashboards.dashboard(room, filters);
            StringBuilder content = new StringBuilder("report|").append(canonical(filters)).append('|').append(locale.getLanguage());
            for (RoomChart c : dashboard.charts()) {
                content.append('|').append(c.id()).append('|').append(canonical(dashboards.chartData(room, c, filters, locale)));
            }
            var list = actions.forRoom(room.id());
            list.forEach(a -> content.append('|').append(a));
            CascadeSummary place = cascade.apply(room);
            content.append('|').append(place);
            Provenance provenance = provenance(room, filters, locale, user, hash(content.toString()), dashboard, dashboard.ingestions());
            RitualFigures ritual = rituals.apply(room);
            content.append('|').append(ritual);
            byte[] pdf = new RoomReport(dashboards, room, filters, locale, dashboard, list, place, ritual, java.time.LocalDate.now(clock),
                    provenance).render();
            return new Snapshot(pdf, ExportFormat.PDF.contentType(), fileName(room, "rapport", filters, ExportFormat.PDF), provenance);
        });
    }

    /** Drops every kept snapshot (benchmarks and tests that measure rendering). */
    public void clearCache() {
        cache.clear();
    }

    public boolean mayDownload(Caller caller) {
        return policy.mayDownload(caller);
    }

    /** A chart or its data downloaded: only by whom the policy allows, and recorded in the audit log. */
    public Snapshot download(Caller caller, SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale, ExportFormat format) {
        requireDownload(caller);
        Snapshot s = chart(room, chart, filters, locale, format, caller.username());
        recordDownload(caller, room, chart.id() + "." + format.extension(), s);
        return s;
    }

    /** The room report downloaded: only by whom the policy allows, and recorded in the audit log. */
    public Snapshot downloadReport(Caller caller, SteeringRoom room, RoomFilters filters, Locale locale) {
        requireDownload(caller);
        Snapshot s = report(room, filters, locale, caller.username());
        recordDownload(caller, room, "report.pdf", s);
        return s;
    }

    public void requireDownload(Caller caller) {
        if (!policy.mayDownload(caller)) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "access.download-forbidden");
        }
    }

    /** Records a download in the audit log: who, what, when and from where. */
    private void recordDownload(Caller caller, SteeringRoom room, String what, Snapshot snapshot) {
        audit.record(caller, "download", "room " + room.id() + " " + what,
                snapshot.fileName() + " · " + snapshot.provenance().filters() + " · " + snapshot.provenance().period()
                        + " · " + snapshot.provenance().contentHash());
    }

    private Snapshot render(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale, ExportFormat format, String user) {
        ChartData data = dashboards.chartData(room, chart, filters, locale);
        String hash = hash(chart.id() + "|" + canonical(filters) + "|" + locale.getLanguage() + "|" + canonical(data) + "|"
                + dashboards.chartComments(room, chart, filters).stream().map(c -> c.indicator() + c.period() + c.text()).toList());
        RoomDashboard dashboard = dashboards.dashboard(room, filters);
        Set<Long> used = new HashSet<>();
        int idColumn = data.columns().indexOf("ingestion_id");
        if (idColumn >= 0) {
            data.rows().forEach(r -> used.add((Long) r.get(idColumn)));
        }
        List<RoomDashboard.Provenance> ingestions = idColumn < 0 ? dashboard.ingestions()
                : dashboard.ingestions().stream().filter(i -> used.contains(i.id())).toList();
        Provenance provenance = provenance(room, filters, locale, user, hash, dashboard, ingestions);
        String title = chart.title(ChartLabels.of(locale)) + " — " + room.name();
        String fileName = fileName(room, chart.id(), filters, format);
        if (!format.image()) {
            byte[] bytes = switch (format) {
                case CSV -> DataExports.csv(data, provenance);
                case XLSX -> DataExports.xlsx(data, provenance, chart.title(ChartLabels.of(locale)));
                default -> DataExports.arrow(data, provenance);
            };
            return new Snapshot(bytes, format.contentType(), fileName, provenance);
        }
        JFreeChart drawn = dashboards.chart(room, chart, filters, locale);
        withProvenance(drawn, provenance, title);
        RoomDashboardService.Size size = dashboards.size(room, chart);
        int height = size.height() + 28 + FOOTER_LINE * (provenance.lines().size() + 1);
        byte[] bytes = switch (format) {
            case PNG -> ChartEncoder.png(drawn, size.width(), height, PNG_SCALE, pngText(provenance, title));
            case SVG -> ChartEncoder.svg(drawn, size.width(), height, title, String.join("\n", provenance.lines()));
            default -> PdfDocuments.chart(drawn, size.width(), height, title, provenance);
        };
        return new Snapshot(bytes, format.contentType(), fileName, provenance);
    }

    /** The chart's title on top and the provenance below it, so that a slide carries where its figures come from. */
    static void withProvenance(JFreeChart chart, Provenance provenance, String title) {
        if (chart.getTitle() == null) {
            TextTitle t = new AsideTitle(title, ChartStyle.font(java.awt.Font.BOLD, 16));
            t.setPaint(ChartStyle.TEXT);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setPadding(new RectangleInsets(4, 4, 6, 4));
            chart.setTitle(t);
        }
        // Bottom subtitles stack upwards from the edge: added last line first, they read top to bottom.
        for (String line : provenance.lines().reversed()) {
            TextTitle t = new AsideTitle(line, ChartStyle.font(java.awt.Font.PLAIN, 11));
            t.setPaint(new java.awt.Color(0x55, 0x55, 0x55));
            t.setPosition(RectangleEdge.BOTTOM);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setPadding(new RectangleInsets(1, 4, 1, 4));
            chart.addSubtitle(t);
        }
    }

    private static java.util.Map<String, String> pngText(Provenance provenance, String title) {
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>(provenance.metadata());
        text.put("Title", title);
        text.put("Author", provenance.generatedBy());
        text.put("Description", String.join("\n", provenance.lines()));
        text.put("Creation Time", provenance.generatedAt().toString());
        text.put("Software", "Pilotage");
        text.put("Source", provenance.metadata().get("Pilotage-Ingestions"));
        return text;
    }

    Provenance provenance(SteeringRoom room, RoomFilters filters, Locale locale, String user, String hash, RoomDashboard dashboard,
                          List<RoomDashboard.Provenance> ingestions) {
        ChartLabels l = ChartLabels.of(locale);
        String scope = room.establishment() + " · " + (room.directions().isEmpty() ? l.get("charts.all-directions")
                : String.join(", ", room.directions()));
        String filterText = String.join(", ",
                l.get("charts.kind." + filters.period().kind().code()),
                filters.direction() == null ? l.get("charts.filter.all-directions") : l.get("charts.filter.direction").replace("{0}", filters.direction()),
                filters.project() == null ? l.get("charts.filter.no-project") : l.get("charts.filter.project").replace("{0}", filters.project()),
                l.get("charts.filter.months").replace("{0}", String.valueOf(filters.months())));
        return new Provenance(room.id(), room.name(), l.get("charts.level." + room.level().code()), scope, filterText,
                periodLabel(filters.period(), l), dashboard.freshness(), ingestions,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), user, hash, l.locale());
    }

    static String periodLabel(ReportingPeriod period, ChartLabels l) {
        boolean fr = !"en".equals(l.locale().getLanguage());
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", l.locale());
        YearMonth end = period.end();
        return switch (period.kind()) {
            case MONTH -> month.format(end);
            case QUARTER -> (fr ? "T" : "Q") + period.quarter() + " " + end.getYear();
            case ROLLING_12 -> month.format(period.start()) + " – " + month.format(end);
        };
    }

    private static String canonical(RoomFilters f) {
        return f.period().kind().code() + ":" + f.period().end() + ":" + f.direction() + ":" + f.project() + ":" + f.compared()
                + ":" + f.months();
    }

    private static String canonical(ChartData data) {
        StringBuilder sb = new StringBuilder(String.join(",", data.columns()));
        for (List<Object> row : data.rows()) {
            sb.append('\n');
            for (Object v : row) {
                sb.append(v).append('\u001F');
            }
        }
        return sb.toString();
    }

    /** The first 12 hex digits of the SHA-256 of a content's canonical text. */
    static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(SteeringRoom room, String what, RoomFilters filters, ExportFormat format) {
        return "pilotage-salle-" + room.id() + "-" + what + "-" + filters.period().kind().code() + "-" + filters.period().end()
                + "." + format.extension();
    }
}
