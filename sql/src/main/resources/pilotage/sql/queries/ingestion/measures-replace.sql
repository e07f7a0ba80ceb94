-- A later file replaces the published values of the same natural key.
DELETE FROM indicator_measure m
USING (SELECT establishment, direction, project, indicator, period FROM {{s}}.checked WHERE ok) c
WHERE m.establishment = c.establishment AND m.direction = c.direction AND m.project = c.project
  AND m.indicator = c.indicator AND m.period = c.period;
