-- Measures: standardised questionnaires a client answers
-- (docs/measures.md). The built-in instruments (PHQ-9, GAD-7, PCL-5) are
-- in the code, never in these tables.

-- The therapist's own instruments: the current version's definition
-- (domain.Instrument as JSON, its key and version included) under a key
-- that never changes and is never reused. A retired instrument is offered
-- for no new measure; the measures taken on it stay.
CREATE TABLE instruments (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    definition TEXT NOT NULL,
    retired_at TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every version of every instrument of the therapist's, the current one
-- included, kept for good: a changed definition is a new row here.
CREATE TABLE instrument_versions (
    instrument_id INTEGER NOT NULL REFERENCES instruments (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    definition    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (instrument_id, version)
) WITHOUT ROWID;

-- One completed instrument. definition is a full copy of the instrument
-- as it was answered (JSON), so a later version never changes its scores;
-- answers is the JSON list of {item, value}, every answer given, scored or
-- not. has_total, total, band and flagged are worked out from those two
-- when saved and kept for reading in SQL; Tandem works the result out
-- again from the definition and answers whenever it reads a measure.
-- flagged: a safety question was answered above its limit (the PHQ-9's
-- question 9); follow_up is what the therapist did about it, on
-- follow_up_on. A correction rewrites the row; the history keeps what it
-- replaced.
CREATE TABLE measures (
    id                 INTEGER PRIMARY KEY,
    client_id          INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    session_id         INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    date               TEXT NOT NULL,
    instrument_key     TEXT NOT NULL,
    instrument_version INTEGER NOT NULL CHECK (instrument_version >= 1),
    definition         TEXT NOT NULL,
    answers            TEXT NOT NULL,
    has_total          INTEGER NOT NULL CHECK (has_total IN (0, 1)),
    total              REAL NOT NULL DEFAULT 0,
    band               TEXT NOT NULL DEFAULT '',
    flagged            INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
    entered_by         TEXT NOT NULL CHECK (entered_by IN ('client', 'therapist', 'together')),
    notes              TEXT NOT NULL DEFAULT '',
    follow_up          TEXT NOT NULL DEFAULT '',
    follow_up_on       TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
-- A client's measures in date order (their journey).
CREATE INDEX measures_client ON measures (client_id, date);
-- The newest measure of one instrument for a client (Today's schedules),
-- and one instrument's measures across the practice (its CSV).
CREATE INDEX measures_instrument ON measures (instrument_key, client_id, date);
CREATE INDEX measures_session ON measures (session_id);
-- Today lists flagged answers with no follow-up yet: a handful among
-- years of measures, so this index holds only those.
CREATE INDEX measures_unfollowed ON measures (date) WHERE flagged = 1 AND follow_up = '';

-- When a client's measures on one instrument fall due (Today): after each
-- medicine session, or from starts_on every every_weeks weeks.
CREATE TABLE measure_schedules (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    instrument_key TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('after_medicine', 'every_weeks')),
    every_weeks    INTEGER NOT NULL DEFAULT 0 CHECK (every_weeks BETWEEN 0 AND 52),
    starts_on      TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    UNIQUE (client_id, instrument_key, kind)
);
