-- Publishes the valid rows of a project-counts file; run inside the publishing transaction,
-- after references-publish.sql and counts-replace.sql.
INSERT INTO project_count (establishment, direction, period, category, count, ingestion_id)
SELECT c.establishment, c.direction, c.period, c.category, c.count, ctx.ingestion_id
FROM {{s}}.checked c CROSS JOIN {{s}}.context ctx
WHERE c.ok
ORDER BY c.establishment, c.period;
