-- The offline worksheet (docs/offline-worksheet.md): a page the client
-- fills in at home, whose "Send back" file is encrypted to the practice's
-- worksheet key.

-- The practice's worksheet key: one age X25519 identity, made the first
-- time a page is written, and its recipient (the public key every page
-- carries). One row at most.
CREATE TABLE worksheet_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    identity   TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Each page given out: for which client and medicine session, under a
-- random token that the page and every file made from it carry.
CREATE TABLE offline_worksheets (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    issued_at  TEXT NOT NULL
);
CREATE INDEX offline_worksheets_client ON offline_worksheets (client_id);

-- The entries taken in from returned files, by the page's entry id, so a
-- second file with the same entries adds nothing. shift_id is the shift
-- made from it (cleared if that shift is deleted).
CREATE TABLE offline_entries (
    worksheet_id INTEGER NOT NULL REFERENCES offline_worksheets (id) ON DELETE CASCADE,
    entry_id     TEXT NOT NULL,
    shift_id     INTEGER REFERENCES shifts (id) ON DELETE SET NULL,
    imported_at  TEXT NOT NULL,
    PRIMARY KEY (worksheet_id, entry_id)
) WITHOUT ROWID;
