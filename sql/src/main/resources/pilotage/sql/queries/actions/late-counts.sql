-- For some rooms, how many of their priority actions are late on :today (not done, past due).
--   :rooms  room ids joined by chr(31)
SELECT room_id, count(*) AS late
FROM priority_action
WHERE list_contains(split_codes(:rooms), CAST(room_id AS VARCHAR))
  AND status <> 'done' AND due_date < CAST(:today AS DATE)
GROUP BY room_id
