-- What the check counted; a message when the file fails (no rows, too many rejected), else NULL until it is published.
UPDATE ingestion SET rows_read = :read, rows_rejected = :rejected, rows_written = 0, message = :message, message_args = :messageArgs
WHERE id = :id;
