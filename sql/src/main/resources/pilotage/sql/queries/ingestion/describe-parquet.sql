-- The columns of a Parquet file ({{path}}: a name Pilotage generated inside its data dir) and their types.
DESCRIBE SELECT * FROM read_parquet({{path}});
