-- The newest ingestions first; :user limits them to the ones a user launched (NULL = everyone's).
SELECT * FROM ingestion WHERE CAST(:user AS VARCHAR) IS NULL OR started_by = :user ORDER BY id DESC LIMIT :limit;
