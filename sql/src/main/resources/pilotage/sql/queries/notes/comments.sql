-- Comments on indicators of an establishment over a range of months, oldest first.
--   :indicators joined by chr(31)
SELECT id, indicator, strftime(period, '%Y-%m') AS period, text, author, created_at
FROM indicator_comment
WHERE establishment = :establishment
  AND list_contains(split_codes(:indicators), indicator)
  AND period BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
ORDER BY period, created_at, id
