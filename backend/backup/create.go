package backup

import (
	"archive/tar"
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"sync"
	"time"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

var randRead = rand.Read

// Source is what a backup is made of: the open database and the vault's
// keys (vault.Vault.BackupKeys).
type Source struct {
	DB         *storage.DB
	Keys       *vault.BackupKeys
	AppVersion string
	// Now replaces time.Now.
	Now func() time.Time
	// Progress, when set, is told how far the backup is: step "read" and
	// "write" count tables (done of total), "verify" is the read-back of
	// the whole file (0 of 1, then 1 of 1). It must not block.
	Progress func(step string, done, total int)
}

func (s Source) progress(step string, done, total int) {
	if s.Progress != nil {
		s.Progress(step, done, total)
	}
}

func (s Source) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Result is a backup that was made and verified.
type Result struct {
	Path string
	Size int64
	Info *Info
}

// afterSync, when set (tests), runs after the temporary file is synced and
// before it is verified.
var afterSync func(tmp string)

// Create writes a backup of src to path, which must not exist. The backup
// is written to a temporary file in the same folder, synced, verified from
// disk, and then renamed; it never replaces a file.
func Create(ctx context.Context, src Source, path string) (*Result, error) {
	if src.DB == nil || src.Keys == nil {
		return nil, errors.New("backup: no source")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(abs); err == nil {
		return nil, domain.Errorf(domain.EEXISTS, "%s already exists; Tandem never overwrites a backup.", abs)
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, domain.Wrap(domain.EINVALID, "The backup folder "+dir+" cannot be reached. Check that the drive is connected.", err)
	}
	f, err := os.CreateTemp(dir, ".tandem-backup-*.tmp")
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "Tandem cannot write in the backup folder "+dir+". Check that it is writable.", err)
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if runtime.GOOS != "windows" {
		f.Chmod(0o600)
	}
	m, err := write(ctx, src, f)
	if err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup could not be written to "+dir+" (is the disk full?).", err)
	}
	if err := f.Close(); err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup could not be written to "+dir+".", err)
	}
	if afterSync != nil {
		afterSync(tmp)
	}
	src.progress("verify", 0, 1)
	info, err := verifyWritten(ctx, tmp, src.Keys.DataKey, m)
	src.progress("verify", 1, 1)
	if err != nil {
		return nil, err
	}
	if err := placeNoReplace(tmp, abs); err != nil {
		return nil, err
	}
	ok = true
	syncDir(dir)
	fi, _ := os.Stat(abs)
	return &Result{Path: abs, Size: fi.Size(), Info: info}, nil
}

// verifyWritten reads the file just written back from disk and checks it
// as Verify does, except that each table is checked by its size, checksum
// and number of lines rather than by decoding every row: the rows are this
// writer's own encoding, which the checksums show arrived intact. It also
// checks that the file holds exactly the manifest that was written.
// Everything else is Verify's: the header and both stanzas, every chunk's
// authentication, the manifest's and the key file's checks, the entries'
// names, order and sizes, and the end of the stream.
func verifyWritten(ctx context.Context, path string, dataKey []byte, m *Manifest) (*Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup file "+path+" could not be opened.", err)
	}
	defer f.Close()
	info, dk, err := readMode(ctx, f, Unlock{DataKey: dataKey}, nil, true)
	wipe(dk)
	if err != nil {
		return nil, fmt.Errorf("the backup just written does not read back: %w", err)
	}
	if !reflect.DeepEqual(info.manifest, m) {
		return nil, domain.Errorf(domain.EINTERNAL, "The backup just written does not read back as written.")
	}
	return info, nil
}

