-- A new room; directions, indicators and categories as codes separated by chr(31).
INSERT INTO steering_room (name, level, establishment, directions, indicators, categories, parent_id, created_by)
VALUES (:name, :level, :establishment, split_codes(:directions), split_codes(:indicators), split_codes(:categories), :parent, :by)
RETURNING id;
