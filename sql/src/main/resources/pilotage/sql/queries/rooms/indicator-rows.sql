-- The published rows behind one indicator in a room's scope, newest month first, with the file each came from.
SELECT m.direction,
       m.project,
       strftime(m.period, '%Y-%m') AS period,
       m.value,
       m.target,
       m.comment,
       m.ingestion_id,
       g.file_name
FROM measure_effective m
LEFT JOIN ingestion g ON g.id = m.ingestion_id
WHERE m.establishment = :establishment
  AND m.indicator = :indicator
  AND m.period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
  AND (:directions = '' OR list_contains(split_codes(:directions), m.direction))
ORDER BY m.period DESC, m.direction, m.project
LIMIT :limit
