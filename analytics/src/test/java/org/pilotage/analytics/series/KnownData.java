package org.pilotage.analytics.series;

import org.springframework.jdbc.core.JdbcTemplate;

/** A handful of rows whose aggregates the tests know by heart. */
public final class KnownData {

    private KnownData() {
    }

    public static void insert(JdbcTemplate jdbc) {
        jdbc.execute("""
                INSERT INTO indicator (code, level, label_fr, label_en, unit, better, default_target) VALUES
                  ('C1', 'organisational', 'Projets qui intègrent les usagers', 'Projects that integrate users', 'count', 'up', 10),
                  ('P1', 'practitioner', 'Intervenants formés', 'Practitioners trained', 'percent', 'up', 50),
                  ('R1', 'clientele', 'Délai de réponse (jours)', 'Response time (days)', 'ratio', 'down', 14);
                INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id) VALUES
                  ('E1', 'D1', '',    'C1', DATE '2026-01-01',    3, NULL, 1),
                  ('E1', 'D2', '',    'C1', DATE '2026-01-01',    4,   12, 1),
                  ('E1', 'D1', '',    'C1', DATE '2026-02-01',    5,   10, 1),
                  ('E1', 'D1', 'P-1', 'C1', DATE '2026-01-01',  100, NULL, 1),
                  ('E1', 'D1', '',    'P1', DATE '2026-01-01',   40,   60, 1),
                  ('E1', 'D2', '',    'P1', DATE '2026-01-01',   60, NULL, 1),
                  ('E2', 'D1', '',    'C1', DATE '2026-01-01', 1000, NULL, 1);
                """);
    }
}
