-- Sets a room's meeting cadence.
INSERT OR REPLACE INTO room_cadence (room_id, frequency, first_date, start_time, minutes, updated_by, updated_at)
VALUES (:room, :frequency, CAST(:first_date AS DATE), CAST(:start_time AS TIME), :minutes, :by, current_timestamp);
