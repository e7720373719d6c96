package backup

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"os"
	"time"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// Unlock says how to open a backup. Set exactly one field.
type Unlock struct {
	Passphrase  string // the passphrase in force when the backup was made
	RecoveryKey string // AGE-SECRET-KEY-1…, or a recovery key file's content
	DataKey     []byte // the vault's data key, held by an unlocked Tandem
}

func (u Unlock) identity(into *unlocked) (*identity, error) {
	n := 0
	for _, set := range []bool{u.Passphrase != "", u.RecoveryKey != "", u.DataKey != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return nil, domain.Errorf(domain.EINVALID, "Give either the passphrase or the recovery key.")
	}
	id := &identity{u: into, passphrase: u.Passphrase, dataKey: u.DataKey}
	if u.RecoveryKey != "" {
		rk, err := vault.ParseRecoveryKey(u.RecoveryKey)
		if err != nil {
			return nil, err
		}
		id.recovery = rk
	}
	return id, nil
}

// Info is what a backup holds, as reading it found.
type Info struct {
	Created       time.Time
	AppVersion    string
	SchemaVersion int
	VaultID       string
	Tables        []TableCount
	OpenedWith    string // "passphrase", "recovery key" or "data key"

	manifest *Manifest // as read
}

// TableCount is one table's number of rows.
type TableCount struct {
	Table string
	Rows  int64
}

// Rows returns the number of rows of a table, 0 when absent.
func (i *Info) Rows(table string) int64 {
	for _, t := range i.Tables {
		if t.Table == table {
			return t.Rows
		}
	}
	return 0
}

// sink receives what is read, as it is read; nothing it receives is
// trustworthy until read returns without error.
type sink interface {
	begin(m *Manifest, keyFile, dataKey []byte) error
	table(name string, columns []string) (rowSink, error)
}

type rowSink interface {
	insert(row []any) error
	close() error
}

// streamErr remembers the first error of the decrypted stream, so that a
// failure can be told apart from a malformed tar stream.
type streamErr struct {
	r   io.Reader
	err error
}

func (s *streamErr) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

func (s *streamErr) explain() error {
	switch {
	case s.err == nil:
		return nil
	case errors.Is(s.err, io.ErrUnexpectedEOF):
		return damagedf("the file ends too early (it is incomplete)")
	case bytes.Contains([]byte(s.err.Error()), []byte("trailing data")):
		return damagedf("there are extra bytes after its end")
	default:
		return damagedf("part of the file was changed or damaged")
	}
}

// Verify reads the backup file completely and checks everything the format
// requires. It writes nothing.
func Verify(ctx context.Context, path string, u Unlock) (*Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup file "+path+" could not be opened.", err)
	}
	defer f.Close()
	info, dk, err := read(ctx, f, u, nil)
	wipe(dk)
	return info, err
}

// VerifyReader is Verify on a stream.
func VerifyReader(ctx context.Context, r io.Reader, u Unlock) (*Info, error) {
	info, dk, err := read(ctx, r, u, nil)
	wipe(dk)
	return info, err
}

// read decrypts and checks a backup, handing what it reads to sk (nil:
// only check). It returns the data key (from the passphrase stanza, or
// from the key file's recovery slot); the caller wipes it.
func read(ctx context.Context, src io.Reader, u Unlock, sk sink) (*Info, []byte, error) {
	return readMode(ctx, src, u, sk, false)
}

// readMode is read; light (with no sink) checks each table by its size,
// checksum and number of lines only, without decoding its rows: enough for
// the file that Create has just written from rows it encoded itself (see
// verifyWritten), and much faster.
func readMode(ctx context.Context, src io.Reader, u Unlock, sk sink, light bool) (*Info, []byte, error) {
	var un unlocked
	id, err := u.identity(&un)
	if err != nil {
		return nil, nil, err
	}
	ar, err := age.Decrypt(bufio.NewReaderSize(src, 64<<10), id)
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			return nil, nil, err
		}
		if bytes.Contains([]byte(err.Error()), []byte("header MAC")) {
			return nil, nil, damagedf("its header was changed")
		}
		return nil, nil, damagedf("it is not a Tandem backup, or its beginning is damaged")
	}
	pf := newPrefetch(ar)
	defer pf.Close()
	return readPlainMode(ctx, pf, &un, id, sk, light)
}

// readPlain reads the decrypted tar stream, once the header was opened.
func readPlain(ctx context.Context, plain io.Reader, un *unlocked, id *identity, sk sink) (*Info, []byte, error) {
	return readPlainMode(ctx, plain, un, id, sk, false)
}

