SELECT value FROM app_setting WHERE key = :key;