// placeNoReplace gives tmp the name final, failing if final exists. A hard
// link does it atomically where the file system has them; elsewhere (FAT
// drives) a rename after a check.
func placeNoReplace(tmp, final string) error {
	exists := domain.Errorf(domain.EEXISTS, "%s already exists; Tandem never overwrites a backup.", final)
	err := os.Link(tmp, final)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return exists
	}
	if _, err := os.Lstat(final); err == nil {
		return exists
	}
	if err := os.Rename(tmp, final); err != nil {
		return domain.Wrap(domain.EINVALID, "The backup could not be given its name "+final+".", err)
	}
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// write streams the encrypted backup to w and returns its manifest.
//
// The manifest, written first, lists every table's size, checksum and row
// count, so the tables are read before anything is written: in parallel,
// by readers that each hold a read transaction of the same moment
// (storage.DB.Snapshots), and kept in memory (never on disk) up to a
// budget; beyond it a table is read a second time from the same snapshot
// while it is written.
func write(ctx context.Context, src Source, w io.Writer) (*Manifest, error) {
	snaps, err := src.DB.Snapshots(ctx, readers())
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, s := range snaps {
			s.Close()
		}
	}()
	snap := snaps[0]
	keys := src.Keys
	created := src.now().UTC().Truncate(time.Second)
	m := &Manifest{Format: Format, AppVersion: src.AppVersion, SchemaVersion: snap.SchemaVersion(),
		Created: created.Format(createdLayout), VaultID: keys.Info.VaultID}
	if !appVersionRe.MatchString(m.AppVersion) {
		m.AppVersion = "unknown"
	}
	kh := newHashCount()
	kh.Write(keys.KeyFile)
	m.Entries = append(m.Entries, Entry{Name: keyFileEntry, Size: kh.n, SHA256: kh.sum()})

	tables := snap.All()
	for _, sel := range tables {
		if !tableNameRe.MatchString(sel.Table.Name) {
			return nil, fmt.Errorf("backup: table name %q is outside the format", sel.Table.Name)
		}
	}
	read, err := readTables(ctx, src, snaps, tables)
	defer func() {
		for _, t := range read {
			t.release()
		}
	}()
	if err != nil {
		return nil, err
	}
	for i, sel := range tables {
		rows := read[i].rows
		m.Entries = append(m.Entries, Entry{Name: tablesDir + sel.Table.Name + tableExt, Size: read[i].size, SHA256: read[i].sum, Table: sel.Table.Name, Rows: &rows})
	}
	mb, err := m.marshal()
	if err != nil {
		return nil, err
	}

	rcp, err := age.ParseX25519Recipient(keys.Info.Recipient)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	aw, err := age.Encrypt(bw, rcp, &passphraseRecipient{slot: keys.Info.Slot, dataKey: keys.DataKey})
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(aw)
	hdr := func(name string, size int64) *tar.Header {
		return &tar.Header{Typeflag: tar.TypeReg, Name: name, Size: size, Mode: 0o600, ModTime: created, Format: tar.FormatUSTAR}
	}
	if err := tw.WriteHeader(hdr(manifestName, int64(len(mb)))); err != nil {
		return nil, err
	}
	if _, err := tw.Write(mb); err != nil {
		return nil, writeErr(err)
	}
	if err := tw.WriteHeader(hdr(keyFileEntry, int64(len(keys.KeyFile)))); err != nil {
		return nil, writeErr(err)
	}
	if _, err := tw.Write(keys.KeyFile); err != nil {
		return nil, writeErr(err)
	}
	for i, sel := range tables {
		src.progress("write", i, len(tables))
		e := m.Entries[i+1]
		if err := tw.WriteHeader(hdr(e.Name, e.Size)); err != nil {
			return nil, writeErr(err)
		}
		if t := read[i]; t.kept() {
			for _, p := range t.parts {
				for _, b := range p.kept.blocks {
					if _, err := tw.Write(b); err != nil {
						return nil, writeErr(err)
					}
				}
			}
			t.release()
			continue
		}
		hc := newHashCount()
		rows, _, err := writeTable(ctx, snap, sel, true, io.MultiWriter(tw, hc))
		if err != nil {
			return nil, writeErr(err)
		}
		if rows != *e.Rows || hc.n != e.Size || hc.sum() != e.SHA256 {
			return nil, fmt.Errorf("backup: table %s changed between two reads of one snapshot", sel.Table.Name)
		}
	}
	src.progress("write", len(tables), len(tables))
	if err := tw.Close(); err != nil {
		return nil, writeErr(err)
	}
	if err := aw.Close(); err != nil {
		return nil, writeErr(err)
	}
	if err := bw.Flush(); err != nil {
		return nil, writeErr(err)
	}
	return m, nil
}

