-- Steering rooms, strategic first, then by name.
SELECT id, name, level, establishment, directions, indicators, categories, parent_id, updated_at
FROM steering_room
ORDER BY CASE level WHEN 'strategic' THEN 1 WHEN 'tactical' THEN 2 ELSE 3 END, name, id