func readPlainMode(ctx context.Context, plain io.Reader, un *unlocked, id *identity, sk sink, light bool) (*Info, []byte, error) {
	stream := &streamErr{r: plain}
	r := &reader{ctx: ctx, tr: tar.NewReader(stream), stream: stream, sink: sk, un: un, id: id, light: light && sk == nil}
	info, err := r.run()
	if err != nil {
		wipe(r.dataKey)
		if se := stream.explain(); se != nil {
			return nil, nil, se
		}
		return nil, nil, err
	}
	info.OpenedWith = un.with
	return info, r.dataKey, nil
}

type reader struct {
	ctx     context.Context
	tr      *tar.Reader
	stream  *streamErr
	sink    sink
	un      *unlocked
	id      *identity
	dataKey []byte
	light   bool
	// schema is the dump tables of the backup's schema version, which a
	// verify holds each table to as a restore does (storage.DumpTablesAt).
	schema map[string]storage.Table
}

// next reads the next tar header and checks it is the regular file name.
func (r *reader) next(name string, size int64) error {
	h, err := r.tr.Next()
	if err == io.EOF {
		return damagedf("the entry %s is missing", name)
	}
	if err != nil {
		return damagedf("its content is not a valid archive")
	}
	if h.Typeflag != tar.TypeReg || h.Name != name {
		return damagedf("it holds an unexpected entry where %s should be", name)
	}
	if size >= 0 && h.Size != size {
		return damagedf("the entry %s does not have the size its manifest says", name)
	}
	return nil
}

func (r *reader) run() (*Info, error) {
	if err := r.next(manifestName, -1); err != nil {
		return nil, err
	}
	mb, err := io.ReadAll(io.LimitReader(r.tr, maxManifest+1))
	if err != nil {
		return nil, damagedf("its manifest could not be read")
	}
	if len(mb) > maxManifest {
		return nil, damagedf("its manifest is too large")
	}
	m, err := parseManifest(mb, storage.SchemaVersion())
	if err != nil {
		return nil, err
	}
	if m.VaultID != r.un.stanza.slot.VaultID {
		return nil, damagedf("its manifest and its header name different vaults")
	}
	if r.sink == nil && !r.light {
		if r.schema, err = storage.DumpTablesAt(r.ctx, m.SchemaVersion); err != nil {
			return nil, domain.Wrap(domain.EINTERNAL, "Tandem could not check the backup against its records' format.", err)
		}
	}

	// The key file.
	ke := m.Entries[0]
	if err := r.next(keyFileEntry, ke.Size); err != nil {
		return nil, err
	}
	kb, err := io.ReadAll(io.LimitReader(r.tr, maxKeyFile+1))
	if err != nil || int64(len(kb)) != ke.Size {
		return nil, damagedf("its key file could not be read")
	}
	if sum := sha256.Sum256(kb); hexSum(sum[:]) != ke.SHA256 {
		return nil, damagedf("the checksum of its key file does not match")
	}
	kinfo, err := vault.ParseKeyFile(kb)
	if err != nil {
		return nil, damagedf("its key file is not valid")
	}
	if kinfo.VaultID != m.VaultID {
		return nil, damagedf("its key file belongs to another vault")
	}
	switch {
	case r.id.recovery != nil:
		if kinfo.Recipient != r.id.recovery.Recipient().String() {
			return nil, damagedf("its key file does not match its recovery key")
		}
		dk, err := vault.OpenRecovery(kb, r.id.recovery)
		if err != nil {
			return nil, damagedf("its key file does not open with its recovery key")
		}
		r.dataKey = dk
	default:
		if !kinfo.Slot.Equal(r.un.stanza.slot) {
			return nil, damagedf("its key file does not match its header")
		}
		r.dataKey = r.un.dataKey
		r.un.dataKey = nil
	}
	if err := vault.CheckKeyFile(kb, r.dataKey); err != nil {
		return nil, damagedf("its key file does not match its data key")
	}
	if r.sink != nil {
		if err := r.sink.begin(m, kb, r.dataKey); err != nil {
			return nil, err
		}
	}

	created, _ := time.Parse(createdLayout, m.Created)
	info := &Info{Created: created, AppVersion: m.AppVersion, SchemaVersion: m.SchemaVersion, VaultID: m.VaultID, manifest: m}
	for _, e := range m.Entries[1:] {
		if err := r.ctx.Err(); err != nil {
			return nil, err
		}
		if err := r.next(e.Name, e.Size); err != nil {
			return nil, err
		}
		if err := r.table(e); err != nil {
			return nil, err
		}
		info.Tables = append(info.Tables, TableCount{Table: e.Table, Rows: *e.Rows})
	}
	if _, err := r.tr.Next(); err != io.EOF {
		if err == nil {
			return nil, damagedf("it holds an entry its manifest does not list")
		}
		return nil, damagedf("its content is not a valid archive")
	}
	// After the end of the archive: only zeros, then the end of the file.
	rest, err := io.ReadAll(io.LimitReader(r.stream, maxTrailing+1))
	if err != nil {
		return nil, damagedf("part of the file was changed or damaged")
	}
	if len(rest) > maxTrailing || bytes.ContainsFunc(rest, func(c rune) bool { return c != 0 }) {
		return nil, damagedf("there is data after its end")
	}
	return info, nil
}

