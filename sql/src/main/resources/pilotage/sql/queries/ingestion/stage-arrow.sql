-- Stages an Arrow IPC file as text: {{stream}} is the Arrow stream Pilotage registered after checking every batch in Java (text
-- columns only, their line in __row). An Arrow stream is read once, so its rows are kept in a table.
CREATE OR REPLACE TABLE {{s}}.staged AS
SELECT __row, {{columns}}{{absent}}
FROM {{stream}};
