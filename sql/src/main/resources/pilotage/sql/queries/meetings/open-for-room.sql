-- The meeting of a room that is open, if any.
SELECT id FROM meeting WHERE room_id = :room AND status = 'OPEN' ORDER BY id LIMIT 1;
