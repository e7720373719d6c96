-- Sessions: date and time are local to time_zone, where the session was held.
CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('preparation', 'medicine', 'integration', 'other')),
    date          TEXT NOT NULL,
    time          TEXT NOT NULL DEFAULT '',
    time_zone     TEXT NOT NULL,
    minutes       INTEGER NOT NULL DEFAULT 0,
    modality      TEXT NOT NULL CHECK (modality IN ('in_person', 'online')),
    place         TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    practice      TEXT NOT NULL DEFAULT '',
    somatic       TEXT NOT NULL DEFAULT '',
    resourcing    TEXT NOT NULL DEFAULT '',
    substance     TEXT NOT NULL DEFAULT '',
    dose          TEXT NOT NULL DEFAULT '',
    dose_times    TEXT NOT NULL DEFAULT '',
    finalised_at  TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX sessions_client ON sessions (client_id, date, time);

-- The plan's intentions held for a medicine session.
CREATE TABLE session_intentions (
    session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    plan_item_id INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (session_id, plan_item_id)
) WITHOUT ROWID;

CREATE TABLE session_addenda (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    text       TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'private'))
);
CREATE INDEX session_addenda_session ON session_addenda (session_id, id);

CREATE TABLE adverse_events (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    at          TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    response    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX adverse_events_session ON adverse_events (session_id, id);

-- A medicine session's setting plan. The current wording is text; every
-- wording, the first included, is in setting_revisions.
CREATE TABLE setting_elements (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    category    TEXT NOT NULL CHECK (category IN ('decor', 'seating', 'lighting', 'music', 'sensory', 'objects', 'practices', 'people')),
    text        TEXT NOT NULL,
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('client', 'therapist', 'together')),
    comfort     TEXT NOT NULL CHECK (comfort IN ('welcome', 'unsure', 'not_wanted')),
    status      TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'revised', 'retired')),
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX setting_elements_session ON setting_elements (session_id, position);

CREATE TABLE setting_revisions (
    id         INTEGER PRIMARY KEY,
    element_id INTEGER NOT NULL REFERENCES setting_elements (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    author     TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    text       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX setting_revisions_element ON setting_revisions (element_id, id);

-- The integration worksheet. The day count is computed from the session's
-- date when read, never stored.
CREATE TABLE shifts (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    noticed_on    TEXT NOT NULL,
    area          TEXT NOT NULL CHECK (area IN ('self', 'relationships', 'body', 'emotions', 'beliefs', 'habits', 'meaning', 'nature', 'other')),
    description   TEXT NOT NULL,
    just_noticing INTEGER NOT NULL DEFAULT 0 CHECK (just_noticing IN (0, 1)),
    intensity     INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 5),
    recorded_by   TEXT NOT NULL CHECK (recorded_by IN ('client', 'therapist', 'together')),
    meaning       TEXT NOT NULL DEFAULT '',
    meaning_on    TEXT NOT NULL DEFAULT '',
    meaning_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX shifts_client ON shifts (client_id, noticed_on);
CREATE INDEX shifts_session ON shifts (session_id);

-- Patterns of meaning-making, in the client's words.
CREATE TABLE patterns (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    examples    TEXT NOT NULL DEFAULT '',
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('client', 'therapist', 'together')),
    status      TEXT NOT NULL CHECK (status IN ('noticed', 'exploring', 'loosening', 'updated')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX patterns_client ON patterns (client_id);

CREATE TABLE pattern_revisions (
    id         INTEGER PRIMARY KEY,
    pattern_id INTEGER NOT NULL REFERENCES patterns (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    author     TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    text       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pattern_revisions_pattern ON pattern_revisions (pattern_id, id);

CREATE TABLE pattern_statuses (
    id         INTEGER PRIMARY KEY,
    pattern_id INTEGER NOT NULL REFERENCES patterns (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('noticed', 'exploring', 'loosening', 'updated')),
    note       TEXT NOT NULL DEFAULT '',
    by_actor   TEXT NOT NULL CHECK (by_actor IN ('client', 'therapist', 'together'))
);
CREATE INDEX pattern_statuses_pattern ON pattern_statuses (pattern_id, on_date, id);

CREATE TABLE pattern_shifts (
    pattern_id INTEGER NOT NULL REFERENCES patterns (id) ON DELETE CASCADE,
    shift_id   INTEGER NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,
    PRIMARY KEY (pattern_id, shift_id)
) WITHOUT ROWID;
CREATE INDEX pattern_shifts_shift ON pattern_shifts (shift_id);

CREATE TABLE pattern_sessions (
    pattern_id INTEGER NOT NULL REFERENCES patterns (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    PRIMARY KEY (pattern_id, session_id)
) WITHOUT ROWID;
CREATE INDEX pattern_sessions_session ON pattern_sessions (session_id);

-- Personal resourcing strategies.
CREATE TABLE resources (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('somatic', 'breath', 'relational', 'creative', 'nature', 'practice')),
    name        TEXT NOT NULL,
    when_helped TEXT NOT NULL DEFAULT '',
    helps       INTEGER NOT NULL DEFAULT 0 CHECK (helps BETWEEN 0 AND 5),
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('client', 'therapist', 'together')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX resources_client ON resources (client_id);

CREATE TABLE resource_revisions (
    id          INTEGER PRIMARY KEY,
    resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    author      TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    text        TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX resource_revisions_resource ON resource_revisions (resource_id, id);

-- The therapist's search: one row per searchable record, its text folded
-- (lower case, accents removed) by the program, and its kind as one token
-- (for example "kindshift") so each kind is searched on its own. The rowid
-- encodes the record, counting down so that newer records come first (see
-- backend/storage/search.go).
-- Marks (M*) belong to words, as in Devanagari. Lives inside the encrypted
-- database.
CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    kind,
    client_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*''',
    prefix = '1 2 3'
);
