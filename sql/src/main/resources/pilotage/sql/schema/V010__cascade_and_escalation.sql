-- Rooms in a cascade (operational → tactical → strategic) and the escalations that go up it.

-- The room one level up whose scope holds this one's; NULL for a room at the top of its cascade.
ALTER TABLE steering_room ADD COLUMN parent_id BIGINT;

CREATE SEQUENCE escalation_id_seq START 1;

-- An item a room cannot solve, sent to its parent room: an indicator of a month (red or amber when it
-- was sent, its figures kept as they were) or one of the room's priority actions. Its status moves
-- by the transitions of EscalationStatus; version counts them, so that of two answers at once one wins.
CREATE TABLE escalation (
    id              BIGINT PRIMARY KEY DEFAULT nextval('escalation_id_seq'),
    from_room       BIGINT  NOT NULL,
    to_room         BIGINT  NOT NULL,
    indicator       VARCHAR,
    period          DATE,
    action_id       BIGINT,
    reason          VARCHAR NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
    ask             VARCHAR CHECK (ask IS NULL OR length(ask) <= 2000),
    answer_by       DATE    NOT NULL,
    status          VARCHAR NOT NULL CHECK (status IN ('OPEN', 'TAKEN_IN_CHARGE', 'ANSWERED', 'RETURNED', 'ESCALATED', 'CLOSED')),
    version         INTEGER NOT NULL DEFAULT 0,
    figures         VARCHAR,             -- value, target and status of the indicator when it was sent
    answer          VARCHAR,             -- the last answer, decision or explanation of the parent room
    taken_action_id BIGINT,              -- the parent room's priority action that takes it in charge
    origin_id       BIGINT,              -- the escalation this one carries further up
    escalated_as    BIGINT,              -- the escalation that carries this one further up
    created_by      VARCHAR NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    CHECK ((indicator IS NOT NULL AND period IS NOT NULL AND action_id IS NULL)
        OR (indicator IS NULL AND period IS NULL AND action_id IS NOT NULL))
);

CREATE SEQUENCE escalation_event_id_seq START 1;

-- The thread of an escalation: every change of its status, dated and signed, with its text.
CREATE TABLE escalation_event (
    id            BIGINT PRIMARY KEY DEFAULT nextval('escalation_event_id_seq'),
    escalation_id BIGINT  NOT NULL,
    happened_at   TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    by_user       VARCHAR NOT NULL,
    from_status   VARCHAR,
    to_status     VARCHAR NOT NULL,
    text          VARCHAR
);
