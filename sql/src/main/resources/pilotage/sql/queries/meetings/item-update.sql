-- An item's place, time box and whether it was dropped.
UPDATE meeting_item SET position = :position, seconds = :seconds, dropped = :dropped WHERE id = :id AND meeting_id = :meeting;
