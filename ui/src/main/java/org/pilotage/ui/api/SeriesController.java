package org.pilotage.ui.api;

import java.time.YearMonth;
import java.util.List;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.series.SeriesQuery;
import org.pilotage.analytics.series.SeriesRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/series}: the monthly values and targets of one indicator. */
@RestController
class SeriesController {

    record Point(String period, double value, Double target) {
    }

    private final SeriesRepository series;
    private final CatalogueRepository catalogue;
    private final ReferenceRepository reference;
    private final EffectDashboardService dashboard;
    private final org.pilotage.ui.security.EstablishmentScope scope;

    SeriesController(SeriesRepository series, CatalogueRepository catalogue, ReferenceRepository reference,
                     EffectDashboardService dashboard, org.pilotage.ui.security.EstablishmentScope scope) {
        this.scope = scope;
        this.series = series;
        this.catalogue = catalogue;
        this.reference = reference;
        this.dashboard = dashboard;
    }

    /**
     * Without {@code to}: the last complete month; without {@code from}: the 12 months ending with {@code to}.
     */
    @GetMapping("/api/series")
    List<Point> series(@RequestParam String indicator,
                       @RequestParam(required = false) String establishment,
                       @RequestParam(required = false) String direction,
                       @RequestParam(required = false) String project,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        String code = indicator.strip().toUpperCase(java.util.Locale.ROOT);
        if (catalogue.find(code).isEmpty()) {
            throw ApiException.notFound("Indicateur inconnu du catalogue : " + indicator + ".",
                    "Indicator not in the catalogue: " + indicator + ".");
        }
        String est = blankToNull(establishment);
        var mine = scope.current();
        // An establishment outside the caller's scope answers as one that does not exist: nothing is revealed.
        if (est != null && (!mine.allows(est) || reference.establishments().stream().noneMatch(e -> e.code().equals(est)))) {
            throw ApiException.notFound("Établissement inconnu : " + establishment + ".", "Unknown establishment: " + establishment + ".");
        }
        YearMonth end = Months.parse("to", to, dashboard.lastCompleteMonth());
        YearMonth start = Months.parse("from", from, end.minusMonths(11));
        Months.requireOrdered(start, end);
        return series.find(new SeriesQuery(code, null, est, blankToNull(direction), blankToNull(project), start, end, mine.codes()))
                .stream()
                .map(v -> new Point(v.period().toString(), round(v.value()), v.target() == null ? null : round(v.target())))
                .toList();
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
