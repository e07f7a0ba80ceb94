-- The lines of a file that hold more values than its header has columns ({{s}}: the workspace): each is rejected by the checks,
-- naming how many values it has. Filled by the stager with DuckDB's appender.
CREATE OR REPLACE TABLE {{s}}.wide (line BIGINT NOT NULL, cells INTEGER NOT NULL, columns INTEGER NOT NULL);
