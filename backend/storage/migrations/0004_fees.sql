-- Fees the power-with way. Every amount is an integer number of the
-- practice's currency's minor units; the currency is in fee_policy.

CREATE TABLE fee_policy (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    currency    TEXT NOT NULL,
    reasoning   TEXT NOT NULL DEFAULT '',
    choice_mode TEXT NOT NULL CHECK (choice_mode IN ('client', 'together')),
    updated_at  TEXT NOT NULL
);

CREATE TABLE fee_tiers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    fee_preparation INTEGER NOT NULL CHECK (fee_preparation >= 0),
    fee_medicine    INTEGER NOT NULL CHECK (fee_medicine >= 0),
    fee_integration INTEGER NOT NULL CHECK (fee_integration >= 0),
    fee_other       INTEGER NOT NULL CHECK (fee_other >= 0),
    position        INTEGER NOT NULL,
    retired_at      TEXT,
    created_at      TEXT NOT NULL
);

-- A client's choices of tier, in order; confirmed_on is empty while a
-- choice made in co-creation mode waits for the therapist.
CREATE TABLE tier_choices (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    tier_id      INTEGER NOT NULL REFERENCES fee_tiers (id),
    chosen_on    TEXT NOT NULL,
    chosen_by    TEXT NOT NULL CHECK (chosen_by IN ('client', 'together')),
    reason       TEXT NOT NULL DEFAULT '',
    confirmed_on TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX tier_choices_client ON tier_choices (client_id, id);

-- The overview counts sessions by month and kind from this index alone,
-- never reading the sessions' notes.
CREATE INDEX sessions_date_kind ON sessions (date, kind);

CREATE TABLE session_fees (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    amount     INTEGER NOT NULL CHECK (amount >= 0),
    basis      TEXT NOT NULL CHECK (basis IN ('tier', 'adjusted', 'free')),
    tier_id    INTEGER REFERENCES fee_tiers (id),
    note       TEXT NOT NULL DEFAULT '',
    agreed_on  TEXT NOT NULL
);

-- Payments and their reversals: a reversal names the payment it cancels,
-- which stays in the record.
CREATE TABLE payments (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount > 0),
    method     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    reverses   INTEGER UNIQUE REFERENCES payments (id),
    created_at TEXT NOT NULL
);
CREATE INDEX payments_client ON payments (client_id, date, id);
-- The overview adds up payments by month from this index alone.
CREATE INDEX payments_date ON payments (date, reverses, amount);

CREATE TABLE payment_allocations (
    payment_id INTEGER NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    amount     INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (payment_id, session_id)
) WITHOUT ROWID;
CREATE INDEX payment_allocations_session ON payment_allocations (session_id);

CREATE TABLE reciprocity_commitments (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('free_sessions', 'share_of_fees', 'other')),
    description  TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    every_n      INTEGER NOT NULL DEFAULT 0,
    basis_points INTEGER NOT NULL DEFAULT 0,
    since        TEXT NOT NULL,
    until        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

CREATE TABLE reciprocity_gifts (
    id            INTEGER PRIMARY KEY,
    date          TEXT NOT NULL,
    amount        INTEGER NOT NULL CHECK (amount > 0),
    organisation  TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    commitment_id INTEGER REFERENCES reciprocity_commitments (id),
    created_at    TEXT NOT NULL
);
CREATE INDEX reciprocity_gifts_date ON reciprocity_gifts (date);
