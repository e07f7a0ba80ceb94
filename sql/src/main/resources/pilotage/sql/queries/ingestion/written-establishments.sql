-- The establishments whose rows a published measures or project-counts file wrote: those of its valid
-- checked rows, read from its workspace before it is dropped (a few rows, not the whole store).
SELECT DISTINCT establishment FROM {{s}}.checked WHERE ok
