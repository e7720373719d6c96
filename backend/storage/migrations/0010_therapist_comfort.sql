-- The setting is meant to be comfortable for both: the therapist's own
-- comfort with each element, beside the client's (comfort).
ALTER TABLE setting_elements ADD COLUMN therapist_comfort TEXT NOT NULL DEFAULT 'unsure'
    CHECK (therapist_comfort IN ('welcome', 'unsure', 'not_wanted'));
