-- Monthly values and targets of indicators, at establishment/direction level or for one project.
-- Every filter is optional (NULL = all):
--   :establishment  NULL = every establishment of :establishments (the caller's scope)
--   :direction      NULL = combined over directions by the aggregation rule (schema V009)
--   :project        NULL = rows without a project (establishment/direction level)
--   :indicator, :level
SELECT indicator,
       strftime(period, '%Y-%m')     AS period,
       combined_value(unit, value)   AS value,
       combined_target(unit, target) AS target,
       count(*)                      AS contributions
FROM measure_effective
WHERE (CAST(:indicator AS VARCHAR) IS NULL OR indicator = :indicator)
  AND (CAST(:level AS VARCHAR) IS NULL OR level = :level)
  AND (CAST(:establishment AS VARCHAR) IS NULL OR establishment = :establishment)
  AND (CAST(:establishments AS VARCHAR) IS NULL OR list_contains(split_codes(:establishments), establishment))
  AND (CAST(:direction AS VARCHAR) IS NULL OR direction = :direction)
  AND project = coalesce(CAST(:project AS VARCHAR), '')
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
GROUP BY indicator, period
ORDER BY indicator, period
