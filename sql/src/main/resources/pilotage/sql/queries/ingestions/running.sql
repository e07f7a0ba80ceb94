-- A job execution took the ingestion up; a published one stays COMPLETED.
UPDATE ingestion SET status = 'RUNNING', job_execution_id = :execution, message = NULL, message_args = NULL, ended_at = NULL
WHERE id = :id AND status <> 'COMPLETED';
