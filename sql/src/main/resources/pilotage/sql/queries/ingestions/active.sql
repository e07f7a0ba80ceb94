-- A load of the same content already queued or running.
SELECT * FROM ingestion WHERE sha256 = :sha256 AND status IN ('QUEUED', 'RUNNING') ORDER BY id LIMIT 1;
