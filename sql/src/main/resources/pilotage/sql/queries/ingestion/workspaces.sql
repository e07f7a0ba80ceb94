-- The workspaces of ingestions and previews left in the database (a stop of the service can leave one behind).
SELECT schema_name FROM information_schema.schemata
WHERE catalog_name = current_database() AND (schema_name LIKE 'ingest\_%' ESCAPE '\' OR schema_name LIKE 'preview\_%' ESCAPE '\');
