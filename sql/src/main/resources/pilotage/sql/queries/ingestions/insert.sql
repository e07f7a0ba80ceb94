-- A file handed to Pilotage: QUEUED for its job, or FAILED at once when it cannot be read (then ended_at is set).
INSERT INTO ingestion (kind, file_name, sha256, status, started_by, stored_file, format, file_size, message, message_args, ended_at)
VALUES (:kind, :fileName, :sha256, :status, :user, :storedFile, :format, :size, :message, :messageArgs,
        CASE WHEN CAST(:status AS VARCHAR) = 'QUEUED' THEN NULL ELSE current_timestamp END)
RETURNING id;
