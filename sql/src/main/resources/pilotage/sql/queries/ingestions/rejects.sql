-- The reject report's rows: one per broken rule, by line.
SELECT line, column_name, value, reason, reason_args, original_row FROM ingestion_reject
WHERE ingestion_id = :id ORDER BY line, column_name NULLS LAST;
