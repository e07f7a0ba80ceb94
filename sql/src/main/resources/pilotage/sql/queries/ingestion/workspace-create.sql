-- The workspace {{s}} of one ingestion or preview: an in-memory database attached to the store, seen by every connection
-- (the steps of a job run on different ones), never written to the database file nor to its log, and spilled to the
-- temporary directory past the memory limit. Its tables are rebuilt from the stored file by any restart of the job.
ATTACH IF NOT EXISTS ':memory:' AS {{s}};
