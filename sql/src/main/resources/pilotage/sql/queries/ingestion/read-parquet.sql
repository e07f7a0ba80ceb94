-- An uploaded Parquet file read in its sandbox and written again, by DuckDB, as a Parquet file of text columns ({{casts}}),
-- each row with its line in the file ({{row}}), into the work folder ({{target}}): the store reads only files DuckDB wrote.
-- {{path}} and {{target}} are names Pilotage generated inside its data dir.
COPY (SELECT {{row}} AS __row, {{casts}}
      FROM read_parquet({{path}}{{options}}){{limit}})
TO {{target}} (FORMAT parquet, COMPRESSION snappy);
