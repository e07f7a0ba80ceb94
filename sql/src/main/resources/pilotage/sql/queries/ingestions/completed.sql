-- Published: written in the publishing transaction itself, with the manifest entry.
UPDATE ingestion SET status = 'COMPLETED', rows_written = :written, message = :message, message_args = :messageArgs,
       ended_at = current_timestamp
WHERE id = :id;
