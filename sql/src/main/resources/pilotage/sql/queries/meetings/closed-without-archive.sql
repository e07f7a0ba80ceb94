-- Closed meetings of a room that have no archive (a removed record).
SELECT id FROM meeting m WHERE room_id = :room AND status = 'CLOSED'
  AND NOT EXISTS (SELECT 1 FROM meeting_archive a WHERE a.meeting_id = m.id)
ORDER BY id;
