-- Appointments: what is planned. Date and time are local to time_zone,
-- where it is to be held. A repeating appointment is its occurrences, one
-- row each, sharing series_id (the first one's id; 0 when it does not
-- repeat). When held it becomes a session (session_id); a cancellation or
-- a no-show keeps the row, with its reason. sequence counts the changes a
-- calendar file has to follow.
CREATE TABLE appointments (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    series_id  INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL CHECK (kind IN ('preparation', 'medicine', 'integration', 'other')),
    date       TEXT NOT NULL,
    time       TEXT NOT NULL,
    time_zone  TEXT NOT NULL,
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    modality   TEXT NOT NULL CHECK (modality IN ('in_person', 'online')),
    place      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled', 'no_show')),
    reason     TEXT NOT NULL DEFAULT '',
    session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    sequence   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX appointments_client ON appointments (client_id, date, time);
CREATE INDEX appointments_date ON appointments (date, time);
CREATE INDEX appointments_session ON appointments (session_id);
