-- A room's indicators in its scope, read in one pass: each month's value and target over the directions,
-- and each indicator's figure over the period shown, the period before and the same period a year
-- earlier, over those months; both by the aggregation rule (combined_value, combined_target: schema V009).
-- Like with like: the reference periods count only the months (by their position in the period) that the
-- period shown has a value for, so a quarter with one month published is compared with the first month
-- of the quarters before, not with all three.
--   :establishment  the room's establishment
--   :indicators     the indicator codes, joined by chr(31)
--   :directions     the directions to read, joined by chr(31); '' = every direction of the establishment
--   :project        '' = establishment/direction-level rows, else one project's rows
--   :from, :to      the months to read: the chart window, the sparkline and the same period a year earlier
--   :now_from, :now_to, :previous_from, :previous_to, :year_from, :year_to   the three periods, within them
-- Rows: kind 'month' with its period (YYYY-MM) and the newest ingestion that wrote a value of the month
-- (freshness and provenance); kind 'now', 'previous' or 'year-earlier' with the figure of that period.
WITH monthly AS MATERIALIZED (
    SELECT indicator, period, any_value(unit) AS unit,
           combined_value(unit, value)   AS value,
           combined_target(unit, target) AS target,
           max(ingestion_id)             AS ingestion_id
    FROM measure_effective
    WHERE establishment = :establishment
      AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
      AND list_contains(split_codes(:indicators), indicator)
      AND (:directions = '' OR list_contains(split_codes(:directions), direction))
      AND project = :project
    GROUP BY indicator, period
), periods (name, first, last) AS (
    VALUES ('now',          CAST(:now_from AS DATE),      CAST(:now_to AS DATE)),
           ('previous',     CAST(:previous_from AS DATE), CAST(:previous_to AS DATE)),
           ('year-earlier', CAST(:year_from AS DATE),     CAST(:year_to AS DATE))
), placed AS (
    SELECT m.indicator, m.unit, m.value, m.target, p.name, datediff('month', p.first, m.period) AS position
    FROM monthly m JOIN periods p ON m.period BETWEEN p.first AND p.last
    WHERE m.value IS NOT NULL
), shown AS (
    SELECT indicator, position FROM placed WHERE name = 'now'
)
SELECT 'month' AS kind, indicator, strftime(period, '%Y-%m') AS period, value, target, ingestion_id
FROM monthly
UNION ALL
SELECT placed.name, placed.indicator, NULL, combined_value(unit, value), combined_target(unit, target), NULL
FROM placed SEMI JOIN shown ON placed.indicator = shown.indicator AND placed.position = shown.position
GROUP BY placed.indicator, placed.name
