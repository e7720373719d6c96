// Package vault owns a vault folder: its key file, key derivation and
// wrapping, the recovery key, the single-process lock, and unlocking and
// locking the encrypted database (package storage).
//
// Envelope encryption: a random 32-byte data key is the SQLCipher raw key.
// It is stored only wrapped, in the key file (tandem.key), in two slots:
//
//   - the passphrase slot: Argon2id (parameters stored in the slot) derives
//     a key-encryption key that seals the data key with XChaCha20-Poly1305,
//     the slot's parameters being the associated data;
//   - the recovery slot: the data key encrypted with age to an X25519
//     recipient. The matching identity (AGE-SECRET-KEY-1…) is the recovery
//     key: shown once at creation and never stored.
//
// The whole key file is authenticated (version 2): a MAC keyed from the
// data key covers every field, and the database holds an anchor (the
// vault's id, its recovery recipient and the key file version) the key file
// must agree with. Unlocking checks both before anything is used; a file
// changed outside Tandem is EKEYFILECHANGED, and RepairKeyFile rewrites it
// from what can be checked (repair.go). Backups take the key file checked at
// unlock, never one read afresh. A version 1 file (an earlier Tandem's, no
// MAC) is rewritten as version 2 at its first unlock.
//
// Changing the passphrase rewrites only the passphrase slot, so the
// database's records are untouched. The key file is written atomically (temporary file,
// fsync, rename, fsync of the folder) and never overwritten by a failed
// operation. Reading a key file is strict: unknown versions, missing fields
// and key-derivation parameters beyond fixed caps are refused before any
// work is done, so a hostile file cannot demand unbounded memory or time.
//
// A Vault is safe for concurrent use. Only one process may hold a vault
// folder: Open takes an exclusive lock on tandem.lock, released by Close.
//
// Files: vault.go opens a vault folder, makes a vault and locks it;
// unlock.go unlocks it (checking the key file against the data key and the
// database's anchor); passphrase.go changes the passphrase; recovery.go
// replaces the recovery key; rekey.go gives the vault a fresh data key,
// crash-safely; repair.go rewrites a key file changed outside Tandem;
// keyfile.go reads, writes and seals the key file, kdf.go derives its
// keys; backupkeys.go is what backups need of it; restore.go swaps a
// restored vault in; pin.go is co-creation mode's PIN; dirs.go the default
// folder.
//
// Tests make their vaults with package vaulttest (cheap key derivation,
// the suite's clock), this package's own tests included.
package vault
