-- Project counts per month and category: one establishment or all, one direction or all of them summed.
SELECT strftime(period, '%Y-%m') AS period,
       category,
       sum(count)                AS count
FROM project_count
WHERE (CAST(:establishment AS VARCHAR) IS NULL OR establishment = :establishment)
  AND (CAST(:establishments AS VARCHAR) IS NULL OR list_contains(split_codes(:establishments), establishment))
  AND (CAST(:direction AS VARCHAR) IS NULL OR direction = :direction)
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
GROUP BY period, category
ORDER BY period, category
