-- The projects of an establishment, in code order.
SELECT code, name
FROM project
WHERE establishment = ?
ORDER BY code
