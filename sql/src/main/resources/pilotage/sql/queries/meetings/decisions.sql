-- A meeting's decisions, in the order they were recorded.
SELECT id, meeting_id, item_id, text, action_id, escalation_id, recorded_by, recorded_at
FROM meeting_decision WHERE meeting_id = :meeting ORDER BY id;
