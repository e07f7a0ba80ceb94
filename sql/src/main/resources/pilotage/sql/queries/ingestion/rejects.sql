-- The reject report of the checked file: one row per broken rule (its reason's message key and arguments), with the
-- original row's cells.
INSERT INTO ingestion_reject (ingestion_id, line, column_name, value, reason, reason_args, original_row)
SELECT ctx.ingestion_id, r.line, r.e.column, r.e.value, r.e.reason, r.e.args, r.original_row
FROM (SELECT line, original_row, unnest(errors) AS e FROM {{s}}.checked WHERE NOT ok) r
CROSS JOIN {{s}}.context ctx
ORDER BY r.line;
