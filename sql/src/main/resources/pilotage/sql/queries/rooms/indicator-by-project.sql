-- One indicator's monthly values and targets per project of the room's scope (drill-down).
SELECT project                                     AS member,
       strftime(period, '%Y-%m')                   AS period,
       combined_value(unit, value)                 AS value,
       combined_target(unit, target)               AS target
FROM measure_effective
WHERE establishment = :establishment
  AND indicator = :indicator
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
  AND (:directions = '' OR list_contains(split_codes(:directions), direction))
  AND project <> ''
GROUP BY project, period
ORDER BY project, period
