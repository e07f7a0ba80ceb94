package org.pilotage.ui.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomChart;
import org.pilotage.analytics.rooms.RoomDashboardService;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.pilotage.analytics.snapshot.ExportFormat;
import org.pilotage.analytics.snapshot.Snapshot;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.ui.security.ExportPolicy;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Steering rooms, their charts and chart snapshots for scripts. */
@RestController
class RoomController {

    record RoomSummary(long id, String name, String level) {
    }

    record ChartSummary(String id, String title, String level) {
    }

    private final SteeringRoomRepository rooms;
    private final RoomDashboardService dashboards;
    private final EffectDashboardService effects;
    private final SnapshotService snapshots;
    private final ExportPolicy exports;
    private final org.pilotage.ui.security.EstablishmentScope scope;

    RoomController(SteeringRoomRepository rooms, RoomDashboardService dashboards, EffectDashboardService effects,
                   SnapshotService snapshots, ExportPolicy exports, org.pilotage.ui.security.EstablishmentScope scope) {
        this.scope = scope;
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.effects = effects;
        this.snapshots = snapshots;
        this.exports = exports;
    }

    @GetMapping("/api/rooms")
    List<RoomSummary> rooms() {
        var mine = scope.current();
        return rooms.findAll().stream().filter(r -> mine.allows(r.establishment()))
                .map(r -> new RoomSummary(r.id(), r.name(), r.level().code())).toList();
    }

    @GetMapping("/api/rooms/{id}/charts")
    List<ChartSummary> charts(@PathVariable String id, @RequestParam(required = false) String lang) {
        SteeringRoom room = room(id);
        ChartLabels labels = ChartLabels.of(language(lang));
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
                                 @RequestParam(required = false) String indicator, Authentication user, HttpServletRequest request) {
        ExportFormat f = ExportFormat.parse(format).filter(ExportFormat::image).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Format de graphique inconnu : " + format + " (png, svg ou pdf).", "Unknown chart format: " + format + " (png, svg or pdf)."));
        return download(id, chart, f, period, months, lang, kind, direction, project, indicator, user, request);
    }

