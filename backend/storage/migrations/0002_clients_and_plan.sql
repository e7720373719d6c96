-- Clients, in their own words.
CREATE TABLE clients (
    id                INTEGER PRIMARY KEY,
    chosen_name       TEXT NOT NULL,
    pronouns          TEXT NOT NULL DEFAULT '',
    legal_name        TEXT NOT NULL DEFAULT '',
    date_of_birth     TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    emergency_contact TEXT NOT NULL DEFAULT '',
    languages         TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
    intake_note       TEXT NOT NULL DEFAULT '',
    -- chosen and legal name folded (lower case, accents removed) for search
    names_folded      TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    archived_at       TEXT
);
CREATE INDEX clients_status ON clients (archived_at, status, names_folded);

-- Self-described facets of identity, in the client's order.
CREATE TABLE client_identities (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    facet       TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE INDEX client_identities_client ON client_identities (client_id, position);

-- The power map: differences of position and power, dated.
CREATE TABLE power_map_entries (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    written_on TEXT NOT NULL,
    difference TEXT NOT NULL,
    shows_up   TEXT NOT NULL DEFAULT '',
    agreed     TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'private')),
    author     TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX power_map_client ON power_map_entries (client_id, written_on);

-- Goals and intentions. The wording lives in plan_revisions: the latest
-- revision is the current wording, and none is ever overwritten.
CREATE TABLE plan_items (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('goal', 'intention')),
    proposed_by    TEXT NOT NULL CHECK (proposed_by IN ('client', 'therapist', 'together')),
    status         TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'revised', 'retired')),
    agreed_on      TEXT NOT NULL DEFAULT '',
    retired_reason TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX plan_items_client ON plan_items (client_id, kind, position);

CREATE TABLE plan_revisions (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    at      TEXT NOT NULL,
    author  TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    text    TEXT NOT NULL,
    note    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_revisions_item ON plan_revisions (item_id, id);

-- Agreements; every version is kept, the latest is in force.
CREATE TABLE agreements (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('touch', 'safety', 'right_to_stop', 'confidentiality', 'topics', 'custom')),
    created_at TEXT NOT NULL
);
CREATE INDEX agreements_client ON agreements (client_id);

CREATE TABLE agreement_versions (
    id             INTEGER PRIMARY KEY,
    agreement_id   INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    author         TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    title          TEXT NOT NULL DEFAULT '',
    terms_json     TEXT NOT NULL,
    confirmed_name TEXT NOT NULL DEFAULT '',
    confirmed_on   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_versions_agreement ON agreement_versions (agreement_id, id);

-- The therapist's private journal, about one client or general.
CREATE TABLE reflections (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER REFERENCES clients (id) ON DELETE CASCADE,
    written_on TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('reaction', 'bias', 'shadow', 'consultation', 'other')),
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX reflections_client ON reflections (client_id, written_on);

-- Every change: when, who, what, before and after.
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL CHECK (actor IN ('client', 'therapist', 'together')),
    client_id INTEGER,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_client ON history (client_id, id);
