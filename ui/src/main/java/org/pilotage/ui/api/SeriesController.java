package org.pilotage.ui.api;

import java.util.List;

import org.pilotage.analytics.series.SeriesService;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/series}: the monthly values and targets of one indicator. */
@RestController
class SeriesController {

    record Point(String period, double value, Double target) {
    }

    private final SeriesService series;
    private final CurrentCaller caller;

    SeriesController(SeriesService series, CurrentCaller caller) {
        this.series = series;
        this.caller = caller;
    }

    /** Without {@code to}: the last complete month; without {@code from}: the 12 months ending with {@code to}. */
    @GetMapping("/api/series")
    List<Point> series(@RequestParam String indicator, @RequestParam(required = false) String establishment,
                       @RequestParam(required = false) String direction, @RequestParam(required = false) String project,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return series.series(caller.get(), indicator, establishment, direction, project, from, to).stream()
                .map(v -> new Point(v.period().toString(), round(v.value()), v.target() == null ? null : round(v.target())))
                .toList();
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }
}
