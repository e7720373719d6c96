/*
 * Forced into every C file of a Linux build (CGO_CFLAGS "-include", set by
 * scripts/lib.sh) so that SQLCipher does its page
 * cryptography with the system's OpenSSL (libcrypto, linked with
 * CGO_LDFLAGS=-lcrypto) instead of the libtomcrypt the driver bundles.
 *
 * The driver (github.com/mutecomm/go-sqlcipher) hard-codes libtomcrypt,
 * compiled without assembly: table-based AES and plain C SHA-512. OpenSSL
 * uses the processor's AES instructions (constant time, so no cache-timing
 * leak of the key either) and its fastest SHA-512. The file format is the
 * same with either provider (AES-256-CBC, HMAC-SHA512, the same key
 * derivation), so a vault moves freely between builds; storage's
 * TestVaultMadeByTheOtherProvider holds that.
 *
 * The -D flags on the command line are applied before this file, so the
 * driver's own -DSQLCIPHER_CRYPTO_LIBTOMCRYPT is undone here. The macros
 * mean nothing to any other C code. The Windows cross-build does not use
 * this file and keeps libtomcrypt (scripts/package-windows.sh).
 */
#undef SQLCIPHER_CRYPTO_LIBTOMCRYPT
#define SQLCIPHER_CRYPTO_OPENSSL 1
