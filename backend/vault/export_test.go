package vault

// What the external tests (package vault_test) look at inside the vault.
func ReadKeyFile(dir string) (*keyFile, error) {
	kf, _, err := readKeyFile(dir)
	return kf, err
}

const DataKeySize = dataKeySize
