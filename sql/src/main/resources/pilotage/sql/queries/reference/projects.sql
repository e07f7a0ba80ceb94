-- The projects of an establishment, in code order.
SELECT code, name
FROM project
WHERE establishment = :establishment
ORDER BY code
