-- For some rooms, how many escalations each sent or received that are not closed.
--   :rooms  room ids joined by chr(31)
SELECT room, count(*) AS open
FROM (SELECT from_room AS room FROM escalation WHERE status <> 'CLOSED'
      UNION ALL
      SELECT to_room FROM escalation WHERE status <> 'CLOSED')
WHERE list_contains(split_codes(:rooms), CAST(room AS VARCHAR))
GROUP BY room
