-- Reference tables, indicator catalogue, facts and the ingestion log.
-- Facts carry no PRIMARY KEY index: the natural key is enforced when a file is published
-- (duplicates inside a file are rejected, a later file replaces the earlier rows), which keeps
-- bulk loads free of an index that would cost memory and time on tens of millions of rows.

CREATE TABLE establishment (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE direction (
    establishment VARCHAR NOT NULL,
    code          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (establishment, code)
);

CREATE TABLE project (
    establishment VARCHAR NOT NULL,
    code          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (establishment, code)
);

CREATE TABLE indicator (
    code           VARCHAR PRIMARY KEY,
    level          VARCHAR NOT NULL CHECK (level IN ('organisational', 'practitioner', 'clientele')),
    label_fr       VARCHAR NOT NULL,
    label_en       VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL CHECK (unit IN ('count', 'percent', 'score', 'ratio')),
    better         VARCHAR NOT NULL CHECK (better IN ('up', 'down')),
    default_target DOUBLE,
    ingestion_id   BIGINT,
    updated_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One value per (establishment, direction, project, indicator, period).
-- project = '' for a value at establishment/direction level; period is the first day of its month.
CREATE TABLE indicator_measure (
    establishment VARCHAR NOT NULL,
    direction     VARCHAR NOT NULL,
    project       VARCHAR NOT NULL DEFAULT '',
    indicator     VARCHAR NOT NULL,
    period        DATE    NOT NULL,
    value         DOUBLE  NOT NULL,
    target        DOUBLE,
    comment       VARCHAR,
    ingestion_id  BIGINT  NOT NULL
);

CREATE TABLE project_count (
    establishment VARCHAR NOT NULL,
    direction     VARCHAR NOT NULL,
    period        DATE    NOT NULL,
    category      VARCHAR NOT NULL CHECK (category IN ('integrating-users', 'values-preferences',
                      'experience-capture', 'care-partner', 'improvement-collaborator')),
    count         INTEGER NOT NULL CHECK (count >= 0),
    ingestion_id  BIGINT  NOT NULL
);

CREATE SEQUENCE ingestion_id_seq START 1;

CREATE TABLE ingestion (
    id            BIGINT PRIMARY KEY DEFAULT nextval('ingestion_id_seq'),
    kind          VARCHAR,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    status        VARCHAR NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'STOPPED', 'DUPLICATE')),
    rows_read     BIGINT  NOT NULL DEFAULT 0,
    rows_written  BIGINT  NOT NULL DEFAULT 0,
    rows_rejected BIGINT  NOT NULL DEFAULT 0,
    message       VARCHAR,
    started_by    VARCHAR,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    ended_at      TIMESTAMPTZ,
    duplicate_of  BIGINT,
    encoding      VARCHAR,
    delimiter     VARCHAR,
    header        VARCHAR
);

-- Which file contents were published, written in the publishing transaction itself, so that
-- "already loaded?" never depends on anything but the published data.
CREATE TABLE ingestion_manifest (
    sha256        VARCHAR PRIMARY KEY,
    ingestion_id  BIGINT  NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE ingestion_reject (
    ingestion_id  BIGINT  NOT NULL,
    line          BIGINT  NOT NULL,
    column_name   VARCHAR,
    value         VARCHAR,
    reason        VARCHAR NOT NULL,
    original_row  VARCHAR
);

CREATE TABLE app_user (
    username        VARCHAR PRIMARY KEY,
    password_hash   VARCHAR NOT NULL,
    roles           VARCHAR NOT NULL,
    display_name    VARCHAR,
    enabled         BOOLEAN NOT NULL DEFAULT true,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE app_setting (
    key         VARCHAR PRIMARY KEY,
    value       VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
