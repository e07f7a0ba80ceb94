-- The reject report of the checked file: one row per broken rule, with the original row's cells
-- ({{columns}}, read back from the staged table only for the rejected lines).
INSERT INTO ingestion_reject (ingestion_id, line, column_name, value, reason, original_row)
SELECT ctx.ingestion_id, r.line, r.e.column, r.e.value, r.e.reason,
       CAST(to_json([{{columns}}]) AS VARCHAR)
FROM (SELECT line, unnest(errors) AS e FROM {{s}}.checked WHERE NOT ok) r
JOIN {{s}}.staged s ON {{line}} = r.line
CROSS JOIN {{s}}.context ctx
ORDER BY r.line;
