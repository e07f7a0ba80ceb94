INSERT INTO priority_action (room_id, title, owner, due_date, status, indicator, created_by)
VALUES (:room, :title, :owner, CAST(:due AS DATE), :status, :indicator, :by) RETURNING id;
