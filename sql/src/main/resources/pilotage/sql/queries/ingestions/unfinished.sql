-- Ingestions left QUEUED or RUNNING, oldest first: after a stop of the service, the ones to resume.
SELECT * FROM ingestion WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id;
