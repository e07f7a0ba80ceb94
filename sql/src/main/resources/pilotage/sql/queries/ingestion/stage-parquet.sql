-- Stages a Parquet file as a view of text columns: {{row}} is the file's row number (DuckDB's own file_row_number keeps the checks
-- parallel), {{casts}} the file's columns as text under the contract's names, {{absent}} the optional columns the file lacks.
-- The path ({{path}}) is a name Pilotage generated inside its data dir.
CREATE OR REPLACE VIEW {{s}}.staged AS
SELECT {{row}} AS __row, {{casts}}{{absent}}
FROM read_parquet({{path}}{{options}});
