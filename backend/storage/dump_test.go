package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
)

// extraSchema adds tables of every kind a dump must carry faithfully.
const extraSchema = `
CREATE TABLE t_values (id INTEGER PRIMARY KEY, v, at DATETIME, flag BOOLEAN);
CREATE TABLE t_norowid (a TEXT, b INTEGER, c TEXT, PRIMARY KEY (b, a)) WITHOUT ROWID;
CREATE TABLE t_plain (name TEXT, n INTEGER);
CREATE TABLE t_auto (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT);
CREATE TABLE t_log (id INTEGER PRIMARY KEY, what TEXT);
CREATE TRIGGER t_plain_logged AFTER INSERT ON t_plain BEGIN INSERT INTO t_log (what) VALUES ('inserted ' || new.name); END;
CREATE VIRTUAL TABLE t_search USING fts5 (name, content='t_plain', content_rowid='rowid');
CREATE TRIGGER t_plain_search AFTER INSERT ON t_plain BEGIN INSERT INTO t_search (rowid, name) VALUES (new.rowid, new.name); END;
`

func mustExec(t *testing.T, db *DB, q string, args ...any) {
	t.Helper()
	if _, err := db.sql.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

type dumped map[string][][]any

func dumpAll(t *testing.T, db *DB) (dumped, map[string][]string) {
	t.Helper()
	ctx := context.Background()
	s, err := db.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, cols := dumped{}, map[string][]string{}
	for _, sel := range s.All() {
		cols[sel.Table.Name] = sel.Table.Columns
		out[sel.Table.Name] = [][]any{}
		if _, err := s.Scan(ctx, sel, func(row []any) error {
			out[sel.Table.Name] = append(out[sel.Table.Name], append([]any(nil), row...))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	return out, cols
}

func TestDumpAndLoadKeepEveryValue(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	mustExec(t, db, extraSchema)
	values := []any{nil, int64(0), int64(math.MaxInt64), int64(math.MinInt64), 1.5, -0.25, 1e300, math.Inf(1), math.Inf(-1), 3.0,
		"", "plain", "Zoë 🌿 \"quoted\" \\ \n\t\x01", string([]byte{0xff, 0xfe, 'x'}), []byte{}, []byte{0, 1, 2, 255}}
	for i, v := range values {
		mustExec(t, db, `INSERT INTO t_values (id, v, at, flag) VALUES (?, ?, '2026-01-02 03:04:05', 1)`, i+1, v)
	}
	mustExec(t, db, `INSERT INTO t_norowid VALUES ('b', 2, 'x'), ('a', 2, 'y'), ('z', 1, 'z')`)
	mustExec(t, db, `INSERT INTO t_plain (rowid, name, n) VALUES (10, 'ten', 10), (3, 'three', 3)`)
	mustExec(t, db, `INSERT INTO t_auto (label) VALUES ('a'), ('b'), ('c')`)
	mustExec(t, db, `DELETE FROM t_auto WHERE id = 3`)
	mustExec(t, db, `INSERT INTO practice (id, name, updated_at) VALUES (1, 'P', 'now')`)

	before, cols := dumpAll(t, db)
	if _, ok := before["t_search"]; ok {
		t.Fatal("a full-text table was dumped")
	}
	for name := range before {
		if strings.HasPrefix(name, "t_search_") || name == "schema_migrations" {
			t.Fatalf("%s was dumped", name)
		}
	}
	if got := cols["t_plain"]; !reflect.DeepEqual(got, []string{"rowid", "name", "n"}) {
		t.Fatalf("t_plain columns %v", got)
	}
	if got := before["t_norowid"]; got[0][1] != int64(1) || got[1][0] != "a" {
		t.Fatalf("WITHOUT ROWID order: %v", got)
	}
	if at := before["t_values"][0][2]; at != "2026-01-02 03:04:05" {
		t.Fatalf("a DATETIME column came back as %T %v", at, at)
	}
	if got := before["t_log"]; len(got) != 2 {
		t.Fatalf("t_log %v", got)
	}
	if got := before[SequenceTable]; len(got) != 1 || got[0][2] != int64(3) {
		t.Fatalf("sqlite_sequence %v", got)
	}

	key := make([]byte, KeySize)
	rand.Read(key)
	db2, err := CreateForRestore(ctx, filepath.Join(t.TempDir(), "restored.db"), key, SchemaVersion(), clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	mustExec(t, db2, extraSchema)
	mustExec(t, db2, `INSERT INTO practice (id, name, updated_at) VALUES (1, 'written by a migration', 'x')`)
	l, err := db2.Loader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tbl := range l.Tables() {
		tl, err := l.Table(ctx, tbl.Name, cols[tbl.Name])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range before[tbl.Name] {
			if err := tl.Insert(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		tl.Close()
	}
	if _, err := l.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := dumpAll(t, db2)
	if !reflect.DeepEqual(before, after) {
		for name := range before {
			if !reflect.DeepEqual(before[name], after[name]) {
				t.Errorf("%s:\n before %#v\n after  %#v", name, before[name], after[name])
			}
		}
	}
	var hits int
	if err := db2.sql.QueryRow(`SELECT count(*) FROM t_search WHERE t_search MATCH 'three'`).Scan(&hits); err != nil || hits != 1 {
		t.Fatalf("search after load: %d %v", hits, err)
	}
	mustExec(t, db2, `INSERT INTO t_plain (name, n) VALUES ('four', 4)`)
	var logs int
	db2.sql.QueryRow(`SELECT count(*) FROM t_log`).Scan(&logs)
	if logs != 3 {
		t.Fatalf("triggers after load: %d log rows, want 3", logs)
	}
	mustExec(t, db2, `INSERT INTO t_auto (label) VALUES ('d')`)
	var id int64
	db2.sql.QueryRow(`SELECT max(id) FROM t_auto`).Scan(&id)
	if id != 4 {
		t.Fatalf("AUTOINCREMENT counter not kept: next id %d", id)
	}
}

func TestLoadRefusesWhatDoesNotFit(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	for _, tc := range []struct {
		name string
		run  func(l *Loader) error
	}{
		{"an unknown table", func(l *Loader) error { _, err := l.Table(ctx, "nope", []string{"a"}); return err }},
		{"a missing column", func(l *Loader) error { _, err := l.Table(ctx, "settings", []string{"key"}); return err }},
		{"an unknown column", func(l *Loader) error { _, err := l.Table(ctx, "settings", []string{"key", "other"}); return err }},
		{"a missing table", func(l *Loader) error { _, err := l.Commit(ctx); return err }},
		{"a broken foreign key", func(l *Loader) error {
			for _, tbl := range l.Tables() {
				tl, _ := l.Table(ctx, tbl.Name, tbl.Columns)
				if tbl.Name == "client_identities" {
					if err := tl.Insert(ctx, []any{int64(1), int64(99), int64(0), "f", "d"}); err != nil {
						return err
					}
				}
				tl.Close()
			}
			_, err := l.Commit(ctx)
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := db.Loader(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer l.Rollback()
			if err := tc.run(l); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

func TestClientSelectionFollowsForeignKeys(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	a := mustClient(t, db, "Ada")
	b := mustClient(t, db, "Bea")
	s, err := db.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sels, err := s.Client(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, sel := range sels {
		names[sel.Table.Name] = true
		n, err := s.Scan(ctx, sel, func(row []any) error {
			if fmt.Sprint(row) == "" {
				return nil
			}
			for i, c := range sel.Table.Columns {
				if c == "client_id" && row[i] == b.ID {
					t.Errorf("%s: another client's row", sel.Table.Name)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if sel.Table.Name == "clients" && n != 1 {
			t.Fatalf("%d client rows", n)
		}
	}
	for _, want := range []string{"clients", "history", "plan_items", "plan_revisions", "agreements", "agreement_versions", "reflections"} {
		if !names[want] {
			t.Errorf("%s not selected (got %v)", want, names)
		}
	}
	for _, not := range []string{"practice", "settings"} {
		if names[not] {
			t.Errorf("%s selected for one client", not)
		}
	}
	if _, err := s.Client(ctx, 9999); err == nil {
		t.Fatal("a missing client was selected")
	}
}

// Snapshots taken for one dump see the same moment, even while another
// connection commits writes as fast as it can.
func TestSnapshotsSeeOneMoment(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	mustExec(t, db, `CREATE TABLE t_log (id INTEGER PRIMARY KEY, what TEXT)`)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			db.sql.Exec(`INSERT INTO t_log (what) VALUES (?)`, fmt.Sprint("row ", i))
			time.Sleep(time.Millisecond) // busier than a person
		}
	}()
	count := func(s *Snapshot) int64 {
		for _, sel := range s.All() {
			if sel.Table.Name == "t_log" {
				n, err := s.Scan(ctx, sel, func([]any) error { return nil })
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
		}
		t.Fatal("no t_log")
		return 0
	}
	seen := map[int64]bool{}
	for round := 0; round < 8; round++ {
		snaps, err := db.Snapshots(ctx, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 3 {
			t.Fatalf("%d snapshots", len(snaps))
		}
		// Let the writer go on before the snapshots are read.
		time.Sleep(2 * time.Millisecond)
		var want int64 = -1
		for _, s := range snaps {
			n := count(s)
			if want >= 0 && n != want {
				t.Fatalf("round %d: one snapshot sees %d rows, another %d", round, want, n)
			}
			want = n
			s.Close()
		}
		seen[want] = true
	}
	close(stop)
	<-done
	if len(seen) < 2 {
		t.Fatalf("the writer never committed between rounds (%v): the test proves nothing", seen)
	}
}

// A load turns foreign keys off on its connection and back on when it ends,
// committed or not: no connection of the pool is left without them.
func TestLoadLeavesForeignKeysOn(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	for _, commit := range []bool{true, false} {
		l, err := db.Loader(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range l.Tables() {
			tl, err := l.Table(ctx, tb.Name, tb.Columns)
			if err != nil {
				t.Fatal(err)
			}
			tl.Close()
		}
		if commit {
			if _, err := l.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		} else {
			l.Rollback()
		}
		var conns []*sql.Conn
		for i := 0; i < 4; i++ {
			c, err := db.sql.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
			var on int
			if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&on); err != nil || on != 1 {
				t.Fatalf("commit %v: connection %d has foreign_keys %d (%v)", commit, i, on, err)
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
}

// A backup starting while the app is busy never makes a save fail: the
// snapshots take connections of their own and never wait for one while
// they hold the write lock. (When they shared the app's pool of four, a
// save holding one connection waited for the lock that Snapshots held
// while it waited for that connection, and failed after the busy timeout
// with "database is locked".)
func TestSnapshotsNeverStarveASave(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	mustExec(t, db, `CREATE TABLE t_log (id INTEGER PRIMARY KEY, what TEXT)`)
	for busy := 1; busy <= 4; busy++ {
		// The app has busy connections in use (pages loading, a save begun).
		var held []*sql.Conn
		for range busy {
			c, err := db.sql.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			held = append(held, c)
		}
		type result struct {
			snaps []*Snapshot
			err   error
		}
		started := make(chan result, 1)
		go func() {
			snaps, err := db.Snapshots(ctx, 3)
			started <- result{snaps, err}
		}()
		// Let the snapshots begin (or, as before, take the lock and wait).
		time.Sleep(100 * time.Millisecond)
		for i, c := range held {
			if _, err := c.ExecContext(ctx, `INSERT INTO t_log (what) VALUES (?)`, fmt.Sprint("save ", i)); err != nil {
				t.Fatalf("%d connections busy: a save during the backup's start failed: %v", busy, err)
			}
			c.Close()
		}
		r := <-started
		if r.err != nil {
			t.Fatalf("%d connections busy: snapshots: %v", busy, r.err)
		}
		if len(r.snaps) != 3 {
			t.Fatalf("%d snapshots, want 3", len(r.snaps))
		}
		// While the snapshots are open, the app's four connections are all
		// free: a page can load while a save is under way.
		waitCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		var app []*sql.Conn
		for range 4 {
			c, err := db.sql.Conn(waitCtx)
			if err != nil {
				t.Fatalf("%d of the app's connections free while a backup reads: %v", len(app), err)
			}
			app = append(app, c)
		}
		cancel()
		for i, c := range app {
			if _, err := c.ExecContext(ctx, `INSERT INTO t_log (what) VALUES (?)`, fmt.Sprint("during ", i)); err != nil {
				t.Fatalf("a save while the snapshots are open: %v", err)
			}
			c.Close()
		}
		for _, s := range r.snaps {
			s.Close()
		}
	}
}
