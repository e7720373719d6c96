-- What the therapist and the client last chose to work on together: the
-- sections co-creation mode shows, in their order (comma-separated names
-- from domain.AgendaSections). Empty: the default agenda, without fees.
ALTER TABLE clients ADD COLUMN agenda TEXT NOT NULL DEFAULT '';
