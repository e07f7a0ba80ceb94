-- Parsers of a cell already trimmed: the checks trim each cell once and parse the trimmed text (parse_month and
-- parse_number trim again, and trimming is the dearest part of checking a large file).
-- YYYY-MM, or an ISO date YYYY-MM-DD kept as its month; NULL when the text is not such a month.
CREATE MACRO month_of(t) AS
    CASE WHEN length(t) = 7 AND substr(t, 5, 1) = '-'
              THEN TRY_CAST(t || '-01' AS DATE)
         WHEN length(t) = 10 AND substr(t, 5, 1) = '-' AND substr(t, 8, 1) = '-'
              THEN date_trunc('month', TRY_CAST(t AS DATE))::DATE
    END;

-- A number: the plain form first (fast), then without grouping spaces and with the decimal comma.
CREATE MACRO number_of(t, decimal_comma) AS
    coalesce(TRY_CAST(t AS DOUBLE),
             TRY_CAST(CASE WHEN decimal_comma
                           THEN replace(regexp_replace(t, '[\s\x{00A0}\x{202F}]', '', 'g'), ',', '.')
                           ELSE regexp_replace(t, '[\s\x{00A0}\x{202F}]', '', 'g') END AS DOUBLE));
