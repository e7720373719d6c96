-- What Tandem calls the therapist when it greets them (home): their own
-- name, as they give it, beside the practice's name that packets print.
-- Empty: Tandem greets without a name.
ALTER TABLE practice ADD COLUMN greeting_name TEXT NOT NULL DEFAULT '';
