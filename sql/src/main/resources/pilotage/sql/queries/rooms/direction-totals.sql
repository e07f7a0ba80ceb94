-- One indicator's value and target per direction over a period (the directions compared): the
-- aggregation rule (schema V009) over the rows of each month, then over the months.
-- Same parameters as indicator-by-direction.sql.
WITH monthly AS (
    SELECT direction, period, any_value(unit) AS unit,
           combined_value(unit, value)   AS value,
           combined_target(unit, target) AS target
    FROM measure_effective
    WHERE establishment = :establishment
      AND indicator = :indicator
      AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
      AND (:directions = '' OR list_contains(split_codes(:directions), direction))
      AND project = :project
    GROUP BY direction, period
)
SELECT direction                     AS member,
       combined_value(unit, value)   AS value,
       combined_target(unit, target) AS target
FROM monthly
WHERE value IS NOT NULL
GROUP BY direction
ORDER BY direction
