package backup

import (
	"archive/tar"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

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
