INSERT INTO priority_action (room_id, title, owner, due_date, status, indicator, created_by, done_at)
VALUES (:room, :title, :owner, CAST(:due AS DATE), :status, :indicator, :by, CASE WHEN :status = 'done' THEN CAST(:today AS DATE) END) RETURNING id;
