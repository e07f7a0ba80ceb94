DELETE FROM steering_room WHERE id = :id;
