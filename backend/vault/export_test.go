package vault

// What the external tests (package vault_test) look at inside the vault.
var ReadKeyFile = readKeyFile

const DataKeySize = dataKeySize
