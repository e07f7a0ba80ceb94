-- Meetings of steering rooms: a room's cadence and members, its meetings (agenda, attendance, roles of the day,
-- decisions) and the archive of each closed meeting: its record, its minutes and the board as it was, each with
-- its SHA-256, chained per room by the hash of the room's previous archived meeting.
CREATE TABLE room_cadence (
    room_id     BIGINT PRIMARY KEY,
    frequency   VARCHAR NOT NULL CHECK (frequency IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY')),
    first_date  DATE    NOT NULL,   -- one meeting's date: its weekday, its week's parity or its week of the month give the others
    start_time  TIME    NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 240),
    updated_by  VARCHAR NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE room_member_id_seq;
CREATE TABLE room_member (
    id       BIGINT PRIMARY KEY DEFAULT nextval('room_member_id_seq'),
    room_id  BIGINT  NOT NULL,
    name     VARCHAR NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    role     VARCHAR CHECK (role IS NULL OR length(role) <= 120),   -- the member's role in the room; a member need not be a user
    position INTEGER NOT NULL,
    removed  BOOLEAN NOT NULL DEFAULT false
);

CREATE SEQUENCE meeting_id_seq;
CREATE TABLE meeting (
    id               BIGINT PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
    room_id          BIGINT  NOT NULL,
    status           VARCHAR NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    period           DATE    NOT NULL,           -- the month the board showed
    planned_minutes  INTEGER NOT NULL,
    current_position INTEGER NOT NULL DEFAULT 0,  -- the item on screen
    item_started_at  TIMESTAMPTZ,
    facilitator      VARCHAR,
    timekeeper       VARCHAR,
    secretary        VARCHAR,
    started_by       VARCHAR NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    closed_by        VARCHAR,
    closed_at        TIMESTAMPTZ,
    version          INTEGER NOT NULL DEFAULT 0
);

CREATE SEQUENCE meeting_item_id_seq;
CREATE TABLE meeting_item (
    id         BIGINT PRIMARY KEY DEFAULT nextval('meeting_item_id_seq'),
    meeting_id BIGINT  NOT NULL,
    position   INTEGER NOT NULL,
    kind       VARCHAR NOT NULL CHECK (kind IN ('INDICATOR', 'ACTION', 'ESCALATION', 'ANSWER', 'OTHER')),
    ref        VARCHAR,            -- the indicator's code, the action's or the escalation's id
    title      VARCHAR NOT NULL,
    detail     VARCHAR,
    status     VARCHAR,            -- RED or AMBER for an indicator, LATE or DUE for an action
    is_new     BOOLEAN NOT NULL DEFAULT false,   -- out of target now and not at the room's previous meeting
    seconds    INTEGER NOT NULL,   -- its time box
    dropped    BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE meeting_attendance (
    meeting_id BIGINT  NOT NULL,
    member_id  BIGINT  NOT NULL,
    name       VARCHAR NOT NULL,
    role       VARCHAR,
    presence   VARCHAR NOT NULL CHECK (presence IN ('PRESENT', 'ABSENT', 'EXCUSED')),
    PRIMARY KEY (meeting_id, member_id)
);

CREATE SEQUENCE meeting_decision_id_seq;
CREATE TABLE meeting_decision (
    id            BIGINT PRIMARY KEY DEFAULT nextval('meeting_decision_id_seq'),
    meeting_id    BIGINT  NOT NULL,
    item_id       BIGINT  NOT NULL,
    text          VARCHAR NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    action_id     BIGINT,      -- the priority action it created or changed
    escalation_id BIGINT,      -- the escalation it raised
    recorded_by   VARCHAR NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE meeting_archive (
    meeting_id        BIGINT PRIMARY KEY,
    room_id           BIGINT  NOT NULL,
    seq               INTEGER NOT NULL,    -- 1, 2, 3… for the room's archived meetings
    archived_at       TIMESTAMPTZ NOT NULL,
    record_json       VARCHAR NOT NULL,    -- the meeting as data: dates, length, attendance, items, decisions
    board_json        VARCHAR NOT NULL,    -- the tiles as they were: values, targets, statuses
    minutes_fr        BLOB    NOT NULL,
    minutes_en        BLOB    NOT NULL,
    board_pdf         BLOB    NOT NULL,    -- the room report of that moment
    record_sha256     VARCHAR NOT NULL,
    board_json_sha256 VARCHAR NOT NULL,
    minutes_fr_sha256 VARCHAR NOT NULL,
    minutes_en_sha256 VARCHAR NOT NULL,
    board_pdf_sha256  VARCHAR NOT NULL,
    previous_hash     VARCHAR,             -- chain_hash of the room's previous archived meeting
    chain_hash        VARCHAR NOT NULL     -- SHA-256 of this record's hashes and previous_hash
);

-- The day a priority action was done, for the share of actions closed by their due date (a ritual indicator of the room);
-- those done before this column existed take the day of their last change.
ALTER TABLE priority_action ADD COLUMN done_at DATE;
UPDATE priority_action SET done_at = CAST(updated_at AS DATE) WHERE status = 'done';
