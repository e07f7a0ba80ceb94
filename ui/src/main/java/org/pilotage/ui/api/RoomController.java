package org.pilotage.ui.api;

import java.util.List;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.cascade.CascadeService;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.RoomService.FilterWords;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.ExportFormat;
import org.pilotage.analytics.snapshot.Snapshot;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.text.Languages;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Steering rooms, their charts and chart snapshots for scripts. */
@RestController
class RoomController {

    record RoomSummary(long id, String name, String level, Long parentId) {
    }

    record TreeNode(long id, String name, String level, Long parentId, int red, int amber, int green, int lateActions,
                    int openEscalations) {
    }

    record ChartSummary(String id, String title, String level) {
    }

    private final RoomService rooms;
    private final RoomDashboardService dashboards;
    private final SnapshotService snapshots;
    private final CurrentCaller caller;
    private final CascadeService cascade;

    RoomController(RoomService rooms, RoomDashboardService dashboards, SnapshotService snapshots, CascadeService cascade,
                   CurrentCaller caller) {
        this.cascade = cascade;
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.snapshots = snapshots;
        this.caller = caller;
    }

    @GetMapping("/api/rooms")
    List<RoomSummary> rooms() {
        return rooms.visible(caller.get()).stream().map(r -> new RoomSummary(r.id(), r.name(), r.level().code(), r.parentId())).toList();
    }

    /** The rooms below a room, depth first, each with its status counts for the last complete month. */
    @GetMapping("/api/rooms/{id}/tree")
    List<TreeNode> tree(@PathVariable String id) {
        Caller who = caller.get();
        SteeringRoom room = rooms.require(who, id);
        return cascade.tree(who, room).stream().map(n -> new TreeNode(n.room().id(), n.room().name(), n.room().level().code(),
                n.room().parentId(), n.red(), n.amber(), n.green(), n.lateActions(), n.openEscalations())).toList();
    }

    @GetMapping("/api/rooms/{id}/charts")
    List<ChartSummary> charts(@PathVariable String id, @RequestParam(required = false) String lang) {
        SteeringRoom room = rooms.require(caller.get(), id);
        ChartLabels labels = ChartLabels.of(Languages.parse(lang));
        return dashboards.charts(room).stream().map(c -> new ChartSummary(c.id(), c.title(labels),
                c.level() == null ? null : c.level().code())).toList();
    }

    /**
     * A snapshot of one chart: {@code .png} (at twice its layout size), {@code .svg} or {@code .pdf}, with
     * its provenance printed on it and in the file's metadata. Parameters: {@code period} (YYYY-MM,
     * default the last complete month), {@code months} (1 to 60, default 12), {@code lang} (fr or en),
     * and the room's filters {@code kind}, {@code direction}, {@code project}, {@code indicator}.
     */
    @GetMapping("/api/rooms/{id}/charts/{chart}.{format}")
    ResponseEntity<byte[]> chart(@PathVariable String id, @PathVariable String chart, @PathVariable String format,
                                 @RequestParam(required = false) String period, @RequestParam(required = false) String months,
                                 @RequestParam(required = false) String lang, @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String direction, @RequestParam(required = false) String project,
                                 @RequestParam(required = false) String indicator) {
        ExportFormat f = ExportFormat.parse(format).filter(ExportFormat::image)
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-chart-format", format));
        return download(id, chart, f, lang, new FilterWords(kind, period, months, direction, project, indicator));
    }

    /** The data behind one chart: {@code data.csv}, {@code data.xlsx} or {@code data.arrow}, with the same parameters. */
    @GetMapping("/api/rooms/{id}/charts/{chart}/data.{format}")
    ResponseEntity<byte[]> data(@PathVariable String id, @PathVariable String chart, @PathVariable String format,
                                @RequestParam(required = false) String period, @RequestParam(required = false) String months,
                                @RequestParam(required = false) String lang, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) String direction, @RequestParam(required = false) String project,
                                @RequestParam(required = false) String indicator) {
        ExportFormat f = ExportFormat.parse(format).filter(x -> !x.image())
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-data-format", format));
        return download(id, chart, f, lang, new FilterWords(kind, period, months, direction, project, indicator));
    }

    /** The whole room as a PDF report, in French or English. */
    @GetMapping("/api/rooms/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String months, @RequestParam(required = false) String lang,
                                  @RequestParam(required = false) String kind, @RequestParam(required = false) String direction,
                                  @RequestParam(required = false) String project) {
        Caller who = caller.get();
        snapshots.requireDownload(who);
        SteeringRoom room = rooms.require(who, id);
        RoomFilters filters = rooms.filters(room, new FilterWords(kind, period, months, direction, project, null));
        return file(snapshots.downloadReport(who, room, filters, Languages.parse(lang)));
    }

    private ResponseEntity<byte[]> download(String id, String chart, ExportFormat format, String lang, FilterWords words) {
        Caller who = caller.get();
        snapshots.requireDownload(who);
        SteeringRoom room = rooms.require(who, id);
        RoomChart which = dashboards.requireChart(room, chart);
        RoomFilters filters = rooms.filters(room, words);
        return file(snapshots.download(who, room, which, filters, Languages.parse(lang), format));
    }

    private static ResponseEntity<byte[]> file(Snapshot s) {
        var response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(s.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(s.fileName()).build().toString())
                .header("X-Pilotage-Content-Hash", s.provenance().contentHash());
        if (s.previous()) { // the picture before the last publication, its band saying so, while the new one is drawn
            response.header("X-Pilotage-Previous-Image", "true");
        }
        return response.body(s.bytes());
    }
}
