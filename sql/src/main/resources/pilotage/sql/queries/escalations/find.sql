-- One escalation.
SELECT id, from_room, to_room, indicator, strftime(period, '%Y-%m') AS period, action_id, reason, ask, answer_by, status,
       version, figures, answer, taken_action_id, origin_id, escalated_as, created_by, created_at, updated_at
FROM escalation
WHERE id = :id
