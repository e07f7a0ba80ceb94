-- A room's meetings, newest first, with their attendance (members present of those recorded) and decisions.
SELECT m.id, m.status, m.started_at, m.closed_at, m.planned_minutes,
       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.presence = 'PRESENT') AS present,
       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id)                         AS members,
       (SELECT count(*) FROM meeting_decision d WHERE d.meeting_id = m.id)                           AS decisions
FROM meeting m WHERE m.room_id = :room
ORDER BY m.started_at DESC, m.id DESC;
