-- Stages a UTF-8 CSV file as text into the ingestion's schema {{s}}, one column per header cell, named by the loader from a fixed
-- list ({{names}}); the file path ({{path}}) is a name Pilotage generated inside its data dir.
-- {{parallel}} is false when a quoted cell holds a line break (the parallel scanner cannot pad rows then).
-- A view: the checks read the file once, in parallel; __row keeps the file's order and is the
-- spreadsheet's line (the header is line 1). {{absent}} adds the optional columns the file lacks, empty.
CREATE OR REPLACE VIEW {{s}}.staged AS
SELECT row_number() OVER () + 1 AS __row, *{{absent}}
FROM read_csv({{path}},
              header = true,
              all_varchar = true,
              delim = {{delimiter}},
              quote = '"',
              escape = '"',
              names = {{names}},
              null_padding = true,
              strict_mode = false,
              parallel = {{parallel}},
              encoding = 'utf-8');
