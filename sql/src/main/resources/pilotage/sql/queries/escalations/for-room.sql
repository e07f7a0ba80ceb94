-- The escalations a room received (:received = true: sent to it by its child rooms) or sent (to its parent),
-- the ones still waiting for an answer first, then the newest.
SELECT id, from_room, to_room, indicator, strftime(period, '%Y-%m') AS period, action_id, reason, ask, answer_by, status,
       version, figures, answer, taken_action_id, origin_id, escalated_as, created_by, created_at, updated_at
FROM escalation
WHERE CASE WHEN :received THEN to_room = :room ELSE from_room = :room END
ORDER BY status = 'CLOSED', status NOT IN ('OPEN', 'TAKEN_IN_CHARGE', 'ESCALATED'), created_at DESC, id DESC
