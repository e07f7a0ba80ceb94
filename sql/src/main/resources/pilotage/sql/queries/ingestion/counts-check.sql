-- Checks every staged row of a project-counts file against the data contract (see measures-check.sql).
CREATE OR REPLACE TABLE {{s}}.checked AS
WITH typed AS (
    SELECT {{line}} AS line,
           nullif(trim(s.establishment), '')  AS establishment,
           nullif(trim(s.direction), '')      AS direction,
           nullif(trim(s.period), '')         AS period_text,
           parse_month(s.period)              AS period,
           nullif(trim(s.category), '')       AS category_text,
           CASE lower(strip_accents(trim(s.category)))
               WHEN 'integrating-users' THEN 'integrating-users'           WHEN 'integrant-usagers' THEN 'integrating-users'
               WHEN 'values-preferences' THEN 'values-preferences'         WHEN 'valeurs-preferences' THEN 'values-preferences'
               WHEN 'experience-capture' THEN 'experience-capture'         WHEN 'captation-experience' THEN 'experience-capture'
               WHEN 'care-partner' THEN 'care-partner'                     WHEN 'partenaire-soins' THEN 'care-partner'
               WHEN 'improvement-collaborator' THEN 'improvement-collaborator'
               WHEN 'collaborateur-amelioration' THEN 'improvement-collaborator'
           END                                AS category,
           nullif(trim(s.count), '')          AS count_text,
           parse_number(s.count, ctx.decimal_comma) AS count_number,
           sc.scope                           AS scope,
           {{raw}}
    FROM {{s}}.staged s CROSS JOIN {{s}}.context ctx
    CROSS JOIN (SELECT coalesce(scope, []::VARCHAR[]) AS scope FROM ingestion
                WHERE id = (SELECT ingestion_id FROM {{s}}.context)) sc
    WHERE {{filled}} -- a line of empty cells (how Excel writes an empty row) is ignored, like a blank line
), judged AS (
    SELECT *,
           CASE WHEN count_number = floor(count_number) AND count_number BETWEEN 0 AND 2147483647
                THEN CAST(count_number AS INTEGER) END AS count,
           coalesce(establishment IS NOT NULL AND length(establishment) <= 32
               AND direction IS NOT NULL AND length(direction) <= 32
               AND period IS NOT NULL AND category IS NOT NULL
               AND count_number = floor(count_number) AND count_number BETWEEN 0 AND 2147483647
               AND (len(scope) = 0 OR list_contains(scope, establishment)), false) AS ok
    FROM typed
)
SELECT line, establishment, direction, period, category, count, ok,
       hash(establishment, direction, period, category) AS key_hash,
       CASE WHEN NOT ok THEN CAST(to_json([{{columns}}]) AS VARCHAR) END AS original_row,
       CASE WHEN NOT ok THEN list_filter([
           code_error('establishment', establishment),
           CASE WHEN establishment IS NOT NULL AND len(scope) > 0 AND NOT list_contains(scope, establishment)
                THEN err('establishment', establishment, 'établissement hors de votre portée') END,
           code_error('direction', direction),
           period_error(period_text, period),
           CASE WHEN category_text IS NULL THEN err('category', NULL, 'valeur obligatoire manquante')
                WHEN category IS NULL THEN err('category', category_text, 'catégorie inconnue') END,
           CASE WHEN count_text IS NULL THEN err('count', NULL, 'valeur obligatoire manquante')
                WHEN count_number IS NULL OR NOT isfinite(count_number) THEN err('count', count_text, 'nombre invalide')
                WHEN count_number < 0 THEN err('count', count_text, 'nombre négatif')
                WHEN count IS NULL THEN err('count', count_text, 'nombre entier attendu') END
       ], lambda e: e IS NOT NULL) END AS errors
FROM judged;
