-- Ingestion as Spring Batch jobs: the link to the job execution, the stored file and its format.
ALTER TABLE ingestion ADD COLUMN job_execution_id BIGINT;
ALTER TABLE ingestion ADD COLUMN stored_file VARCHAR;
ALTER TABLE ingestion ADD COLUMN format VARCHAR;
ALTER TABLE ingestion ADD COLUMN file_size BIGINT;

-- Parsing and checking helpers shared by every file kind's checks (queries/ingestion/*-check.sql).
-- Numbers: the plain form first (fast), then grouping spaces and the decimal comma.
CREATE MACRO parse_number(t, decimal_comma) AS
    coalesce(TRY_CAST(trim(t) AS DOUBLE),
             TRY_CAST(CASE WHEN decimal_comma
                           THEN replace(regexp_replace(trim(t), '[\s\x{00A0}\x{202F}]', '', 'g'), ',', '.')
                           ELSE regexp_replace(trim(t), '[\s\x{00A0}\x{202F}]', '', 'g') END AS DOUBLE));

-- YYYY-MM, or an ISO date YYYY-MM-DD kept as its month; NULL when the text is not such a month.
CREATE MACRO parse_month(t) AS
    CASE WHEN length(trim(t)) = 7 AND substr(trim(t), 5, 1) = '-'
              THEN TRY_CAST(trim(t) || '-01' AS DATE)
         WHEN length(trim(t)) = 10 AND substr(trim(t), 5, 1) = '-' AND substr(trim(t), 8, 1) = '-'
              THEN date_trunc('month', TRY_CAST(trim(t) AS DATE))::DATE
    END;

CREATE MACRO month_shaped(t) AS
    regexp_full_match(trim(t), '\d{4}-\d{2}(-\d{2})?');

CREATE MACRO parse_level(t) AS
    CASE lower(strip_accents(trim(t)))
        WHEN 'organisational' THEN 'organisational' WHEN 'organisationnel' THEN 'organisational'
        WHEN 'practitioner' THEN 'practitioner' WHEN 'intervenant' THEN 'practitioner'
        WHEN 'clientele' THEN 'clientele'
    END;

CREATE MACRO err(c, v, r) AS
    {'column': c, 'value': CAST(v AS VARCHAR), 'reason': r};

-- A required code of at most 32 characters.
CREATE MACRO code_error(c, v) AS
    CASE WHEN v IS NULL THEN err(c, NULL, 'valeur obligatoire manquante')
         WHEN length(v) > 32 THEN err(c, v, 'code de plus de 32 caractères') END;

CREATE MACRO period_error(t, p) AS
    CASE WHEN t IS NULL THEN err('period', NULL, 'valeur obligatoire manquante')
         WHEN NOT month_shaped(t) THEN err('period', t, 'période attendue au format AAAA-MM ou AAAA-MM-JJ')
         WHEN p IS NULL THEN err('period', t, 'ce mois ou cette date n''existe pas') END;
