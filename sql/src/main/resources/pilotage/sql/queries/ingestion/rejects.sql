-- The reject report of the checked file: one row per broken rule, with the original row's cells.
INSERT INTO ingestion_reject (ingestion_id, line, column_name, value, reason, original_row)
SELECT ctx.ingestion_id, r.line, r.e.column, r.e.value, r.e.reason, r.original_row
FROM (SELECT line, original_row, unnest(errors) AS e FROM {{s}}.checked WHERE NOT ok) r
CROSS JOIN {{s}}.context ctx
ORDER BY r.line;
