// Package storage keeps Tandem's records in SQLCipher: every read and write
// of the domain's types is a method of DB, whose comment is its contract
// (package domain declares no service interfaces; its doc says why). It
// opens the encrypted database with a raw 32-byte key supplied by package
// vault, applies the embedded, numbered migrations
// (migrations/NNNN_name.sql, each in its own transaction, recorded in
// schema_migrations), and refuses a database whose schema is newer than this
// build knows.
//
// Linux builds make SQLCipher encrypt with the system's OpenSSL instead of
// the libtomcrypt the driver bundles (sqlcipher-openssl.h, forced into the
// C build by the cgo flags in scripts/lib.sh; CipherProvider names the one in use);
// the file format is the same, and a vault made by either build opens in
// the other (testdata/vault-made-with-*.db).
//
// Connections run with WAL, foreign keys, secure delete and in-memory temp
// storage, so no plaintext ever reaches a temporary file. Every write is one
// transaction and records a history row (write.go holds both, and the
// other helpers every read and write goes through); recording it also
// reindexes the record in the full-text search index (search.go), so the
// index cannot fall out of step with any write path. A *DB is safe for
// concurrent use.
//
// Time comes from the clock Open is given. Moments are stamped in UTC (RFC
// 3339); what day it is, and the day a stamp falls on (in a message, a
// search hit, a date a client may not agree before), are the clock's time
// zone's, never UTC's.
//
// # Files
//
// The files follow the records. storage.go opens and migrates the database;
// write.go holds what every read and write goes through (the transaction,
// the stamps, the history entry, adding and changing one entity).
// practice.go, settings.go and backupsettings.go keep the vault's own
// records; clients.go, plan.go (the power map and plan items),
// agreements.go and reflections.go a client's record; sessions.go and
// integration.go the sessions, the worksheet, patterns and resources;
// feepolicy.go, clientfees.go and reciprocity.go the money; instruments.go,
// measures.go and measurescsv.go the questionnaires, the measures taken on
// them (each with the copy of the definition it was answered on, decoded
// strictly and checked whenever read), their schedules and their CSV;
// today.go the Today screen. history.go and search.go read the history and
// the search index; dump.go, snapshot.go and load.go read and write whole
// tables for backups; check.go checks the database's integrity.
package storage