    /** The data behind one chart: {@code data.csv}, {@code data.xlsx} or {@code data.arrow}, with the same parameters. */
    @GetMapping("/api/rooms/{id}/charts/{chart}/data.{format}")
    ResponseEntity<byte[]> data(@PathVariable String id, @PathVariable String chart, @PathVariable String format,
                                @RequestParam(required = false) String period, @RequestParam(required = false) String months,
                                @RequestParam(required = false) String lang, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) String direction, @RequestParam(required = false) String project,
                                @RequestParam(required = false) String indicator, Authentication user, HttpServletRequest request) {
        ExportFormat f = ExportFormat.parse(format).filter(x -> !x.image()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Format de données inconnu : " + format + " (csv, xlsx ou arrow).", "Unknown data format: " + format + " (csv, xlsx or arrow)."));
        return download(id, chart, f, period, months, lang, kind, direction, project, indicator, user, request);
    }

    /** The whole room as a PDF report, in French or English. */
    @GetMapping("/api/rooms/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String months, @RequestParam(required = false) String lang,
                                  @RequestParam(required = false) String kind, @RequestParam(required = false) String direction,
                                  @RequestParam(required = false) String project, Authentication user, HttpServletRequest request) {
        requireDownload(user);
        SteeringRoom room = room(id);
        RoomFilters filters = filters(room, period, months, kind, direction, project, null);
        Snapshot report = snapshots.report(room, filters, language(lang), user.getName());
        snapshots.recordDownload(user.getName(), room, "report.pdf", report, request.getRemoteAddr());
        return file(report);
    }

    private ResponseEntity<byte[]> download(String id, String chart, ExportFormat format, String period, String months, String lang,
                                            String kind, String direction, String project, String indicator, Authentication user,
                                            HttpServletRequest request) {
        requireDownload(user);
        SteeringRoom room = room(id);
        RoomChart which = RoomChart.parse(chart).filter(c -> dashboards.charts(room).contains(c))
                .orElseThrow(() -> ApiException.notFound("Cette salle n'a pas de graphique « " + chart + " ».",
                        "This room has no chart \"" + chart + "\"."));
        RoomFilters filters = filters(room, period, months, kind, direction, project, indicator);
        Snapshot snapshot = snapshots.chart(room, which, filters, language(lang), format, user.getName());
        snapshots.recordDownload(user.getName(), room, which.id() + "." + format.extension(), snapshot, request.getRemoteAddr());
        return file(snapshot);
    }

    private void requireDownload(Authentication user) {
        if (user == null || !exports.mayDownload(user.getAuthorities())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Votre rôle ne permet pas de télécharger les graphiques, rapports et données.",
                    "Your role does not allow downloading charts, reports and data.");
        }
    }

    private static ResponseEntity<byte[]> file(Snapshot s) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(s.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(s.fileName()).build().toString())
                .header("X-Pilotage-Content-Hash", s.provenance().contentHash())
                .body(s.bytes());
    }

    private RoomFilters filters(SteeringRoom room, String period, String months, String kind, String direction,
                                String project, String indicator) {
        YearMonth end = Months.parse("period", period, effects.lastCompleteMonth());
        int window = RoomFilters.DEFAULT_MONTHS;
        if (months != null && !months.isBlank()) {
            try {
                window = Integer.parseInt(months.strip());
            } catch (NumberFormatException e) {
                window = -1;
            }
            if (window < 1 || window > RoomFilters.MAX_MONTHS) {
                throw ApiException.badRequest("Le paramètre months doit être un entier de 1 à " + RoomFilters.MAX_MONTHS
                        + " (reçu : " + months + ").", "The parameter months must be a whole number from 1 to "
                        + RoomFilters.MAX_MONTHS + " (got: " + months + ").");
            }
        }
        ReportingPeriod.Kind k = kind == null || kind.isBlank() ? ReportingPeriod.Kind.MONTH
                : ReportingPeriod.Kind.parse(kind.strip()).orElseThrow(() -> ApiException.badRequest(
                        "Le paramètre kind doit valoir month, quarter ou 12m (reçu : " + kind + ").",
                        "The parameter kind must be month, quarter or 12m (got: " + kind + ")."));
        if (direction != null && !direction.isBlank() && !room.directions().isEmpty() && !room.directions().contains(direction.strip())) {
            throw ApiException.badRequest("La direction " + direction + " est hors de la portée de cette salle.",
                    "The direction " + direction + " is outside this room's scope.");
        }
        if (indicator != null && !indicator.isBlank() && !room.indicators().contains(indicator.strip())) {
            throw ApiException.badRequest("L'indicateur " + indicator + " n'est pas suivi dans cette salle.",
                    "The indicator " + indicator + " is not followed in this room.");
        }
        return new RoomFilters(new ReportingPeriod(k, end), direction == null ? null : direction.strip(),
                project == null ? null : project.strip(), indicator == null ? null : indicator.strip(), window);
    }

    private SteeringRoom room(String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Salle de pilotage inconnue : " + id + ".", "Unknown steering room: " + id + ".");
        }
        // A room outside the caller's establishments answers as one that does not exist.
        return rooms.find(n).filter(r -> scope.current().allows(r.establishment()))
                .orElseThrow(() -> ApiException.notFound("Salle de pilotage inconnue : " + id + ".", "Unknown steering room: " + id + "."));
    }

    static Locale language(String lang) {
        if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("fr")) {
            return Locale.CANADA_FRENCH;
        }
        if (lang.equalsIgnoreCase("en")) {
            return Locale.CANADA;
        }
        throw ApiException.badRequest("Le paramètre lang doit valoir fr ou en (reçu : " + lang + ").",
                "The parameter lang must be fr or en (got: " + lang + ").");
    }

}
