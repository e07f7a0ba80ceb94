package org.pilotage.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/** What the service's benchmarks share: a percentile of sorted times, and the removal of a work folder. */
final class Bench {

    private Bench() {
    }

    /** The {@code p}-th percentile of times sorted in ascending order (0 when there are none). */
    static double pct(double[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
