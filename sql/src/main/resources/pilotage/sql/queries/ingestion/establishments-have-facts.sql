-- Whether the file's establishments already have published {{facts}}: only then can a row replace one (the join costs otherwise).
SELECT count(*) > 0 FROM (SELECT 1 FROM {{facts}} WHERE establishment IN (SELECT establishment FROM {{s}}.refs) LIMIT 1);
