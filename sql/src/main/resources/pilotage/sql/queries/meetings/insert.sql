-- A meeting of a room, OPEN.
INSERT INTO meeting (room_id, status, period, planned_minutes, current_position, item_started_at, started_by, started_at)
VALUES (:room, 'OPEN', CAST(:period AS DATE), :minutes, 0, CAST(:at AS TIMESTAMPTZ), :by, CAST(:at AS TIMESTAMPTZ))
RETURNING id;
