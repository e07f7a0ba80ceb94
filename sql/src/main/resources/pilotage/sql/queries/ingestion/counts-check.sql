-- Checks every staged row of a project-counts file against the data contract (see measures-check.sql).
CREATE OR REPLACE TABLE {{s}}.checked AS
WITH cells AS (
    -- each cell trimmed once, on the staged table alone so that rowid is the line; {{trim}} is trim, or nothing when a scan
    -- of the whole file found no cell that starts or ends with a space
    SELECT {{line}} AS line,
           nullif({{trim}}(s.establishment), '')  AS establishment,
           nullif({{trim}}(s.direction), '')      AS direction,
           nullif({{trim}}(s.period), '')         AS period_text,
           nullif({{trim}}(s.category), '')       AS category_text,
           nullif({{trim}}(s.count), '')          AS count_text,
           {{wide}},
           {{unreadable}}                      AS unreadable_column,
           {{raw}}
    FROM {{s}}.staged s
    {{wide_join}}
    WHERE {{filled}} -- a line of empty cells (how Excel writes an empty row) is ignored, like a blank line
), typed AS (
    SELECT c.*,
           month_of(c.period_text)            AS period,
           CASE lower(strip_accents(c.category_text))
               WHEN 'integrating-users' THEN 'integrating-users'           WHEN 'integrant-usagers' THEN 'integrating-users'
               WHEN 'values-preferences' THEN 'values-preferences'         WHEN 'valeurs-preferences' THEN 'values-preferences'
               WHEN 'experience-capture' THEN 'experience-capture'         WHEN 'captation-experience' THEN 'experience-capture'
               WHEN 'care-partner' THEN 'care-partner'                     WHEN 'partenaire-soins' THEN 'care-partner'
               WHEN 'improvement-collaborator' THEN 'improvement-collaborator'
               WHEN 'collaborateur-amelioration' THEN 'improvement-collaborator'
           END                                AS category,
           number_of(c.count_text, ctx.decimal_comma) AS count_number,
           sc.scope                           AS scope
    FROM cells c CROSS JOIN {{s}}.context ctx
    CROSS JOIN (SELECT coalesce(scope, []::VARCHAR[]) AS scope FROM ingestion
                WHERE id = (SELECT ingestion_id FROM {{s}}.context)) sc
), judged AS (
    SELECT *,
           CASE WHEN count_number = floor(count_number) AND count_number BETWEEN 0 AND 2147483647
                THEN CAST(count_number AS INTEGER) END AS count,
           coalesce(establishment IS NOT NULL AND length(establishment) <= 32
               AND direction IS NOT NULL AND length(direction) <= 32
               AND period IS NOT NULL AND category IS NOT NULL
               AND count_number = floor(count_number) AND count_number BETWEEN 0 AND 2147483647
               AND (len(scope) = 0 OR list_contains(scope, establishment))
               AND wide_cells IS NULL AND unreadable_column IS NULL, false) AS ok
    FROM typed
)
SELECT line, establishment, direction, period, category, count, ok,
       hash(establishment, direction, period, category) AS key_hash,
       CASE WHEN NOT ok THEN CAST(to_json([{{columns}}]) AS VARCHAR) END AS original_row,
       CASE WHEN NOT ok THEN list_filter([
           CASE WHEN wide_cells IS NOT NULL THEN problem(NULL, NULL, 'reject.too-many-cells', [wide_cells, wide_columns]) END,
           CASE WHEN unreadable_column IS NOT NULL THEN problem(unreadable_column, NULL, 'reject.unreadable-text', []) END,
           code_problem('establishment', establishment),
           CASE WHEN establishment IS NOT NULL AND len(scope) > 0 AND NOT list_contains(scope, establishment)
                THEN problem('establishment', establishment, 'reject.out-of-scope', []) END,
           code_problem('direction', direction),
           period_problem(period_text, period),
           CASE WHEN category_text IS NULL THEN problem('category', NULL, 'reject.required', [])
                WHEN category IS NULL THEN problem('category', category_text, 'reject.unknown-category', []) END,
           CASE WHEN count_text IS NULL THEN problem('count', NULL, 'reject.required', [])
                WHEN count_number IS NULL OR NOT isfinite(count_number) THEN problem('count', count_text, 'reject.invalid-number', [])
                WHEN count_number < 0 THEN problem('count', count_text, 'reject.negative', [])
                WHEN count IS NULL THEN problem('count', count_text, 'reject.integer-expected', []) END
       ], lambda e: e IS NOT NULL) END AS errors
FROM judged;
