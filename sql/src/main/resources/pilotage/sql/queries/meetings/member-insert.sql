-- A new member of a room, last in its order.
INSERT INTO room_member (room_id, name, role, position)
SELECT :room, :name, :role, coalesce(max(position), 0) + 1 FROM room_member WHERE room_id = :room
RETURNING id;
