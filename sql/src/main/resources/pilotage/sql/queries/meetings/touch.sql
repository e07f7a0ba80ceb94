-- A change of an open meeting, from the version it was read in: nothing changes when it moved meanwhile or is closed.
UPDATE meeting SET version = version + 1 WHERE id = :id AND version = :version AND status = 'OPEN';
