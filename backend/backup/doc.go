// Package backup makes, verifies and restores Tandem backups, lists and
// rotates a backup folder, and writes the canonical JSON export.
//
// The file format is specified in docs/backup-format.md; this package is its
// reference implementation. In short: an age v1 file with two recipient
// stanzas (the vault's recovery key, and a tandem-passphrase stanza that the
// passphrase in force opens through the key file's own passphrase slot), whose
// plaintext is a tar stream of manifest.json, the key file, and every table
// as JSON Lines.
//
// Contracts:
//
//   - Nothing here writes plaintext to disk: backups are encrypted as they
//     are produced, and read as a stream. (An export is plaintext by nature;
//     it is written only where the therapist asks.)
//   - Create writes to a temporary file in the destination folder, syncs it,
//     reads it back from disk and checks it (every byte decrypted and
//     authenticated, the header, the manifest it wrote, the key file, every
//     entry's name, size and checksum, each table's number of lines: all of
//     Verify except decoding each row, which are its own), and only then
//     gives it its name; it never replaces an existing file. A process
//     killed at any moment leaves no file that looks like a good backup.
//   - Verify reads a whole backup and writes nothing. Every failure is an
//     error with code domain.EBACKUPDAMAGED (damaged, truncated, extended,
//     or not a Tandem backup), domain.EWRONGSECRET, or domain.EVAULTNEWER
//     (made by a newer Tandem), and a message for a person; the reader never
//     panics on any input (a fuzz test holds it to that).
//   - Restore builds the new vault in a staging folder beside the target and
//     swaps it in atomically (vault.ReplaceWith) only after the whole file
//     verified and the new vault passed its checks; a failed restore changes
//     nothing. A backup of an older schema is loaded at its own schema
//     version, then migrated.
//   - Export writes identical bytes for identical records.
//
// The functions are safe to call concurrently on different files.
//
// # Files
//
// create.go makes a backup file (Create: the temporary file, the read-back
// check, the name); write.go writes its stream, and readtables.go reads the
// tables for it, in parallel and within a memory budget. read.go verifies
// and reads a backup, restore.go restores one, rotate.go names, lists and
// rotates a folder of them, removing only this vault's own backups, which
// owner.go tells from another vault's by their headers, upgrade.go backs up
// before a migration, and
// export.go writes the JSON export. manifest.go, stanza.go and values.go
// are the format's parts: the manifest, the header's stanzas, a row's
// values.
package backup
