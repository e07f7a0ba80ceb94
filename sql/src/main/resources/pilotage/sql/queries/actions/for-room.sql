-- A room's priority actions: late ones first, then by due date. Late = not done and past due on :today.
SELECT id, room_id, title, owner, due_date, status, indicator, created_by, updated_at,
       status <> 'done' AND due_date < CAST(:today AS DATE) AS late
FROM priority_action
WHERE room_id = :room
ORDER BY late DESC, status = 'done', due_date, id
