-- Establishments with the codes of their directions, in code order.
SELECT e.code,
       e.name,
       coalesce(list(d.code ORDER BY d.code) FILTER (WHERE d.code IS NOT NULL), []) AS directions
FROM establishment e
LEFT JOIN direction d ON d.establishment = e.code
GROUP BY e.code, e.name
ORDER BY e.code
