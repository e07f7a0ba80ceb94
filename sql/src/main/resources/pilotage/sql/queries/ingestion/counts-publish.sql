-- Publishes the valid rows of a project-counts file; run inside the publishing transaction,
-- after references-publish.sql. A row with the same natural key as a published one replaces it.

DELETE FROM project_count p
USING (SELECT establishment, direction, period, category FROM {{s}}.checked WHERE len(errors) = 0) c
WHERE p.establishment = c.establishment AND p.direction = c.direction AND p.period = c.period AND p.category = c.category;

INSERT INTO project_count (establishment, direction, period, category, count, ingestion_id)
SELECT c.establishment, c.direction, c.period, c.category, c.count, ctx.ingestion_id
FROM {{s}}.checked c CROSS JOIN {{s}}.context ctx
WHERE len(c.errors) = 0
ORDER BY c.establishment, c.period, c.category, c.direction;
