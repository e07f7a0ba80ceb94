-- A new room; directions, indicators and categories as codes separated by chr(31).
INSERT INTO steering_room (name, level, establishment, directions, indicators, categories, created_by)
VALUES (:name, :level, :establishment, split_codes(:directions), split_codes(:indicators), split_codes(:categories), :by)
RETURNING id;
