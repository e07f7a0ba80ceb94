-- A meeting's attendance, in the members' order.
SELECT member_id, name, role, presence FROM meeting_attendance a WHERE meeting_id = :meeting
ORDER BY (SELECT position FROM room_member m WHERE m.id = a.member_id), member_id;
