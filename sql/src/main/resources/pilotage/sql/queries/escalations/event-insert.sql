-- One step of an escalation's thread: who moved it from which status to which, with what text.
INSERT INTO escalation_event (escalation_id, by_user, from_status, to_status, text)
VALUES (:escalation, :by, :from_status, :to_status, :text);
