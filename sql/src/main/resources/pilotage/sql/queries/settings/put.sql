INSERT OR REPLACE INTO app_setting (key, value, updated_at) VALUES (:key, :value, current_timestamp);
