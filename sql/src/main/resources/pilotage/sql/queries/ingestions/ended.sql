-- An ingestion that ended without publishing (FAILED or STOPPED); a COMPLETED one is never touched. A null message keeps the one
-- the check wrote.
UPDATE ingestion SET status = :status, message = coalesce(:message, message),
       message_args = CASE WHEN CAST(:message AS VARCHAR) IS NULL THEN message_args ELSE :messageArgs END, ended_at = current_timestamp
WHERE id = :id AND status <> 'COMPLETED';
