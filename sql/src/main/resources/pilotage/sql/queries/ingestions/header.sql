SELECT header FROM ingestion WHERE id = :id;
