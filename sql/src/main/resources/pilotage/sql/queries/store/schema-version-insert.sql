INSERT INTO schema_version (version, description, checksum, duration_ms) VALUES (?, ?, ?, ?);