// lineReader reads lines of at most maxLine bytes.
type lineReader struct {
	br  *bufio.Reader
	buf []byte
}

// line returns the next line without its line feed; io.EOF at the end; an
// error for a last line without line feed or a line too long.
func (l *lineReader) line() ([]byte, error) {
	l.buf = l.buf[:0]
	for {
		part, err := l.br.ReadSlice('\n')
		l.buf = append(l.buf, part...)
		if len(l.buf) > maxLine+1 {
			return nil, errors.New("a line is too long")
		}
		switch {
		case err == nil:
			return l.buf[:len(l.buf)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(l.buf) == 0:
			return nil, io.EOF
		case err == io.EOF:
			return nil, errors.New("the last line does not end")
		default:
			return nil, err
		}
	}
}

func (r *reader) table(e Entry) error {
	h := sha256.New()
	lr := &lineReader{br: bufio.NewReaderSize(io.TeeReader(r.tr, h), 256<<10)}
	fail := func(detail string) error {
		return damagedf("the table %s is not valid (%s)", e.Table, detail)
	}
	first, err := lr.line()
	if err != nil {
		if r.stream.err != nil {
			return r.stream.explain()
		}
		return fail("no description line")
	}
	if err := exactMembers(first, []string{"table", "columns"}, nil); err != nil {
		return fail(err.Error())
	}
	var head struct {
		Table   string   `json:"table"`
		Columns []string `json:"columns"`
	}
	if err := json.Unmarshal(first, &head); err != nil || head.Table != e.Table || len(head.Columns) < 1 || len(head.Columns) > maxColumns {
		return fail("its description line")
	}
	seen := map[string]bool{}
	for _, c := range head.Columns {
		if c == "" || seen[c] {
			return fail("its columns")
		}
		seen[c] = true
	}
	if r.light {
		return r.countLines(e, lr, h)
	}
	// What a restore refuses, a verify refuses too, with the same words.
	if r.schema != nil {
		if err := storage.CheckDumpTable(r.schema, e.Table, head.Columns); err != nil {
			return damagedf("its records do not fit (%v)", err)
		}
	}
	var rs rowSink
	if r.sink != nil {
		if rs, err = r.sink.table(e.Table, head.Columns); err != nil {
			return err
		}
		defer rs.close()
	}
	var rows int64
	for {
		line, err := lr.line()
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.stream.err != nil {
				return r.stream.explain()
			}
			return fail(err.Error())
		}
		row, err := parseRow(line, len(head.Columns))
		if err != nil {
			return fail(err.Error())
		}
		rows++
		if rows > *e.Rows {
			return damagedf("the table %s has more rows than its manifest says", e.Table)
		}
		if rs != nil {
			if err := rs.insert(row); err != nil {
				return err
			}
		}
	}
	if rows != *e.Rows {
		return damagedf("the table %s has %d rows where its manifest says %d", e.Table, rows, *e.Rows)
	}
	if got := hexSum(h.Sum(nil)); got != e.SHA256 {
		return damagedf("the checksum of the table %s does not match", e.Table)
	}
	return nil
}

// countLines is the light check of a table after its description line: the
// rest is lines (ending with a line feed) as many as the manifest's rows,
// and the whole entry has the manifest's checksum.
func (r *reader) countLines(e Entry, lr *lineReader, h hash.Hash) error {
	var rows int64
	last := byte('\n')
	buf := make([]byte, 256<<10)
	for {
		n, err := lr.br.Read(buf)
		if n > 0 {
			rows += int64(bytes.Count(buf[:n], []byte{'\n'}))
			last = buf[n-1]
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.stream.err != nil {
				return r.stream.explain()
			}
			return damagedf("the table %s could not be read", e.Table)
		}
	}
	if last != '\n' {
		return damagedf("the table %s is not valid (the last line does not end)", e.Table)
	}
	if rows != *e.Rows {
		return damagedf("the table %s has %d rows where its manifest says %d", e.Table, rows, *e.Rows)
	}
	if got := hexSum(h.Sum(nil)); got != e.SHA256 {
		return damagedf("the checksum of the table %s does not match", e.Table)
	}
	return nil
}

// hashCount is an io.Writer that hashes and counts what it is given.
type hashCount struct {
	h hash.Hash
	n int64
}

func (w *hashCount) Write(p []byte) (int, error) {
	w.h.Write(p)
	w.n += int64(len(p))
	return len(p), nil
}

func newHashCount() *hashCount { return &hashCount{h: sha256.New()} }

func (w *hashCount) sum() string { return hexSum(w.h.Sum(nil)) }
