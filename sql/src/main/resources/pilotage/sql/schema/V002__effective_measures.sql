-- Measures with their effective target (the file's target, else the catalogue default) and the
-- indicator's catalogue attributes: the one place dashboards read facts from.
CREATE VIEW measure_effective AS
SELECT m.establishment,
       m.direction,
       m.project,
       m.indicator,
       m.period,
       m.value,
       coalesce(m.target, i.default_target) AS target,
       m.comment,
       m.ingestion_id,
       i.level,
       i.unit,
       i.better
FROM indicator_measure m
JOIN indicator i ON i.code = m.indicator;
