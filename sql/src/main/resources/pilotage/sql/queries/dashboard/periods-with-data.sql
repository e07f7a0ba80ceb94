-- Months holding at least one measure for an establishment, newest first.
SELECT DISTINCT strftime(period, '%Y-%m') AS period
FROM indicator_measure
WHERE establishment = :establishment
ORDER BY period DESC
