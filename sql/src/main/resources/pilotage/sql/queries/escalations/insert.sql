-- A new escalation from a room to its parent room, OPEN (or ESCALATED's copy one level up).
INSERT INTO escalation (from_room, to_room, indicator, period, action_id, reason, ask, answer_by, status, figures, origin_id, created_by)
VALUES (:from_room, :to_room, :indicator, CAST(:period AS DATE), :action_id, :reason, :ask, CAST(:answer_by AS DATE), :status,
        :figures, :origin_id, :by)
RETURNING id;
