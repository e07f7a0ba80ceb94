-- Publishes the valid rows of an indicator-catalogue file: new codes are added, known ones corrected.
INSERT OR REPLACE INTO indicator (code, level, label_fr, label_en, unit, better, default_target, ingestion_id, updated_at)
SELECT c.code, c.level, c.label_fr, c.label_en, c.unit, c.better, c.default_target, ctx.ingestion_id, current_timestamp
FROM {{s}}.checked c CROSS JOIN {{s}}.context ctx
WHERE c.ok
ORDER BY c.code;
