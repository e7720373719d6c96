-- What the database knows of its vault's key file (storage.KeyAnchor): the
-- vault's id, the recovery recipient and the key file version last
-- written. Package vault checks the key file against it at every unlock.
-- It belongs to this vault's key file, not to the practice's records, so a
-- dump (backups, exports) does not carry it; a restore writes it afresh.
CREATE TABLE key_anchor (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    vault_id         TEXT NOT NULL,
    recovery         TEXT NOT NULL,
    key_file_version INTEGER NOT NULL CHECK (key_file_version >= 1)
);
