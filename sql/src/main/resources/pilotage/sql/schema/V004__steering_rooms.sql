-- Steering rooms (salles de pilotage), commitment levels, comments on indicators and priority actions.

-- Codes travel in one text, separated by the unit separator (chr(31)): bound as one parameter, never
-- concatenated into SQL.
CREATE MACRO split_codes(t) AS
    CASE WHEN t IS NULL OR t = '' THEN []::VARCHAR[] ELSE string_split(t, chr(31)) END;

CREATE SEQUENCE steering_room_id_seq START 1;

-- A room: its level, its scope (one establishment, optionally some of its directions: empty = all)
-- and the ordered indicators and project-count categories it reviews.
CREATE TABLE steering_room (
    id            BIGINT PRIMARY KEY DEFAULT nextval('steering_room_id_seq'),
    name          VARCHAR NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    level         VARCHAR NOT NULL CHECK (level IN ('strategic', 'tactical', 'operational')),
    establishment VARCHAR NOT NULL,
    directions    VARCHAR[] NOT NULL DEFAULT [],
    indicators    VARCHAR[] NOT NULL DEFAULT [],
    categories    VARCHAR[] NOT NULL DEFAULT [],
    created_by    VARCHAR,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- The commitment level (niveau d'engagement) of an indicator from a month on: how far short of the
-- target, in percent of the target, a value still counts as "commitment met". Without a row the
-- commitment lies 10 % short of the target.
CREATE TABLE indicator_commitment (
    indicator    VARCHAR NOT NULL,
    valid_from   DATE    NOT NULL,
    gap_percent  DOUBLE  NOT NULL CHECK (gap_percent >= 0 AND gap_percent <= 100),
    updated_by   VARCHAR,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (indicator, valid_from)
);

CREATE SEQUENCE indicator_comment_id_seq START 1;

-- A manager's dated comment on an indicator for a month of an establishment («journée du partenariat»).
CREATE TABLE indicator_comment (
    id            BIGINT PRIMARY KEY DEFAULT nextval('indicator_comment_id_seq'),
    indicator     VARCHAR NOT NULL,
    establishment VARCHAR NOT NULL,
    period        DATE    NOT NULL,
    text          VARCHAR NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    author        VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE priority_action_id_seq START 1;

-- A room's priority actions. "Late" is derived: not done and past its due date.
CREATE TABLE priority_action (
    id          BIGINT PRIMARY KEY DEFAULT nextval('priority_action_id_seq'),
    room_id     BIGINT  NOT NULL,
    title       VARCHAR NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    owner       VARCHAR NOT NULL CHECK (length(trim(owner)) BETWEEN 1 AND 120),
    due_date    DATE    NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('todo', 'in-progress', 'done')),
    indicator   VARCHAR,
    created_by  VARCHAR,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
