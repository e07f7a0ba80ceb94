INSERT INTO ingestion_manifest (sha256, ingestion_id) VALUES (:sha256, :id);
