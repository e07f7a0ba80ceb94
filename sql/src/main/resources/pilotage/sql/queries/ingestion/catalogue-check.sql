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
           {{raw}}
    FROM {{s}}.staged s CROSS JOIN {{s}}.context ctx
    WHERE {{filled}} -- a line of empty cells (how Excel writes an empty row) is ignored, like a blank line
), judged AS (
    SELECT *,
           coalesce(regexp_full_match(code, '[A-Z0-9-]{2,40}') AND level IS NOT NULL AND label_fr IS NOT NULL
               AND label_en IS NOT NULL AND unit IS NOT NULL AND better IS NOT NULL
               AND (target_text IS NULL OR isfinite(default_target)), false) AS ok
    FROM typed
)
SELECT line, code, level, label_fr, label_en, unit, better, default_target, ok,
       hash(code) AS key_hash,
       CASE WHEN NOT ok THEN CAST(to_json([{{columns}}]) AS VARCHAR) END AS original_row,
       CASE WHEN NOT ok THEN list_filter([
           CASE WHEN code IS NULL THEN err('code', NULL, 'valeur obligatoire manquante')
                WHEN NOT regexp_full_match(code, '[A-Z0-9-]{2,40}') THEN err('code', code, 'code attendu : 2 à 40 lettres majuscules, chiffres ou tirets') END,
           CASE WHEN level_text IS NULL THEN err('level', NULL, 'valeur obligatoire manquante')
                WHEN level IS NULL THEN err('level', level_text, 'niveau inconnu (organisationnel, intervenant ou clientèle)') END,
           CASE WHEN label_fr IS NULL THEN err('label_fr', NULL, 'valeur obligatoire manquante') END,
           CASE WHEN label_en IS NULL THEN err('label_en', NULL, 'valeur obligatoire manquante') END,
           CASE WHEN unit_text IS NULL THEN err('unit', NULL, 'valeur obligatoire manquante')
                WHEN unit IS NULL THEN err('unit', unit_text, 'unité inconnue (nombre, pourcentage, score ou ratio)') END,
           CASE WHEN better_text IS NULL THEN err('better', NULL, 'valeur obligatoire manquante')
                WHEN better IS NULL THEN err('better', better_text, 'sens inconnu (hausse ou baisse)') END,
           CASE WHEN target_text IS NOT NULL AND (default_target IS NULL OR NOT isfinite(default_target))
                THEN err('default_target', target_text, 'nombre invalide') END
       ], lambda e: e IS NOT NULL) END AS errors
FROM judged;
