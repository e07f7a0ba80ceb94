-- An item of a meeting's agenda.
INSERT INTO meeting_item (meeting_id, position, kind, ref, title, detail, status, is_new, seconds)
VALUES (:meeting, :position, :kind, :ref, :title, :detail, :status, :is_new, :seconds);
