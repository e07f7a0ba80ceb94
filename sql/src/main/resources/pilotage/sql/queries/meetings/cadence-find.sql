-- A room's meeting cadence.
SELECT room_id, frequency, first_date, start_time, minutes FROM room_cadence WHERE room_id = :room;
