-- One indicator's monthly values and targets per direction (comparison chart and drill-down).
-- Same parameters as indicator-figures.sql (without the periods), with one :indicator.
SELECT direction                                   AS member,
       strftime(period, '%Y-%m')                   AS period,
       combined_value(unit, value)                 AS value,
       combined_target(unit, target)               AS target
FROM measure_effective
WHERE establishment = :establishment
  AND indicator = :indicator
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
  AND (:directions = '' OR list_contains(split_codes(:directions), direction))
  AND project = :project
GROUP BY direction, period
ORDER BY direction, period
