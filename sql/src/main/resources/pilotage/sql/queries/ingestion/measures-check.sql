-- Checks every staged row of an indicator-measures file against the data contract.
-- In:  {{s}}.staged (the file's cells as text; {{line}} is a row's line in the file), {{s}}.context (ingestion_id, decimal_comma).
-- Out: {{s}}.checked, one row per line with its typed values, ok, and for a broken row the list of its errors.
-- One pass parses and checks; the list of errors is built only for the rows that are not ok.
-- {{wide}}: the cells and columns of a line that holds more values than the header has columns (from {{s}}.wide, when staging
-- found such lines); {{unreadable}}: the first column whose cell holds text that could not be read (U+FFFD), when staging
-- found such text. Both are NULL otherwise, at no cost.
CREATE OR REPLACE TABLE {{s}}.checked AS
WITH cells AS (
    -- each cell trimmed once, on the staged table alone so that rowid is the line; {{trim}} is trim, or nothing when a scan
    -- of the whole file found no cell that starts or ends with a space (trimming is the dearest part of the pass)
    SELECT {{line}} AS line,
           nullif({{trim}}(s.establishment), '')    AS establishment,
           nullif({{trim}}(s.direction), '')        AS direction,
           coalesce({{trim}}(s.project), '')        AS project,
           nullif(upper({{trim}}(s.indicator)), '') AS indicator,
           nullif({{trim}}(s.level), '')            AS level_text,
           nullif({{trim}}(s.period), '')           AS period_text,
           nullif({{trim}}(s.value), '')            AS value_text,
           nullif({{trim}}(s.target), '')           AS target_text,
           nullif(s.comment, '')                    AS comment,
           {{wide}},
           {{unreadable}}                        AS unreadable_column,
           {{raw}}
    FROM {{s}}.staged s
    {{wide_join}}
    WHERE {{filled}} -- a line of empty cells (how Excel writes an empty row) is ignored, like a blank line
), typed AS (
    SELECT c.*,
           month_of(c.period_text)                          AS period,
           number_of(c.value_text, ctx.decimal_comma)       AS value,
           number_of(c.target_text, ctx.decimal_comma)      AS target,
           i.code IS NOT NULL                               AS known_indicator,
           i.level                                          AS catalogue_level,
           sc.scope                                         AS scope
    FROM cells c
    CROSS JOIN {{s}}.context ctx
    CROSS JOIN (SELECT coalesce(scope, []::VARCHAR[]) AS scope FROM ingestion
                WHERE id = (SELECT ingestion_id FROM {{s}}.context)) sc
    LEFT JOIN indicator i ON i.code = c.indicator
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
               AND (len(scope) = 0 OR list_contains(scope, establishment))
               AND wide_cells IS NULL AND unreadable_column IS NULL, false) AS ok
    FROM typed
)
SELECT line, establishment, direction, project, indicator, period, value, target, comment, ok,
       hash(establishment, direction, project, indicator, period) AS key_hash,
       CASE WHEN NOT ok THEN CAST(to_json([{{columns}}]) AS VARCHAR) END AS original_row,
       CASE WHEN NOT ok THEN list_filter([
           CASE WHEN wide_cells IS NOT NULL THEN problem(NULL, NULL, 'reject.too-many-cells', [wide_cells, wide_columns]) END,
           CASE WHEN unreadable_column IS NOT NULL THEN problem(unreadable_column, NULL, 'reject.unreadable-text', []) END,
           code_problem('establishment', establishment),
           CASE WHEN establishment IS NOT NULL AND len(scope) > 0 AND NOT list_contains(scope, establishment)
                THEN problem('establishment', establishment, 'reject.out-of-scope', []) END,
           code_problem('direction', direction),
           CASE WHEN length(project) > 32 THEN problem('project', project, 'reject.code-too-long', []) END,
           CASE WHEN indicator IS NULL THEN problem('indicator', NULL, 'reject.required', [])
                WHEN NOT known_indicator THEN problem('indicator', indicator, 'reject.unknown-indicator', []) END,
           CASE WHEN level_text IS NOT NULL AND parse_level(level_text) IS NULL
                    THEN problem('level', level_text, 'reject.unknown-level', [])
                WHEN level_text IS NOT NULL AND known_indicator AND parse_level(level_text) <> catalogue_level
                    THEN problem('level', level_text, 'reject.level-contrary', [catalogue_level]) END,
           period_problem(period_text, period),
           CASE WHEN value_text IS NULL THEN problem('value', NULL, 'reject.required', [])
                WHEN value IS NULL OR NOT isfinite(value) THEN problem('value', value_text, 'reject.invalid-number', []) END,
           CASE WHEN target_text IS NOT NULL AND (target IS NULL OR NOT isfinite(target))
                    THEN problem('target', target_text, 'reject.invalid-number', []) END,
           CASE WHEN length(comment) > 2000 THEN problem('comment', left(comment, 50) || '…', 'reject.comment-too-long', []) END
       ], lambda e: e IS NOT NULL) END AS errors
FROM judged;
