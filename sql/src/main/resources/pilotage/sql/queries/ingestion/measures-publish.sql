-- Publishes the valid rows of an indicator-measures file; run inside the publishing transaction,
-- after references-publish.sql. New project codes join the reference table, named by their code.
-- A row with the same natural key as a published one replaces it.

INSERT INTO project (establishment, code, name)
SELECT DISTINCT establishment, project, project FROM {{s}}.checked c
WHERE len(c.errors) = 0 AND project <> ''
  AND NOT EXISTS (SELECT 1 FROM project p WHERE p.establishment = c.establishment AND p.code = c.project);

DELETE FROM indicator_measure m
USING (SELECT establishment, direction, project, indicator, period FROM {{s}}.checked WHERE len(errors) = 0) c
WHERE m.establishment = c.establishment AND m.direction = c.direction AND m.project = c.project
  AND m.indicator = c.indicator AND m.period = c.period;

INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, comment, ingestion_id)
SELECT c.establishment, c.direction, c.project, c.indicator, c.period, c.value, c.target, c.comment, ctx.ingestion_id
FROM {{s}}.checked c CROSS JOIN {{s}}.context ctx
WHERE len(c.errors) = 0
ORDER BY c.establishment, c.period, c.indicator, c.direction, c.project;
