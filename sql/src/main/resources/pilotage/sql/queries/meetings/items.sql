-- A meeting's agenda, in its order, dropped items included.
SELECT id, meeting_id, position, kind, ref, title, detail, status, is_new, seconds, dropped
FROM meeting_item WHERE meeting_id = :meeting ORDER BY position, id;
