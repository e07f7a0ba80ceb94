-- Monthly values and targets of indicators, at establishment/direction level or for one project.
-- Every filter is optional (NULL = all):
--   :establishment  NULL = every establishment of :establishments (the caller's scope)
--   :direction      NULL = summed over directions for counts, averaged for the other units
--   :project        NULL = rows without a project (establishment/direction level)
--   :indicator, :level
-- The same rule aggregates targets, so a value and its target are always comparable: a count's target is
-- unknown (NULL) when some of the rows summed have none, rather than a sum of part of them.
SELECT indicator,
       strftime(period, '%Y-%m')                                            AS period,
       CASE WHEN any_value(unit) = 'count' THEN sum(value)  ELSE avg(value)  END AS value,
       CASE WHEN any_value(unit) = 'count' THEN CASE WHEN count(target) = count(*) THEN sum(target) END ELSE avg(target) END AS target,
       count(*)                                                             AS contributions
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
