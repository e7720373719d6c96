package backup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
)

// A restore closes every handle in the vault folder and the restored one
// before it renames either (Windows refuses to rename a folder with a file
// open in it; the code path is the same everywhere, so it is checked here
// through Linux's /proc), and holds the folder again after: a second
// opening is refused.
func TestRestoreRenamesNoFolderWithAFileOpenInIt(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd here")
	}
	ctx := context.Background()
	v, _, path := seededBackup(t, demo.Options{Clients: 2, Years: 1, Seed: 4})
	v.Lock()
	parent, name := filepath.Dir(v.Dir()), filepath.Base(v.Dir())
	// openInside lists this process's open files in the vault folder, in
	// the restored one being swapped in, or in the old one moving aside.
	openInside := func() []string {
		var found []string
		fds, _ := os.ReadDir("/proc/self/fd")
		for _, fd := range fds {
			target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
			if err != nil || !strings.HasPrefix(target, parent+string(filepath.Separator)) {
				continue
			}
			first := strings.SplitN(strings.TrimPrefix(target, parent+string(filepath.Separator)), string(filepath.Separator), 2)
			if len(first) == 2 && (first[0] == name || strings.HasPrefix(first[0], "."+name+".") || strings.HasPrefix(first[0], name+".")) {
				found = append(found, target)
			}
		}
		return found
	}
	for _, exchange := range []bool{true, false} {
		t.Run(map[bool]string{true: "atomic exchange", false: "in steps"}[exchange], func(t *testing.T) {
			if !exchange {
				vault.ForceStepwiseSwap(t)
			}
			var steps []string
			vault.SetSwapStepHook(t, func(step string) {
				steps = append(steps, step)
				if open := openInside(); len(open) > 0 && step != "kept" {
					t.Errorf("at the swap's step %q, open: %v", step, open)
				}
			})
			if _, err := Restore(ctx, path, v, RestoreOptions{Unlock: Unlock{Passphrase: testPass}}); err != nil {
				t.Fatal(err)
			}
			if len(steps) < 2 || steps[0] != "handles closed" {
				t.Fatalf("steps %v", steps)
			}
			if _, err := vault.Open(v.Dir(), false, cheap); domain.ErrorCode(err) != domain.EVAULTBUSY {
				t.Fatalf("the restored vault is not held: a second opening gave %v", err)
			}
			if err := v.Unlock(ctx, testPass); err != nil {
				t.Fatal(err)
			}
			v.Lock()
		})
	}
}
