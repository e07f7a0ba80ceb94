-- A member leaves the room (kept for the attendance of past meetings, which carries the name).
UPDATE room_member SET removed = true WHERE id = :id AND room_id = :room AND NOT removed;
