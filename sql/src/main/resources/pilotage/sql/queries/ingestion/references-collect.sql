-- The establishment and direction codes of the checked file's valid rows, kept in its workspace {{s}} by the check (the
-- publishing transaction writes the store and may not write the workspace too).
CREATE OR REPLACE TABLE {{s}}.refs AS
SELECT DISTINCT establishment, direction FROM {{s}}.checked WHERE ok;
