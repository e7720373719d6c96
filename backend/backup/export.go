package backup

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// ExportFormat names the export's format and version.
const ExportFormat = "tandem-export/v1"

// Export writes the canonical JSON export of the whole vault (clientID 0)
// or of one client: every table (one client: the client's row, every row
// with its client_id, and the rows that belong to those, such as a plan
// item's revisions; see storage.Snapshot.Client), each row an object with
// its columns in the table's order, one row per line, rows in canonical
// order, tables by name. It holds no time of its own, so identical records
// give identical bytes. Values are written as in a backup
// (docs/backup-format.md, section 3.3).
func Export(ctx context.Context, db *storage.DB, w io.Writer, clientID int64) error {
	snap, err := db.Snapshot(ctx)
	if err != nil {
		return err
	}
	defer snap.Close()
	sels := snap.All()
	if clientID != 0 {
		if sels, err = snap.Client(ctx, clientID); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	b := append([]byte(nil), "{\n  \"format\": "...)
	b = appendString(b, ExportFormat)
	if clientID == 0 {
		b = append(b, ",\n  \"scope\": \"vault\""...)
	} else {
		b = append(b, ",\n  \"scope\": \"client\",\n  \"client_id\": "...)
		b = strconv.AppendInt(b, clientID, 10)
	}
	b = append(b, ",\n  \"schema_version\": "...)
	b = strconv.AppendInt(b, int64(snap.SchemaVersion()), 10)
	b = append(b, ",\n  \"tables\": {"...)
	bw.Write(b)
	first := true
	for _, sel := range sels {
		if sel.Table.Name == storage.SequenceTable {
			continue
		}
		b = b[:0]
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, "\n    "...)
		b = appendString(b, sel.Table.Name)
		b = append(b, ": ["...)
		bw.Write(b)
		cols := sel.Table.Columns
		var written int64
		n, err := snap.Scan(ctx, sel, func(row []any) error {
			b = b[:0]
			if written > 0 {
				b = append(b, ',')
			}
			written++
			b = append(b, "\n      {"...)
			for i, v := range row {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = appendString(b, cols[i])
				b = append(b, ": "...)
				var err error
				if b, err = appendValue(b, v); err != nil {
					return err
				}
			}
			b = append(b, '}')
			_, err := bw.Write(b)
			return err
		})
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString("\n    ]")
		} else {
			bw.WriteString("]")
		}
	}
	bw.WriteString("\n  }\n}\n")
	return bw.Flush()
}

// ExportFile writes the export to path, which must not exist, through a
// temporary file in the same folder (mode 0600).
func ExportFile(ctx context.Context, db *storage.DB, path string, clientID int64) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(abs); err == nil {
		return domain.Errorf(domain.EEXISTS, "%s already exists; Tandem does not overwrite it.", abs)
	}
	f, err := os.CreateTemp(filepath.Dir(abs), ".tandem-export-*.tmp")
	if err != nil {
		return domain.Wrap(domain.EINVALID, "Tandem cannot write in "+filepath.Dir(abs)+".", err)
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
	if err := Export(ctx, db, f, clientID); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return domain.Wrap(domain.EINVALID, "The export could not be written (is the disk full?).", err)
	}
	if err := f.Close(); err != nil {
		return domain.Wrap(domain.EINVALID, "The export could not be written.", err)
	}
	if err := placeNoReplace(tmp, abs); err != nil {
		return err
	}
	ok = true
	syncDir(filepath.Dir(abs))
	return nil
}
