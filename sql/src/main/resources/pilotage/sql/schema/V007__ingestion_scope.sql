-- The establishments the user who launched an ingestion may load (NULL or empty = all): rows of any
-- other establishment are rejected by the checks.
ALTER TABLE ingestion ADD COLUMN scope VARCHAR[];
