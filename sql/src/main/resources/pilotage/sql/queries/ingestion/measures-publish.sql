-- Publishes the valid rows of an indicator-measures file; run inside the publishing transaction,
-- after references-publish.sql (and measures-replace.sql when published rows may share keys).
-- New project codes join the reference table, named by their code. Facts are appended in
-- (establishment, period) order, the order dashboards read them in.
INSERT INTO project (establishment, code, name)
SELECT establishment, project, project
FROM (SELECT DISTINCT establishment, project FROM {{s}}.checked WHERE ok AND project <> '') c
WHERE NOT EXISTS (SELECT 1 FROM project p WHERE p.establishment = c.establishment AND p.code = c.project);

INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, comment, ingestion_id)
SELECT c.establishment, c.direction, c.project, c.indicator, c.period, c.value, c.target, c.comment, ctx.ingestion_id
FROM {{s}}.checked c CROSS JOIN {{s}}.context ctx
WHERE c.ok
ORDER BY c.establishment, c.period;
