SELECT * FROM ingestion WHERE id = :id;
