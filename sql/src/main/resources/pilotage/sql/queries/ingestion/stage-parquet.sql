-- Stages a Parquet file as a view over the copy its sandbox wrote ({{path}}, see read-parquet.sql), under the contract's names
-- ({{columns}}), with the optional columns the file lacks ({{absent}}). The checks read it in parallel.
CREATE OR REPLACE VIEW {{s}}.staged AS
SELECT __row, {{columns}}{{absent}}
FROM read_parquet({{path}});
