UPDATE steering_room SET name = :name, level = :level, establishment = :establishment, directions = split_codes(:directions),
       indicators = split_codes(:indicators), categories = split_codes(:categories), parent_id = :parent,
       updated_at = current_timestamp
WHERE id = :id;
