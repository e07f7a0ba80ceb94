-- Two rows of the file with the same natural key: the later ones are rejected, naming the first.
-- Keys that appear more than once: grouped by a hash of the key first (cheap), then checked on the key itself.
UPDATE {{s}}.checked c
SET ok = false,
    original_row = (SELECT CAST(to_json([{{columns}}]) AS VARCHAR) FROM (SELECT {{raw}} FROM {{s}}.staged s WHERE {{line}} = c.line)), 
    errors = [problem(NULL, NULL, 'reject.duplicate-code', [d.first_line])]
FROM (SELECT code, min(line) AS first_line FROM {{s}}.checked
      WHERE ok AND key_hash IN (SELECT key_hash FROM {{s}}.checked WHERE ok GROUP BY key_hash HAVING count(*) > 1)
      GROUP BY ALL HAVING count(*) > 1) d
WHERE c.ok AND c.code = d.code AND c.line > d.first_line;
