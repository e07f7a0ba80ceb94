package org.pilotage.ui.api;

import java.time.YearMonth;
import java.util.List;

import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.series.SeriesRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/project-counts}: projects counted per month and category. */
@RestController
class ProjectCountController {

    record Count(String period, String category, long count) {
    }

    private final SeriesRepository series;
    private final ReferenceRepository reference;
    private final EffectDashboardService dashboard;
    private final org.pilotage.ui.security.EstablishmentScope scope;

    ProjectCountController(SeriesRepository series, ReferenceRepository reference, EffectDashboardService dashboard,
                           org.pilotage.ui.security.EstablishmentScope scope) {
        this.scope = scope;
        this.series = series;
        this.reference = reference;
        this.dashboard = dashboard;
    }

    /** Without {@code to}: the last complete month; without {@code from}: the 12 months ending with {@code to}. */
    @GetMapping("/api/project-counts")
    List<Count> counts(@RequestParam(required = false) String establishment,
                       @RequestParam(required = false) String direction,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        String est = establishment == null || establishment.isBlank() ? null : establishment.strip();
        var mine = scope.current();
        if (est != null && (!mine.allows(est) || reference.establishments().stream().noneMatch(e -> e.code().equals(est)))) {
            throw ApiException.notFound("Établissement inconnu : " + establishment + ".", "Unknown establishment: " + establishment + ".");
        }
        YearMonth end = Months.parse("to", to, dashboard.lastCompleteMonth());
        YearMonth start = Months.parse("from", from, end.minusMonths(11));
        Months.requireOrdered(start, end);
        return series.projectCounts(est, direction == null || direction.isBlank() ? null : direction.strip(), start, end,
                        mine.codes()).stream()
                .map(c -> new Count(c.period().toString(), c.category(), c.count())).toList();
    }
}