// readers is how many tables are read at once: one per processor, at most
// three (each holds one of the database's four connections).
func readers() int {
	return max(1, min(runtime.GOMAXPROCS(0), maxReaders))
}

var maxReaders = 3

// tableRead is one table as the first pass read it.
type tableRead struct {
	size  int64
	sum   string
	rows  int64
	parts []*partRead // in rowid order; their kept bytes, concatenated, are the table's
}

// kept reports whether every part kept its bytes.
func (t *tableRead) kept() bool {
	for _, p := range t.parts {
		if !p.kept.ok() {
			return false
		}
	}
	return true
}

func (t *tableRead) release() {
	for _, p := range t.parts {
		p.kept.release()
	}
}

// partRead is a table or a rowid range of one.
type partRead struct {
	table int
	sel   storage.Selection
	head  bool // the part that begins with the table's description line
	rows  int64
	size  int64
	kept  *capBuffer
	done  chan struct{}
	err   error
}

// Tables with more rows than this are read in rowid ranges, by all the
// readers at once, so that one large table (a vault's history is most of
// it) does not leave the other processors idle.
var (
	partRows int64 = 2048
	maxParts int64 = 16
)

// readTables reads every table once, in parts that the snapshots' readers
// take in turn (the largest tables' parts first), keeping the bytes in
// memory up to the budget. Meanwhile a hasher takes the parts in the
// tables' order, as they are done, and sums each table. A table of which
// a part could not be kept (the budget ran out) is read once more, whole,
// to sum it; it is read a third time while it is written. Progress
// ("read", in tables) is reported from this goroutine only.
func readTables(ctx context.Context, src Source, snaps []*storage.Snapshot, tables []storage.Selection) ([]*tableRead, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	budget := &memBudget{left: memoryBudget}
	out := make([]*tableRead, len(tables))
	var parts []*partRead // in table order
	var size []int64      // a guess of each part's rows, for the order of work
	for i, sel := range tables {
		t := &tableRead{}
		out[i] = t
		lo, hi, ok := snaps[0].RowidRange(ctx, sel.Table)
		n := int64(1)
		if ok && hi-lo+1 > partRows {
			n = min(maxParts, (hi-lo+1+partRows-1)/partRows)
		}
		for k := int64(0); k < n; k++ {
			p := &partRead{table: i, sel: sel, head: k == 0, kept: &capBuffer{budget: budget}, done: make(chan struct{})}
			if n > 1 {
				from, to := lo+(hi-lo+1)*k/n, lo+(hi-lo+1)*(k+1)/n
				if k == 0 {
					from = math.MinInt64
				}
				if k == n-1 {
					to = math.MaxInt64
				}
				p.sel = sel.Rowids(from, to)
			}
			t.parts = append(t.parts, p)
			parts = append(parts, p)
			if ok {
				size = append(size, (hi-lo+1)/n)
			} else {
				size = append(size, 0)
			}
		}
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	jobs := make(chan *partRead, len(parts))
	for _, i := range order {
		jobs <- parts[i]
	}
	close(jobs)
	var wg sync.WaitGroup
	for _, snap := range snaps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				if p.err = ctx.Err(); p.err == nil {
					p.rows, p.size, p.err = writeTable(ctx, snap, p.sel, p.head, p.kept)
				}
				if p.err != nil {
					cancel()
				}
				close(p.done)
			}
		}()
	}
	// The hasher, in this goroutine: parts in the tables' order.
	var first error
	for i, t := range out {
		src.progress("read", i, len(tables))
		h := newHashCount()
		for _, p := range t.parts {
			<-p.done
			if p.err != nil && first == nil {
				first = p.err
			}
			if first != nil {
				continue
			}
			t.rows += p.rows
			t.size += p.size
			for _, b := range p.kept.blocks {
				h.Write(b)
			}
		}
		if first == nil && t.kept() {
			t.sum = h.sum()
		}
	}
	wg.Wait()
	if first != nil {
		return out, first
	}
	// Tables beyond the budget: summed by reading them again, whole.
	for i, t := range out {
		if t.kept() {
			continue
		}
		t.release()
		hc := newHashCount()
		rows, size, err := writeTable(ctx, snaps[0], tables[i], true, hc)
		if err != nil {
			return out, err
		}
		if rows != t.rows || size != t.size {
			return out, fmt.Errorf("backup: table %s changed between two reads of one snapshot", tables[i].Table.Name)
		}
		t.sum = hc.sum()
	}
	src.progress("read", len(tables), len(tables))
	return out, nil
}

