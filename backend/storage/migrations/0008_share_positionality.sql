-- Whether the therapist shares their positionality statement with this
-- client: it then appears beside the power map in co-creation and in the
-- preparation packet. Off until the therapist chooses, client by client.
ALTER TABLE clients ADD COLUMN share_positionality INTEGER NOT NULL DEFAULT 0 CHECK (share_positionality IN (0, 1));
