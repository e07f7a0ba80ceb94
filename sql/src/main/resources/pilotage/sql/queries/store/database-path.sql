-- The file of the database, for a sentence that names it.
SELECT path FROM duckdb_databases() WHERE database_name = current_database();
