-- Moves an escalation on, only from the status (and version) it was read in: of two answers at once, the
-- second finds another status and changes nothing. Optional fields keep their value when NULL.
UPDATE escalation
SET status = :to_status, version = version + 1, updated_at = current_timestamp,
    answer = coalesce(:answer, answer),
    taken_action_id = coalesce(:taken_action_id, taken_action_id),
    escalated_as = coalesce(:escalated_as, escalated_as)
WHERE id = :id AND status = :from_status AND version = :version
