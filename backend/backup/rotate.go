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
// with policy, never removing the backup just made. It returns the backup
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
	removed, err := Rotate(dir, policy, res.Path, now)
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

// Rotate removes the backups in dir that policy does not keep, never
// keepPath (the newest verified backup, just made) nor the newest, and
// removes temporary files older than a day. now is the clock's time: its
// zone says which day, week and month each backup belongs to (see Keep).
// It returns what it removed.
func Rotate(dir string, policy Policy, keepPath string, now time.Time) ([]string, error) {
	list, err := List(dir)
	if err != nil {
		return nil, err
	}
	keep := policy.Keep(list, now.Location())
	if keepPath != "" {
		keep[keepPath] = true
	}
	for _, p := range policy.Pinned {
		if abs, err := filepath.Abs(p); err == nil {
			keep[abs] = true
		}
	}
	var removed []string
	for _, l := range list {
		if keep[l.Path] {
			continue
		}
		if err := os.Remove(l.Path); err == nil {
			removed = append(removed, l.Path)
		}
	}
	tmps, _ := filepath.Glob(filepath.Join(dir, ".tandem-backup-*.tmp"))
	for _, t := range tmps {
		if fi, err := os.Lstat(t); err == nil && fi.Mode().IsRegular() && now.Sub(fi.ModTime()) > 24*time.Hour {
			os.Remove(t)
		}
	}
	return removed, nil
}
