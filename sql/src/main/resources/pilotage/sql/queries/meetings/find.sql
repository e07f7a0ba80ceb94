-- A meeting.
SELECT id, room_id, status, period, planned_minutes, current_position, item_started_at, facilitator, timekeeper, secretary,
       started_by, started_at, closed_by, closed_at, version
FROM meeting WHERE id = :id;
