-- Audit events, newest first, filtered by user (part of the name, any case), action and time (all optional).
SELECT id, occurred_at, username, action, target, detail, remote
FROM audit_event
WHERE (CAST(:username AS VARCHAR) IS NULL OR contains(lower(username), lower(:username)))
  AND (CAST(:action AS VARCHAR) IS NULL OR action = :action)
  AND (CAST(:since AS TIMESTAMPTZ) IS NULL OR occurred_at >= CAST(:since AS TIMESTAMPTZ))
  AND (CAST(:until AS TIMESTAMPTZ) IS NULL OR occurred_at < CAST(:until AS TIMESTAMPTZ))
ORDER BY id DESC
LIMIT :limit
