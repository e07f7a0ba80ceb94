-- The item on screen changes: its time box starts now.
UPDATE meeting SET current_position = :position, item_started_at = CAST(:at AS TIMESTAMPTZ) WHERE id = :id AND status = 'OPEN';
