package backup

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault/vaulttest"
)

// Saves made while a backup runs all succeed, from the moment it starts
// to the moment it ends, and so do the pages loading meanwhile; the backup
// holds one moment: it carries the clients saved before it, and none or
// some of those saved meanwhile, never a part of one.
func TestSavesDuringABackupNeverFail(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	v, rk := vaulttest.Create(t, filepath.Join(dir, "vault"), cheap)
	seed(t, v, demo.Options{Clients: 6, Years: 2, Seed: 31})
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	src := source(t, v)
	var before int
	for _, archived := range []bool{false, true} {
		list, err := db.Clients(ctx, domain.ClientFilter{Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		before += len(list)
	}

	// The app at its busiest: one save after another (a therapist saves
	// one thing at a time; saves racing each other for the write lock
	// would test SQLite's fairness among writers, not the backup), while
	// pages load on the app's other connections.
	stop := make(chan struct{})
	var saved, read atomic.Int64
	var wg sync.WaitGroup
	failures := make(chan error, 64)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			name := fmt.Sprintf("Fictional saver %d", i)
			if _, err := db.CreateClient(ctx, domain.Client{ChosenName: name, Pronouns: "they/them"}, domain.ByTherapist); err != nil {
				failures <- err
				return
			}
			saved.Add(1)
		}
	}()
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := db.Clients(ctx, domain.ClientFilter{}); err != nil {
					failures <- err
					return
				}
				read.Add(1)
			}
		}()
	}
	res, err := Create(ctx, src, filepath.Join(dir, "during.age"))
	close(stop)
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Errorf("a save or a page during the backup failed: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if saved.Load() == 0 {
		t.Fatal("no save ran during the backup: the test proves nothing")
	}
	info, err := Verify(ctx, res.Path, Unlock{RecoveryKey: rk})
	if err != nil {
		t.Fatal(err)
	}
	if n := info.Rows("clients"); n < int64(before) || n > int64(before)+saved.Load() {
		t.Fatalf("the backup holds %d clients; %d before, %d saved during it", n, before, saved.Load())
	}
	t.Logf("%d saves and %d page loads during the backup, none failed", saved.Load(), read.Load())
}
