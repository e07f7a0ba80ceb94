-- Two rows of the file with the same natural key: the later ones are rejected, naming the first.
-- Keys that appear more than once: grouped by a hash of the key first (cheap), then checked on the key itself.
-- Only the rejected rows' original cells are read back from {{s}}.staged: nothing is read when there is no duplicate.
UPDATE {{s}}.checked c
SET ok = false,
    original_row = x.original_row,
    errors = [problem(NULL, NULL, 'reject.duplicate-measure', [x.first_line])]
FROM (SELECT d.line, d.first_line, CAST(to_json([{{columns}}]) AS VARCHAR) AS original_row
      FROM (SELECT line, min(line) OVER (PARTITION BY establishment, direction, project, indicator, period) AS first_line
            FROM {{s}}.checked
            WHERE ok AND key_hash IN (SELECT key_hash FROM {{s}}.checked WHERE ok GROUP BY key_hash HAVING count(*) > 1)
            QUALIFY line > first_line) d
      JOIN (SELECT {{line}} AS line, {{raw}} FROM {{s}}.staged s) r ON r.line = d.line) x
WHERE c.line = x.line;
