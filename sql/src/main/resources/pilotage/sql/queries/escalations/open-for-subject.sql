-- An escalation of the same item from the same room that is not closed yet (an item is escalated once at a time).
SELECT id FROM escalation
WHERE from_room = :from_room AND status <> 'CLOSED'
  AND ((indicator = :indicator AND period = CAST(:period AS DATE)) OR action_id = :action_id)
ORDER BY id
LIMIT 1
