-- Closes a meeting: nothing of it changes afterwards.
UPDATE meeting SET status = 'CLOSED', closed_by = :by, closed_at = CAST(:at AS TIMESTAMPTZ), version = version + 1
WHERE id = :id AND status = 'OPEN' AND version = :version;
