-- The same content again: DUPLICATE at once, naming the ingestion that published it.
INSERT INTO ingestion (kind, file_name, sha256, status, started_by, ended_at, duplicate_of, message, message_args)
VALUES (:kind, :fileName, :sha256, 'DUPLICATE', :user, current_timestamp, :earlier, :message, :messageArgs)
RETURNING id;
