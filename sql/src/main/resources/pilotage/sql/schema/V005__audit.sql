-- The audit log: append-only record of sensitive acts (downloads of snapshots, reports and data; more to come).
CREATE SEQUENCE audit_event_id_seq START 1;

CREATE TABLE audit_event (
    id           BIGINT PRIMARY KEY DEFAULT nextval('audit_event_id_seq'),
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    username     VARCHAR NOT NULL,
    action       VARCHAR NOT NULL,
    target       VARCHAR,
    detail       VARCHAR,
    remote       VARCHAR
);
