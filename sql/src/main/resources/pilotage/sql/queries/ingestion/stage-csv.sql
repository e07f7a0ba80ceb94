-- Stages a UTF-8 CSV file as text into the ingestion's schema {{s}}, one column per header cell, named by the loader from a fixed
-- list ({{names}}); the file path ({{path}}) is a name Pilotage generated inside its data dir.
-- {{parallel}} is false when a quoted cell holds a line break (the parallel scanner cannot pad rows then).
-- The table keeps the file's order: rowid + 2 is the spreadsheet's line (the header is line 1).
CREATE OR REPLACE TABLE {{s}}.staged AS
SELECT *
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
