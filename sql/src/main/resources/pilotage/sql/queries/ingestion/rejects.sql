-- The reject report of the checked file: one row per broken rule, with the original row's cells.
INSERT INTO ingestion_reject (ingestion_id, line, column_name, value, reason, original_row)
SELECT ctx.ingestion_id, r.line, r.e.column, r.e.value, r.e.reason, r.original_row
FROM (SELECT line, original_row, unnest(errors) AS e FROM checked WHERE len(errors) > 0) r
CROSS JOIN load_context ctx
ORDER BY r.line;
