-- Checks every staged row of an indicator-catalogue file against the data contract (see measures-check.sql).
CREATE OR REPLACE TABLE {{s}}.checked AS
WITH typed AS (
    SELECT {{line}} AS line,
           upper(nullif(trim(s.code), ''))        AS code,
           nullif(trim(s.level), '')              AS level_text,
           parse_level(s.level)                   AS level,
           nullif(trim(s.label_fr), '')           AS label_fr,
           nullif(trim(s.label_en), '')           AS label_en,
           nullif(trim(s.unit), '')               AS unit_text,
           CASE lower(strip_accents(trim(s.unit)))
               WHEN 'count' THEN 'count' WHEN 'nombre' THEN 'count'
               WHEN 'percent' THEN 'percent' WHEN 'pourcentage' THEN 'percent'
               WHEN 'score' THEN 'score' WHEN 'ratio' THEN 'ratio'
           END                                    AS unit,
           nullif(trim(s.better), '')             AS better_text,
           CASE lower(strip_accents(trim(s.better)))
               WHEN 'up' THEN 'up' WHEN 'hausse' THEN 'up' WHEN 'down' THEN 'down' WHEN 'baisse' THEN 'down'
           END                                    AS better,
           nullif(trim(s.default_target), '')     AS target_text,
           parse_number(s.default_target, ctx.decimal_comma) AS default_target,
           {{wide}},
           {{unreadable}}                         AS unreadable_column,
           {{raw}}
    FROM {{s}}.staged s CROSS JOIN {{s}}.context ctx
    {{wide_join}}
    WHERE {{filled}} -- a line of empty cells (how Excel writes an empty row) is ignored, like a blank line
), judged AS (
    SELECT *,
           coalesce(regexp_full_match(code, '[A-Z0-9-]{2,40}') AND level IS NOT NULL AND label_fr IS NOT NULL
               AND label_en IS NOT NULL AND unit IS NOT NULL AND better IS NOT NULL
               AND (target_text IS NULL OR isfinite(default_target))
               AND wide_cells IS NULL AND unreadable_column IS NULL, false) AS ok
    FROM typed
)
SELECT line, code, level, label_fr, label_en, unit, better, default_target, ok,
       hash(code) AS key_hash,
       CASE WHEN NOT ok THEN CAST(to_json([{{columns}}]) AS VARCHAR) END AS original_row,
       CASE WHEN NOT ok THEN list_filter([
           CASE WHEN wide_cells IS NOT NULL THEN problem(NULL, NULL, 'reject.too-many-cells', [wide_cells, wide_columns]) END,
           CASE WHEN unreadable_column IS NOT NULL THEN problem(unreadable_column, NULL, 'reject.unreadable-text', []) END,
           CASE WHEN code IS NULL THEN problem('code', NULL, 'reject.required', [])
                WHEN NOT regexp_full_match(code, '[A-Z0-9-]{2,40}') THEN problem('code', code, 'reject.bad-code', []) END,
           CASE WHEN level_text IS NULL THEN problem('level', NULL, 'reject.required', [])
                WHEN level IS NULL THEN problem('level', level_text, 'reject.unknown-level', []) END,
           CASE WHEN label_fr IS NULL THEN problem('label_fr', NULL, 'reject.required', []) END,
           CASE WHEN label_en IS NULL THEN problem('label_en', NULL, 'reject.required', []) END,
           CASE WHEN unit_text IS NULL THEN problem('unit', NULL, 'reject.required', [])
                WHEN unit IS NULL THEN problem('unit', unit_text, 'reject.unknown-unit', []) END,
           CASE WHEN better_text IS NULL THEN problem('better', NULL, 'reject.required', [])
                WHEN better IS NULL THEN problem('better', better_text, 'reject.unknown-better', []) END,
           CASE WHEN target_text IS NOT NULL AND (default_target IS NULL OR NOT isfinite(default_target))
                THEN problem('default_target', target_text, 'reject.invalid-number', []) END
       ], lambda e: e IS NOT NULL) END AS errors
FROM judged;
