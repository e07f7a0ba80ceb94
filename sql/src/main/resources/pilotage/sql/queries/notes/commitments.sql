-- The commitment levels of every indicator over time, oldest first.
SELECT indicator, strftime(valid_from, '%Y-%m') AS valid_from, gap_percent
FROM indicator_commitment
ORDER BY indicator, valid_from