func writeErr(err error) error {
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return domain.Wrap(domain.EINVALID, "The backup could not be written (is the disk full, or the drive disconnected?). Nothing was changed.", err)
}

// writeTable writes one table (or part of one) as JSON Lines: with head,
// its description line first. It returns the rows and bytes written.
func writeTable(ctx context.Context, snap *storage.Snapshot, sel storage.Selection, head bool, w io.Writer) (rows, size int64, err error) {
	hc := &countWriter{w: w}
	bw := bufio.NewWriterSize(hc, 64<<10)
	var line []byte
	if head {
		line = appendString(append(line, `{"table":`...), sel.Table.Name)
		line = append(line, `,"columns":[`...)
		for i, c := range sel.Table.Columns {
			if i > 0 {
				line = append(line, ',')
			}
			line = appendString(line, c)
		}
		line = append(line, "]}\n"...)
		if _, err := bw.Write(line); err != nil {
			return 0, 0, err
		}
	}
	rows, err = snap.Scan(ctx, sel, func(row []any) error {
		var err error
		if line, err = appendRow(line[:0], row); err != nil {
			return fmt.Errorf("table %s: %w", sel.Table.Name, err)
		}
		_, err = bw.Write(line)
		return err
	})
	if err != nil {
		return rows, 0, err
	}
	if err := bw.Flush(); err != nil {
		return rows, 0, err
	}
	return rows, hc.n, nil
}

// countWriter counts what it passes on.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// memoryBudget is how much of a backup's plaintext is kept in memory
// between the two passes.
var memoryBudget = 128 << 20

// memBudget is shared by the tables read at once.
type memBudget struct {
	mu   sync.Mutex
	left int
}

// take reserves n bytes, or reports that they are not left.
func (m *memBudget) take(n int) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if n > m.left {
		return false
	}
	m.left -= n
	return true
}

func (m *memBudget) give(n int) {
	m.mu.Lock()
	m.left += n
	m.mu.Unlock()
}

// capBuffer keeps what is written to it while the shared budget lasts; once
// it runs out, it drops what it kept and keeps nothing more. It keeps its
// bytes in blocks (of growing size, up to 1 MiB), so that keeping a large
// table never copies what it already holds.
type capBuffer struct {
	budget   *memBudget
	blocks   [][]byte
	held     int // bytes of the budget taken
	overflow bool
}

const (
	firstBlock = 16 << 10
	maxBlock   = 1 << 20
)

func (c *capBuffer) Write(p []byte) (int, error) {
	if c.overflow {
		return len(p), nil
	}
	if !c.budget.take(len(p)) {
		c.overflow = true
		c.release()
		return len(p), nil
	}
	c.held += len(p)
	rest := p
	for len(rest) > 0 {
		var last []byte
		if n := len(c.blocks); n > 0 {
			last = c.blocks[n-1]
		}
		if last == nil || len(last) == cap(last) {
			size := firstBlock
			if last != nil {
				size = min(2*cap(last), maxBlock)
			}
			c.blocks = append(c.blocks, make([]byte, 0, size))
			last = c.blocks[len(c.blocks)-1]
		}
		k := min(len(rest), cap(last)-len(last))
		c.blocks[len(c.blocks)-1] = append(last, rest[:k]...)
		rest = rest[k:]
	}
	return len(p), nil
}

func (c *capBuffer) ok() bool { return !c.overflow }

// release wipes and drops the kept bytes, and gives back their budget.
// Idempotent.
func (c *capBuffer) release() {
	for _, b := range c.blocks {
		wipe(b)
	}
	c.blocks = nil
	if c.held > 0 {
		c.budget.give(c.held)
		c.held = 0
	}
}
