-- An escalation's thread, oldest first.
SELECT happened_at, by_user, from_status, to_status, text
FROM escalation_event
WHERE escalation_id = :escalation
ORDER BY happened_at, id
