-- Project counts per month and category for an establishment, one direction or all of them summed.
SELECT strftime(period, '%Y-%m') AS period,
       category,
       sum(count)                AS count
FROM project_count
WHERE establishment = :establishment
  AND (CAST(:direction AS VARCHAR) IS NULL OR direction = :direction)
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
GROUP BY period, category
ORDER BY period, category
