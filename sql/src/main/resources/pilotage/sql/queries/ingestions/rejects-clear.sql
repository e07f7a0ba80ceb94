DELETE FROM ingestion_reject WHERE ingestion_id = :id;
