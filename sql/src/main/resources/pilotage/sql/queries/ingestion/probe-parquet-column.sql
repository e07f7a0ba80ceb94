-- Reads one column of a Parquet file whole: after a failed read, finds the column whose data cannot be read.
SELECT count({{column}}) FROM read_parquet({{path}});
