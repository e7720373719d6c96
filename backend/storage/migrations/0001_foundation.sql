-- The practice profile: one row.
CREATE TABLE practice (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL DEFAULT '',
    credentials TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

-- The therapist's positionality statement, as dated entries: a changed
-- statement adds a row, so earlier statements are kept.
CREATE TABLE practice_positionality (
    id         INTEGER PRIMARY KEY,
    written_on TEXT NOT NULL,
    statement  TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Preferences kept inside the encrypted vault.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
