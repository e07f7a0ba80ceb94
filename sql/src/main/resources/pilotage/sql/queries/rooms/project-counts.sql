-- Project counts per month and category in a scope, summed over its directions.
--   :establishment, :directions ('' = all), :categories (joined by chr(31); '' = all five), :from, :to
SELECT strftime(period, '%Y-%m') AS period,
       category,
       sum(count)                AS count,
       max(ingestion_id)         AS ingestion_id
FROM project_count
WHERE establishment = :establishment
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
  AND (:directions = '' OR list_contains(split_codes(:directions), direction))
  AND (:categories = '' OR list_contains(split_codes(:categories), category))
GROUP BY period, category
ORDER BY period, category
