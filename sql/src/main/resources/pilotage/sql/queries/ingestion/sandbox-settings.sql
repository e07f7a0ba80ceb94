-- The settings of a database opened only to read one untrusted binary file: little memory, its spill files in the work folder
-- ({{temp}}), files inside the data dir only ({{allowed}}), no extension or URL. An internal error of DuckDB's reader invalidates
-- this database, never the store.
SET memory_limit = '256MB';
SET threads = 2;
SET temp_directory = {{temp}};
SET allowed_directories = [{{allowed}}];
SET enable_external_access = false;
