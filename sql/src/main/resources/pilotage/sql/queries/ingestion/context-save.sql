-- What staging learned, for the later steps of the ingestion (which may run after a restart of the service).
CREATE OR REPLACE TABLE {{s}}.context AS
SELECT CAST(:ingestion AS BIGINT) AS ingestion_id, CAST(:decimalComma AS BOOLEAN) AS decimal_comma, CAST(:line AS VARCHAR) AS line_expr,
       CAST(:columns AS VARCHAR) AS file_columns, CAST(:wide AS BOOLEAN) AS wide, CAST(:unreadable AS BOOLEAN) AS unreadable,
       CAST(:spaced AS BOOLEAN) AS spaced;
