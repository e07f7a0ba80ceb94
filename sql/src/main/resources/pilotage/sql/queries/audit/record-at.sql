-- One act in the append-only audit log, with the moment it happened (written a few milliseconds later, with others).
INSERT INTO audit_event (occurred_at, username, action, target, detail, remote)
VALUES (CAST(:at AS TIMESTAMPTZ), :username, :action, :target, :detail, :remote);
