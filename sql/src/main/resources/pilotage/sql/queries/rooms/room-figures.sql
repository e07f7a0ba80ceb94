-- Each month's value and target of rooms' indicators, each room over its own scope (its establishment and
-- its directions, all of them when it names none), at establishment/direction level, by the aggregation
-- rule (combined_value, combined_target: schema V009). Reads many rooms in one pass: a cascade's tree,
-- an indicator compared across child rooms.
--   :rooms      room ids joined by chr(31)
--   :indicator  one indicator (read over each room's scope, followed or not), or '' for each room's own indicators
--   :from, :to  the months
WITH followed AS (
    SELECT id, establishment, directions,
           unnest(CASE WHEN :indicator = '' THEN indicators ELSE [CAST(:indicator AS VARCHAR)] END) AS indicator
    FROM steering_room
    WHERE list_contains(split_codes(:rooms), CAST(id AS VARCHAR))
)
SELECT f.id                          AS room_id,
       m.indicator,
       strftime(m.period, '%Y-%m')   AS period,
       combined_value(m.unit, m.value)   AS value,
       combined_target(m.unit, m.target) AS target
FROM followed f
JOIN measure_effective m
  ON m.establishment = f.establishment AND m.indicator = f.indicator
 AND (len(f.directions) = 0 OR list_contains(f.directions, m.direction))
WHERE m.project = ''
  AND m.period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
GROUP BY f.id, m.indicator, m.period
