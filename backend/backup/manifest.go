package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"tandem/backend/domain"
)

// The manifest (docs/backup-format.md, section 3.1).

const (
	// Format is the inner magic and version of the files this package writes.
	Format        = "tandem-backup/v1"
	formatPrefix  = "tandem-backup/v"
	manifestName  = "manifest.json"
	keyFileEntry  = "tandem.key"
	tablesDir     = "tables/"
	tableExt      = ".jsonl"
	maxManifest   = 1 << 20
	maxKeyFile    = 64 << 10
	maxEntries    = 4096
	maxLine       = 64 << 20
	maxColumns    = 2000
	maxTrailing   = 1 << 20
	createdLayout = "2006-01-02T15:04:05Z"
)

var (
	tableNameRe  = regexp.MustCompile(`^[a-z0-9_]{1,64}$`)
	sha256Re     = regexp.MustCompile(`^[0-9a-f]{64}$`)
	appVersionRe = regexp.MustCompile(`^[\x21-\x7e]{1,64}$`)
)

// Manifest is manifest.json.
type Manifest struct {
	Format        string  `json:"format"`
	AppVersion    string  `json:"app_version"`
	SchemaVersion int     `json:"schema_version"`
	Created       string  `json:"created"`
	VaultID       string  `json:"vault_id"`
	Entries       []Entry `json:"entries"`
}

// Entry is one entry of the manifest.
type Entry struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	Table  string `json:"table,omitempty"`
	Rows   *int64 `json:"rows,omitempty"`
}

func (m *Manifest) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// exactMembers checks that a JSON object has exactly the required members
// and at most the optional ones.
func exactMembers(raw []byte, required, optional []string) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return errors.New("not a JSON object")
	}
	for _, k := range required {
		if _, ok := obj[k]; !ok {
			return fmt.Errorf("member %q is missing", k)
		}
	}
	for k := range obj {
		found := false
		for _, a := range append(append([]string(nil), required...), optional...) {
			if k == a {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("unknown member %.40q", k)
		}
	}
	return nil
}

// parseManifest reads and checks manifest.json. maxSchema is the newest
// schema this build knows.
func parseManifest(b []byte, maxSchema int) (*Manifest, error) {
	bad := func(detail string) error { return damagedf("its manifest is not valid (%s)", detail) }
	// The format member first: a newer format may differ in everything else.
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, bad("not a JSON object")
	}
	if head.Format != Format {
		if rest, ok := strings.CutPrefix(head.Format, formatPrefix); ok && rest != "" && rest != "1" && strings.Trim(rest, "0123456789") == "" {
			return nil, domain.Errorf(domain.EVAULTNEWER, "This backup was made by a newer version of Tandem (format %.20s). Install the newer Tandem to read it; nothing was changed.", rest)
		}
		return nil, bad("it is not a Tandem backup manifest")
	}
	if err := exactMembers(b, []string{"format", "app_version", "schema_version", "created", "vault_id", "entries"}, nil); err != nil {
		return nil, bad(err.Error())
	}
	var raw struct {
		Entries []json.RawMessage `json:"entries"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, bad("entries are not a list")
	}
	if len(raw.Entries) < 1 || len(raw.Entries) > maxEntries {
		return nil, bad("wrong number of entries")
	}
	for _, e := range raw.Entries {
		if err := exactMembers(e, []string{"name", "size", "sha256"}, []string{"table", "rows"}); err != nil {
			return nil, bad("an entry: " + err.Error())
		}
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, bad("a member has the wrong type")
	}
	if dec.More() {
		return nil, bad("trailing data")
	}
	if m.SchemaVersion < 1 {
		return nil, bad("schema version")
	}
	if m.SchemaVersion > maxSchema {
		return nil, domain.Errorf(domain.EVAULTNEWER, "This backup was made by a newer version of Tandem (its records have format %d; this version knows up to %d). Install the newer Tandem to restore it; nothing was changed.", m.SchemaVersion, maxSchema)
	}
	if !appVersionRe.MatchString(m.AppVersion) {
		return nil, bad("app version")
	}
	if _, err := time.Parse(createdLayout, m.Created); err != nil {
		return nil, bad("creation time")
	}
	if !hexIDRe.MatchString(m.VaultID) {
		return nil, bad("vault id")
	}
	prev := ""
	for i, e := range m.Entries {
		if e.Size < 0 || !sha256Re.MatchString(e.SHA256) {
			return nil, bad("an entry's size or checksum")
		}
		if i == 0 {
			if e.Name != keyFileEntry || e.Table != "" || e.Rows != nil || e.Size > maxKeyFile {
				return nil, bad("the key file entry")
			}
			continue
		}
		name, ok := strings.CutPrefix(e.Name, tablesDir)
		if ok {
			name, ok = strings.CutSuffix(name, tableExt)
		}
		if !ok || !tableNameRe.MatchString(name) || e.Table != name || e.Rows == nil || *e.Rows < 0 {
			return nil, bad("a table entry")
		}
		if name <= prev {
			return nil, bad("tables out of order")
		}
		prev = name
	}
	return &m, nil
}
