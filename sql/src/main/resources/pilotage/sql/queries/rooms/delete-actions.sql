-- A room's priority actions go with it (run with delete.sql, in one transaction).
DELETE FROM priority_action WHERE room_id = :id;
