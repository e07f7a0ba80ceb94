-- A decision recorded on an item of a meeting.
INSERT INTO meeting_decision (meeting_id, item_id, text, action_id, escalation_id, recorded_by, recorded_at)
VALUES (:meeting, :item, :text, :action, :escalation, :by, CAST(:at AS TIMESTAMPTZ))
RETURNING id;
