-- Workspace schemas that an earlier version kept in the database file (a stop of the service could leave one behind);
-- workspaces are in-memory databases now and leave nothing behind.
SELECT schema_name FROM information_schema.schemata
WHERE catalog_name = current_database() AND (schema_name LIKE 'ingest\_%' ESCAPE '\' OR schema_name LIKE 'preview\_%' ESCAPE '\');
