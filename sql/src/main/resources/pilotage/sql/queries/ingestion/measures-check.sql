-- Checks every staged row of an indicator-measures file against the data contract.
-- In:  {{s}}.staged (the file's cells as text; {{line}} is a row's line in the file), {{s}}.context (ingestion_id, decimal_comma).
-- Out: {{s}}.checked, one row per line with its typed values, ok, and for a broken row the list of its errors.
-- One pass parses and checks; the list of errors is built only for the rows that are not ok.
CREATE OR REPLACE TABLE {{s}}.checked AS
WITH typed AS (
    SELECT {{line}} AS line,
           nullif(trim(s.establishment), '')           AS establishment,
           nullif(trim(s.direction), '')               AS direction,
           coalesce(trim(s.project), '')               AS project,
           upper(nullif(trim(s.indicator), ''))        AS indicator,
           nullif(trim(s.level), '')                   AS level_text,
           nullif(trim(s.period), '')                  AS period_text,
           parse_month(s.period)                       AS period,
           nullif(trim(s.value), '')                   AS value_text,
           parse_number(s.value, ctx.decimal_comma)    AS value,
           nullif(trim(s.target), '')                  AS target_text,
           parse_number(s.target, ctx.decimal_comma)   AS target,
           nullif(s.comment, '')                       AS comment,
           i.code IS NOT NULL                          AS known_indicator,
           i.level                                     AS catalogue_level,
           sc.scope                                    AS scope,
           {{raw}}
    FROM {{s}}.staged s
    CROSS JOIN {{s}}.context ctx
    CROSS JOIN (SELECT coalesce(scope, []::VARCHAR[]) AS scope FROM ingestion
                WHERE id = (SELECT ingestion_id FROM {{s}}.context)) sc
    LEFT JOIN indicator i ON i.code = upper(trim(s.indicator))
    WHERE {{filled}} -- a line of empty cells (how Excel writes an empty row) is ignored, like a blank line
), judged AS (
    SELECT *,
           coalesce(establishment IS NOT NULL AND length(establishment) <= 32
               AND direction IS NOT NULL AND length(direction) <= 32
               AND length(project) <= 32
               AND known_indicator
               AND (level_text IS NULL OR parse_level(level_text) = catalogue_level)
               AND period IS NOT NULL
               AND value IS NOT NULL AND isfinite(value)
               AND (target_text IS NULL OR isfinite(target))
               AND (comment IS NULL OR length(comment) <= 2000)
               AND (len(scope) = 0 OR list_contains(scope, establishment)), false) AS ok
    FROM typed
)
SELECT line, establishment, direction, project, indicator, period, value, target, comment, ok,
       hash(establishment, direction, project, indicator, period) AS key_hash,
       CASE WHEN NOT ok THEN CAST(to_json([{{columns}}]) AS VARCHAR) END AS original_row,
       CASE WHEN NOT ok THEN list_filter([
           code_error('establishment', establishment),
           CASE WHEN establishment IS NOT NULL AND len(scope) > 0 AND NOT list_contains(scope, establishment)
                THEN err('establishment', establishment, 'établissement hors de votre portée') END,
           code_error('direction', direction),
           CASE WHEN length(project) > 32 THEN err('project', project, 'code de plus de 32 caractères') END,
           CASE WHEN indicator IS NULL THEN err('indicator', NULL, 'valeur obligatoire manquante')
                WHEN NOT known_indicator THEN err('indicator', indicator, 'indicateur inconnu du catalogue') END,
           CASE WHEN level_text IS NOT NULL AND parse_level(level_text) IS NULL
                    THEN err('level', level_text, 'niveau inconnu (organisationnel, intervenant ou clientèle)')
                WHEN level_text IS NOT NULL AND known_indicator AND parse_level(level_text) <> catalogue_level
                    THEN err('level', level_text, 'niveau contraire au catalogue (' || catalogue_level || ')') END,
           period_error(period_text, period),
           CASE WHEN value_text IS NULL THEN err('value', NULL, 'valeur obligatoire manquante')
                WHEN value IS NULL OR NOT isfinite(value) THEN err('value', value_text, 'nombre invalide') END,
           CASE WHEN target_text IS NOT NULL AND (target IS NULL OR NOT isfinite(target))
                    THEN err('target', target_text, 'nombre invalide') END,
           CASE WHEN length(comment) > 2000 THEN err('comment', left(comment, 50) || '…', 'commentaire de plus de 2 000 caractères') END
       ], lambda e: e IS NOT NULL) END AS errors
FROM judged;
