-- Sentences are stored as message keys with their arguments and put into words (French or English) when
-- they are shown: the ingestion's message key with its arguments as a JSON array, a reject's reason key
-- with its arguments. Rows written before keep their French text, which is shown as it is.
ALTER TABLE ingestion ADD COLUMN message_args VARCHAR;
ALTER TABLE ingestion_reject ADD COLUMN reason_args VARCHAR[];

-- How many times the service found this ingestion running at start-up (it was cut by a stop of the
-- process): resumed once, a second time it is failed, since the file may be what stopped the service.
ALTER TABLE ingestion ADD COLUMN interrupted_runs INTEGER NOT NULL DEFAULT 0;

-- A broken rule of a row: the column, the value as written, the reason's message key and its arguments.
CREATE MACRO problem(c, v, r, a) AS
    {'column': c, 'value': CAST(v AS VARCHAR), 'reason': r, 'args': CAST(a AS VARCHAR[])};

-- A required code of at most 32 characters.
CREATE MACRO code_problem(c, v) AS
    CASE WHEN v IS NULL THEN problem(c, NULL, 'reject.required', [])
         WHEN length(v) > 32 THEN problem(c, v, 'reject.code-too-long', []) END;

CREATE MACRO period_problem(t, p) AS
    CASE WHEN t IS NULL THEN problem('period', NULL, 'reject.required', [])
         WHEN NOT month_shaped(t) THEN problem('period', t, 'reject.period-shape', [])
         WHEN p IS NULL THEN problem('period', t, 'reject.period-missing-month', []) END;
