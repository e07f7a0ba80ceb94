-- The published ingestion of this content, read from the manifest written with the data.
SELECT i.* FROM ingestion_manifest m JOIN ingestion i ON i.id = m.ingestion_id WHERE m.sha256 = :sha256;
