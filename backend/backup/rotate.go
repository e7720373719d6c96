package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"tandem/backend/domain"
)

// A backup folder: dated file names, listing and rotation
// (docs/backup-format.md, section 4).

const (
	namePrefix = "tandem-backup-"
	nameExt    = ".age"
	nameLayout = "2006-01-02T150405Z"
)

var nameRe = regexp.MustCompile(`^tandem-backup-(\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(\d{1,3}))?\.age$`)

// FileName is the name of a backup made at t: its UTC time, nothing else.
func FileName(t time.Time) string { return namePrefix + t.UTC().Format(nameLayout) + nameExt }

// CreateInDir makes a backup in the folder dir under a dated name (with a
// counter when two are made in the same second), then rotates the folder
// with policy (Rotate: only this vault's own backups, never the one just
// made). It returns the backup
// and the files rotation removed.
func CreateInDir(ctx context.Context, src Source, dir string, policy Policy) (*Result, []string, error) {
	now := src.now()
	src.Now = func() time.Time { return now }
	name := FileName(now)
	for i := 2; ; i++ {
		if _, err := os.Lstat(filepath.Join(dir, name)); os.IsNotExist(err) {
			break
		}
		if i > 999 {
			return nil, nil, domain.Errorf(domain.EEXISTS, "Too many backups were made this second.")
		}
		name = strings.TrimSuffix(FileName(now), nameExt) + fmt.Sprintf("-%d", i) + nameExt
	}
	res, err := Create(ctx, src, filepath.Join(dir, name))
	if err != nil {
		return nil, nil, err
	}
	removed, err := Rotate(dir, policy, res.Path, src.Keys.Info.VaultID, src.Keys.DataKey, now)
	return res, removed, err
}

// Listed is a backup found in a folder.
type Listed struct {
	Path    string
	Name    string
	Created time.Time // from the name
	Size    int64
}

// List returns the backups in dir, newest first: files named as FileName
// makes them (which Create gives only to verified backups). Other files are
// ignored. A missing or unreachable folder is EINVALID.
func List(dir string) ([]Listed, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup folder "+dir+" cannot be reached. Check that the drive is connected.", err)
	}
	var out []Listed
	for _, e := range entries {
		m := nameRe.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		t, err := time.Parse(nameLayout, m[1])
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Listed{Path: filepath.Join(dir, e.Name()), Name: e.Name(), Created: t, Size: fi.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.After(out[j].Created)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// Policy is how many backups rotation keeps: the newest of each of the
// last Daily days, Weekly ISO weeks and Monthly months that have one.
type Policy struct {
	Daily, Weekly, Monthly int
	// Pinned are paths rotation never removes (a file chosen for a
	// restore, say).
	Pinned []string
}

// DefaultPolicy keeps 7 daily, 4 weekly and 12 monthly backups.
func DefaultPolicy() Policy { return Policy{Daily: 7, Weekly: 4, Monthly: 12} }

// Keep returns which of the listed backups (newest first) the policy keeps.
// The newest is always kept. Days, weeks and months are those of loc, the
// therapist's time zone (the clock's), not UTC's or the computer's: a
// backup at 23:50 and one at 00:20 are two days' backups.
func (p Policy) Keep(list []Listed, loc *time.Location) map[string]bool {
	keep := map[string]bool{}
	if len(list) == 0 {
		return keep
	}
	keep[list[0].Path] = true
	bucket := func(n int, key func(time.Time) string) {
		seen := map[string]bool{}
		for _, l := range list {
			if len(seen) >= n {
				return
			}
			k := key(l.Created.In(loc))
			if !seen[k] {
				seen[k] = true
				keep[l.Path] = true
			}
		}
	}
	bucket(p.Daily, func(t time.Time) string { return t.Format("2006-01-02") })
	bucket(p.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) })
	bucket(p.Monthly, func(t time.Time) string { return t.Format("2006-01") })
	return keep
}

// Inspected is a file of a backup folder as rotation sees it: whose backup
// it is (Owner, with the vault id its header names) and whether its name
// dates it in the future of the clock.
type Inspected struct {
	Listed
	Owner   Owner
	VaultID string
	Future  bool
}

// futureSlack is how far after the clock's now a backup's name may date it
// before it counts as made in the future (by a clock that was wrong).
const futureSlack = 5 * time.Minute

// Inspect lists the backups in dir (List) and says of each whose it is:
// vaultID is this vault's id, dataKey (when known) its data key, which
// proves a file this vault's (ownerOf).
func Inspect(dir, vaultID string, dataKey []byte, now time.Time) ([]Inspected, error) {
	list, err := List(dir)
	if err != nil {
		return nil, err
	}
	out := make([]Inspected, len(list))
	for i, l := range list {
		owner, named := ownerOf(l.Path, vaultID, dataKey)
		out[i] = Inspected{Listed: l, Owner: owner, VaultID: named, Future: l.Created.After(now.Add(futureSlack))}
	}
	return out, nil
}

// Rotate removes the backups in dir that policy does not keep, among
// those proven to be this vault's own (their header opens with dataKey,
// the vault's data key: see Inspect), never keepPath (the backup just
// made) and never one dated in the future of now (a clock that was wrong:
// it is kept, and the folder's status says so). Another vault's backups,
// this vault's made under its earlier keys, and files that are not Tandem
// backups are never removed, nor counted. now is the clock's time: its
// zone says which day, week and month each backup belongs to (see Keep).
// It also removes the temporary files of backups that were interrupted,
// once no process holds them (Create holds its own). It returns what it
// removed.
func Rotate(dir string, policy Policy, keepPath, vaultID string, dataKey []byte, now time.Time) ([]string, error) {
	all, err := Inspect(dir, vaultID, dataKey, now)
	if err != nil {
		return nil, err
	}
	var mine []Listed
	for _, f := range all {
		if f.Owner == ThisVault && !f.Future {
			mine = append(mine, f.Listed)
		}
	}
	keep := policy.Keep(mine, now.Location())
	if keepPath != "" {
		keep[keepPath] = true
	}
	for _, p := range policy.Pinned {
		if abs, err := filepath.Abs(p); err == nil {
			keep[abs] = true
		}
	}
	var removed []string
	for _, l := range mine {
		if keep[l.Path] {
			continue
		}
		if err := os.Remove(l.Path); err == nil {
			removed = append(removed, l.Path)
		}
	}
	removeStrayTemporaries(dir)
	return removed, nil
}

// removeStrayTemporaries removes the temporary files of backups whose
// writer died (a crash, a kill, a pulled plug): those no live process
// holds a lock on.
func removeStrayTemporaries(dir string) {
	tmps, _ := filepath.Glob(filepath.Join(dir, ".tandem-backup-*.tmp"))
	for _, t := range tmps {
		fi, err := os.Lstat(t)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		lk := flock.New(t)
		if ok, err := lk.TryLock(); err == nil && ok {
			os.Remove(t)
			lk.Unlock()
		}
	}
}
