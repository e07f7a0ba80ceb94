-- Stages a UTF-8 CSV file as text, one column per header cell, named by the loader from a fixed
-- list ({{names}}, listed again as {{columns}}); the file path ({{path}}) is a name Pilotage generated inside its data dir.
-- Line numbers follow the spreadsheet's rows: the header is line 1, the first record line 2.
CREATE OR REPLACE TEMP TABLE raw AS
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
              encoding = 'utf-8');

CREATE OR REPLACE TEMP TABLE staged AS
SELECT rowid + 2 AS line, *, CAST(to_json([{{columns}}]) AS VARCHAR) AS original_row FROM raw;

DROP TABLE raw;

CREATE OR REPLACE TEMP MACRO parse_number(t, decimal_comma) AS
    TRY_CAST(CASE WHEN decimal_comma
                  THEN replace(regexp_replace(trim(t), '[\s\x{00A0}\x{202F}]', '', 'g'), ',', '.')
                  ELSE regexp_replace(trim(t), '[\s\x{00A0}\x{202F}]', '', 'g') END AS DOUBLE);

-- YYYY-MM, or an ISO date YYYY-MM-DD kept as its month; NULL when the text is not such a month.
CREATE OR REPLACE TEMP MACRO parse_month(t) AS
    CASE WHEN regexp_full_match(trim(t), '\d{4}-\d{2}') THEN TRY_CAST(trim(t) || '-01' AS DATE)
         WHEN regexp_full_match(trim(t), '\d{4}-\d{2}-\d{2}') THEN date_trunc('month', TRY_CAST(trim(t) AS DATE))::DATE
    END;

CREATE OR REPLACE TEMP MACRO month_shaped(t) AS
    regexp_full_match(trim(t), '\d{4}-\d{2}(-\d{2})?');

CREATE OR REPLACE TEMP MACRO parse_level(t) AS
    CASE lower(strip_accents(trim(t)))
        WHEN 'organisational' THEN 'organisational' WHEN 'organisationnel' THEN 'organisational'
        WHEN 'practitioner' THEN 'practitioner' WHEN 'intervenant' THEN 'practitioner'
        WHEN 'clientele' THEN 'clientele'
    END;

CREATE OR REPLACE TEMP MACRO err(c, v, r) AS
    {'column': c, 'value': CAST(v AS VARCHAR), 'reason': r};

-- The checks every kind shares: a required code of at most 32 characters, and a month.
CREATE OR REPLACE TEMP MACRO code_error(c, v) AS
    CASE WHEN v IS NULL THEN err(c, NULL, 'valeur obligatoire manquante')
         WHEN length(v) > 32 THEN err(c, v, 'code de plus de 32 caractères') END;

CREATE OR REPLACE TEMP MACRO period_error(t, p) AS
    CASE WHEN t IS NULL THEN err('period', NULL, 'valeur obligatoire manquante')
         WHEN NOT month_shaped(t) THEN err('period', t, 'période attendue au format AAAA-MM ou AAAA-MM-JJ')
         WHEN p IS NULL THEN err('period', t, 'ce mois ou cette date n''existe pas') END;
