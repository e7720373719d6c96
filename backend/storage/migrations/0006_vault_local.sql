-- This vault's own state, which is not a record of the practice: a dump
-- (backups, exports) does not carry it, and a restore writes it afresh
-- (storage's vaultlocal.go). A restored vault's backup folder waits here
-- for the therapist to choose it again.
CREATE TABLE vault_local (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
