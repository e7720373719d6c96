-- What the therapist may choose to keep private (docs/design.md,
-- "Visibility"): a session's somatic observations, an adverse event, a
-- pattern's examples, a session fee's note. Each was shared before; it
-- stays so until the therapist chooses otherwise.
ALTER TABLE sessions ADD COLUMN somatic_visibility TEXT NOT NULL DEFAULT 'shared'
    CHECK (somatic_visibility IN ('shared', 'private'));
ALTER TABLE adverse_events ADD COLUMN visibility TEXT NOT NULL DEFAULT 'shared'
    CHECK (visibility IN ('shared', 'private'));
ALTER TABLE patterns ADD COLUMN examples_visibility TEXT NOT NULL DEFAULT 'shared'
    CHECK (examples_visibility IN ('shared', 'private'));
ALTER TABLE session_fees ADD COLUMN note_visibility TEXT NOT NULL DEFAULT 'shared'
    CHECK (note_visibility IN ('shared', 'private'));
