-- Whether the store answers: a query on its schema (after a fatal DuckDB error every query fails).
SELECT count(*) FROM schema_version;
