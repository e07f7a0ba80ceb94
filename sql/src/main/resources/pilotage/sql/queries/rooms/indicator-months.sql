-- Monthly values and targets of a room's indicators in its scope.
--   :establishment  the room's establishment
--   :indicators     the indicator codes, joined by chr(31)
--   :directions     the directions to read, joined by chr(31); '' = every direction of the establishment
--   :project        '' = establishment/direction-level rows, else one project's rows
-- Over directions, counts are summed and the other units averaged; targets follow the same rule, and a
-- count's target is unknown (NULL) when a direction summed has none (a part sum would flatter the status).
-- ingestion_id: the newest ingestion that wrote a value of the month (freshness and provenance).
SELECT indicator,
       strftime(period, '%Y-%m')                                                 AS period,
       CASE WHEN any_value(unit) = 'count' THEN sum(value)  ELSE avg(value)  END AS value,
       CASE WHEN any_value(unit) = 'count' THEN CASE WHEN count(target) = count(*) THEN sum(target) END ELSE avg(target) END AS target,
       max(ingestion_id)                                                         AS ingestion_id
FROM measure_effective
WHERE establishment = :establishment
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
  AND list_contains(split_codes(:indicators), indicator)
  AND (:directions = '' OR list_contains(split_codes(:directions), direction))
  AND project = :project
GROUP BY indicator, period
ORDER BY indicator, period
