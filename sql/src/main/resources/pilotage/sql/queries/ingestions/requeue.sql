-- Back in the queue (a restart, or a resume after a stop of the service); a COMPLETED one stays as it is.
UPDATE ingestion SET status = 'QUEUED', message = NULL, message_args = NULL, ended_at = NULL,
       interrupted_runs = interrupted_runs + CASE WHEN CAST(:interrupted AS BOOLEAN) THEN 1 ELSE 0 END
WHERE id = :id AND status <> 'COMPLETED';
