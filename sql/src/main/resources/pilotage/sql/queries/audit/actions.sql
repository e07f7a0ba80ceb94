-- The kinds of act the log holds, for the audit view's filter.
SELECT DISTINCT action FROM audit_event ORDER BY action;
