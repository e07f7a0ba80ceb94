-- A room's ritual indicators from :from to :to, the way the network's evaluation grids read a room: its meetings held,
-- their average attendance (members present of those listed), the share of its priority actions due in the window that
-- were done by their due date, and the median days from an escalation's receipt to its first answer. A moment's day is
-- its day in the network's time zone (:zone), as :from and :to are: a meeting held in a Québec evening is past midnight UTC.
SELECT
    (SELECT count(*) FROM meeting
     WHERE room_id = :room AND status = 'CLOSED' AND CAST(timezone(:zone, started_at) AS DATE) BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE))
        AS held,
    (SELECT avg(present / recorded) FROM (
        SELECT count(*) FILTER (WHERE a.presence = 'PRESENT')::DOUBLE AS present, count(*)::DOUBLE AS recorded
        FROM meeting m JOIN meeting_attendance a ON a.meeting_id = m.id
        WHERE m.room_id = :room AND m.status = 'CLOSED'
          AND CAST(timezone(:zone, m.started_at) AS DATE) BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
        GROUP BY m.id))
        AS attendance,
    (SELECT count(*) FILTER (WHERE status = 'done' AND done_at <= due_date)::DOUBLE / nullif(count(*), 0) FROM priority_action
     WHERE room_id = :room AND due_date BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE))
        AS on_time,
    (SELECT median(epoch(x.answered - e.created_at) / 86400.0)
     FROM escalation e
     JOIN (SELECT escalation_id, min(happened_at) AS answered FROM escalation_event WHERE to_status = 'ANSWERED'
           GROUP BY escalation_id) x ON x.escalation_id = e.id
     WHERE e.to_room = :room AND CAST(timezone(:zone, e.created_at) AS DATE) BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE))
        AS answer_days;
