-- A later file replaces the published counts of the same natural key.
DELETE FROM project_count p
USING (SELECT establishment, direction, period, category FROM {{s}}.checked WHERE ok) c
WHERE p.establishment = c.establishment AND p.direction = c.direction AND p.period = c.period AND p.category = c.category;
