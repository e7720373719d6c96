// Package cli is Tandem's command-line interface over the same services the
// window uses. The tandem binary is the app when started without a command,
// and this CLI when given one.
//
// Secrets never come as plain arguments: a passphrase is read from
// --passphrase-file (its first line, without the line ending) or asked on
// the terminal without echo; a recovery key is read from a file in the age
// identity format. Exit status: 0 success, 1 the operation failed (one line
// on stderr saying why), 2 the command was used wrongly.
package cli
