-- One act in the append-only audit log: who, what, to what, details, and the address it came from.
INSERT INTO audit_event (username, action, target, detail, remote) VALUES (:username, :action, :target, :detail, :remote);
