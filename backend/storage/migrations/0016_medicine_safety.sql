-- Safe medicine sessions (docs/medicine-safety.md): health and medication
-- screening against the practice's contraindications checklist, informed
-- consent from the practice's template, each medicine session's
-- preparation and readiness, and its live log.

-- A medicine consent is an agreement of a new kind, and each version of an
-- agreement names the consent template version it was written from. The
-- kind is held by a CHECK constraint, so both tables are rebuilt: versions
-- first (nothing refers to them), so dropping the agreements cascades to
-- nothing; renaming agreements_next carries the versions' reference along.
CREATE TABLE agreements_next (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('touch', 'safety', 'right_to_stop', 'confidentiality', 'topics', 'custom', 'medicine_consent')),
    created_at TEXT NOT NULL
);
INSERT INTO agreements_next (id, client_id, kind, created_at) SELECT id, client_id, kind, created_at FROM agreements;
CREATE TABLE agreement_versions_next (
    id               INTEGER PRIMARY KEY,
    agreement_id     INTEGER NOT NULL REFERENCES agreements_next (id) ON DELETE CASCADE,
    at               TEXT NOT NULL,
    author           TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    title            TEXT NOT NULL DEFAULT '',
    terms_json       TEXT NOT NULL,
    confirmed_name   TEXT NOT NULL DEFAULT '',
    confirmed_on     TEXT NOT NULL DEFAULT '',
    template_version INTEGER NOT NULL DEFAULT 0 CHECK (template_version >= 0)
);
INSERT INTO agreement_versions_next (id, agreement_id, at, author, title, terms_json, confirmed_name, confirmed_on)
    SELECT id, agreement_id, at, author, title, terms_json, confirmed_name, confirmed_on FROM agreement_versions;
DROP TABLE agreement_versions;
DROP TABLE agreements;
ALTER TABLE agreements_next RENAME TO agreements;
ALTER TABLE agreement_versions_next RENAME TO agreement_versions;
CREATE INDEX agreements_client ON agreements (client_id);
CREATE INDEX agreement_versions_agreement ON agreement_versions (agreement_id, id);

-- The practice's consent template, every version kept.
CREATE TABLE consent_templates (
    version    INTEGER PRIMARY KEY CHECK (version > 0),
    title      TEXT NOT NULL,
    terms_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- What a client takes or took; stopping dates the row.
CREATE TABLE medications (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    dose       TEXT NOT NULL DEFAULT '',
    since      TEXT NOT NULL DEFAULT '',
    prescriber TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    stopped_on TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX medications_client ON medications (client_id, id);

-- Allergies and health history, one row per client once written.
CREATE TABLE client_health (
    client_id  INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    allergies  TEXT NOT NULL DEFAULT '',
    history    TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- The practice's contraindications checklist, edited in Settings. It
-- starts with the lines below (domain.StartingChecklist), a starting point
-- for the therapist's own judgement.
CREATE TABLE screening_items (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    retired_at TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
INSERT INTO screening_items (text, position, created_at) VALUES
    ('Takes lithium', 1, '2026-01-01T00:00:00Z'),
    ('Takes an MAOI (for example phenelzine, tranylcypromine, moclobemide, selegiline)', 2, '2026-01-01T00:00:00Z'),
    ('Takes an SSRI, SNRI or tricyclic antidepressant', 3, '2026-01-01T00:00:00Z'),
    ('Takes tramadol', 4, '2026-01-01T00:00:00Z'),
    ('Takes St John''s wort', 5, '2026-01-01T00:00:00Z'),
    ('Heart disease, or blood pressure that is not under control', 6, '2026-01-01T00:00:00Z'),
    ('A personal or family history of psychosis, schizophrenia or bipolar I', 7, '2026-01-01T00:00:00Z'),
    ('Seizures or epilepsy', 8, '2026-01-01T00:00:00Z'),
    ('Pregnant or breastfeeding', 9, '2026-01-01T00:00:00Z'),
    ('A suicidal crisis in the last year', 10, '2026-01-01T00:00:00Z');

-- Each screening round, and its answers with the item's wording as asked.
CREATE TABLE screenings (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    screened_on TEXT NOT NULL,
    answered_by TEXT NOT NULL CHECK (answered_by IN ('client', 'therapist', 'together')),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX screenings_client ON screenings (client_id, screened_on, id);
CREATE TABLE screening_answers (
    screening_id INTEGER NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    item_id      INTEGER NOT NULL,
    item         TEXT NOT NULL,
    answer       TEXT NOT NULL CHECK (answer IN ('no', 'yes', 'unsure')),
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (screening_id, position)
) WITHOUT ROWID;

-- A medicine session's preparation beyond its notes.
CREATE TABLE session_prep (
    session_id         INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    support_person     TEXT NOT NULL DEFAULT '',
    way_home           TEXT NOT NULL DEFAULT '',
    flags_decision     TEXT NOT NULL DEFAULT '',
    flags_screening_id INTEGER NOT NULL DEFAULT 0,
    flags_decided_at   TEXT NOT NULL DEFAULT '',
    go_ahead_reason    TEXT NOT NULL DEFAULT '',
    go_ahead_at        TEXT NOT NULL DEFAULT ''
);

-- The live log of a medicine session, one row per entry, added to and
-- never changed.
CREATE TABLE session_log (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    at                TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('dose', 'booster', 'checkin', 'vitals', 'setting', 'touch', 'adverse', 'note')),
    text              TEXT NOT NULL DEFAULT '',
    substance         TEXT NOT NULL DEFAULT '',
    amount            TEXT NOT NULL DEFAULT '',
    route             TEXT NOT NULL DEFAULT '',
    systolic          INTEGER NOT NULL DEFAULT 0,
    diastolic         INTEGER NOT NULL DEFAULT 0,
    pulse             INTEGER NOT NULL DEFAULT 0,
    spo2              INTEGER NOT NULL DEFAULT 0,
    temperature       REAL NOT NULL DEFAULT 0,
    touch             TEXT NOT NULL DEFAULT '' CHECK (touch IN ('', 'asked', 'given')),
    outside_agreement INTEGER NOT NULL DEFAULT 0 CHECK (outside_agreement IN (0, 1)),
    adverse_event_id  INTEGER REFERENCES adverse_events (id) ON DELETE SET NULL,
    author            TEXT NOT NULL CHECK (author IN ('client', 'therapist', 'together')),
    visibility        TEXT NOT NULL CHECK (visibility IN ('shared', 'private')),
    created_at        TEXT NOT NULL
);
CREATE INDEX session_log_session ON session_log (session_id, at, id);
