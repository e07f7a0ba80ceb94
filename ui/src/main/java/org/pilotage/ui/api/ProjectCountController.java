package org.pilotage.ui.api;

import java.util.List;

import org.pilotage.analytics.series.SeriesService;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/project-counts}: projects counted per month and category. */
@RestController
class ProjectCountController {

    record Count(String period, String category, long count) {
    }

    private final SeriesService series;
    private final CurrentCaller caller;

    ProjectCountController(SeriesService series, CurrentCaller caller) {
        this.series = series;
        this.caller = caller;
    }

    /** Without {@code to}: the last complete month; without {@code from}: the 12 months ending with {@code to}. */
    @GetMapping("/api/project-counts")
    List<Count> counts(@RequestParam(required = false) String establishment, @RequestParam(required = false) String direction,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return series.projectCounts(caller.get(), establishment, direction, from, to).stream()
                .map(c -> new Count(c.period().toString(), c.category(), c.count())).toList();
    }
}
