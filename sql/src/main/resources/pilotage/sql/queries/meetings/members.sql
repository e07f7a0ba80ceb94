-- A room's members, in their order.
SELECT id, room_id, name, role, position FROM room_member WHERE room_id = :room AND NOT removed ORDER BY position, id;
