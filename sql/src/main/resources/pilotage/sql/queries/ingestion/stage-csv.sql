-- Stages a UTF-8 CSV file as text into the ingestion's schema {{s}}, one column per header cell, named by the loader from a fixed
-- list ({{names}}); the file path ({{path}}) is a name Pilotage generated inside its data dir.
-- {{parallel}} is false when a quoted cell holds a line break (the parallel scanner cannot pad rows then).
-- {{relation}} TABLE: written by a parallel scan that keeps the file's order (a plain SELECT of one source):
-- rowid + 2 is the spreadsheet's line (the header is line 1). The checks then read it in parallel;
-- a row_number() column here would force every statement reading it onto one thread.
-- {{relation}} VIEW: nothing is written; the check reads the file straight, in parallel, with no line numbers. Only a
-- file that the scan found clean is read so, and only kept so when every row passes: otherwise it is staged as a table.
-- {{absent}} adds the optional columns the file lacks, empty.
CREATE OR REPLACE {{relation}} {{s}}.staged AS
SELECT *{{absent}}
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
