package vault

// What the external tests (package vault_test) look at inside the vault.
func ReadKeyFile(dir string) (*keyFile, error) {
	kf, _, err := readKeyFile(dir)
	return kf, err
}

const DataKeySize = dataKeySize

// SetKillPoint makes rekey call f at each of its steps (rekey.go), for the
// crash tests' helper process.
func SetKillPoint(f func(step string)) { killPoint = f }

// RekeySteps are the steps rekey calls killPoint at, in order.
var RekeySteps = []string{"exported", "next key file", "log removed", "committed"}
