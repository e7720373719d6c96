package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"tandem/backend/domain"
)

// The instruments a measure is taken on: the built-in ones, from package
// domain, and the therapist's own, in the instruments table with every
// version kept in instrument_versions (migration 0014, docs/measures.md).

// decodeStrict decodes exactly one JSON value from s into v, refusing
// fields v does not have and anything after the value.
func decodeStrict(s string, v any) error {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

// readDefinition decodes a stored definition strictly and validates it: it
// must be a valid instrument with the key and version stored beside it.
func readDefinition(def, key string, version int) (domain.Instrument, error) {
	var in domain.Instrument
	if err := decodeStrict(def, &in); err != nil {
		return in, fmt.Errorf("decode definition: %w", err)
	}
	if err := in.Validate(); err != nil {
		return in, fmt.Errorf("definition: %w", err)
	}
	if in.Key != key || in.Version != version {
		return in, fmt.Errorf("definition of %s version %d stored as %s version %d", in.Key, in.Version, key, version)
	}
	return in, nil
}

// ownInstrument is a row of the instruments table, its definition read.
type ownInstrument struct {
	id      int64
	def     domain.Instrument
	retired bool
}

// ownInstruments reads the therapist's instruments matching where, in the
// order they were first saved. A definition that cannot be read is
// EVAULTDAMAGED, naming its key.
func ownInstruments(ctx context.Context, q querier, where string, args ...any) ([]ownInstrument, error) {
	var out []ownInstrument
	err := eachRow(ctx, q, "read instruments", `SELECT id, key, version, definition, retired_at <> '' FROM instruments WHERE `+where+` ORDER BY id`, func(rows *sql.Rows) error {
		var o ownInstrument
		var key, def string
		var version int
		if err := rows.Scan(&o.id, &key, &version, &def, &o.retired); err != nil {
			return err
		}
		var err error
		if o.def, err = readDefinition(def, key, version); err != nil {
			return domain.Wrap(domain.EVAULTDAMAGED, fmt.Sprintf("Your instrument \"%s\" could not be read: its stored definition is damaged. Restore the vault from a backup.", key), err)
		}
		out = append(out, o)
		return nil
	}, args...)
	return out, err
}

// Instruments returns the instruments a new measure can be taken on: the
// built-in ones first, then the therapist's own that are not retired, in
// the order they were first saved, each at its current version.
func (db *DB) Instruments(ctx context.Context) ([]domain.Instrument, error) {
	out := domain.BuiltInInstruments()
	own, err := ownInstruments(ctx, db.sql, `retired_at = ''`)
	for _, o := range own {
		out = append(out, o.def)
	}
	return out, err
}

// Instrument returns the current definition of the instrument with key,
// built in or the therapist's own (retired or not). ENOTFOUND when there
// is none.
func (db *DB) Instrument(ctx context.Context, key string) (domain.Instrument, error) {
	in, _, err := instrument(ctx, db.sql, key)
	return in, err
}

// instrument is Instrument inside q, also saying whether it is retired.
func instrument(ctx context.Context, q querier, key string) (domain.Instrument, bool, error) {
	key = strings.TrimSpace(key)
	if in, ok := domain.BuiltInInstrument(key); ok {
		return in, false, nil
	}
	own, err := ownInstruments(ctx, q, `key = ?`, key)
	if err != nil {
		return domain.Instrument{}, false, err
	}
	if len(own) == 0 {
		return domain.Instrument{}, false, domain.Errorf(domain.ENOTFOUND, "Tandem has no questionnaire with the key \"%s\".", key)
	}
	return own[0].def, own[0].retired, nil
}

// instrumentInUse is the current definition of the instrument a new
// measure or schedule names by key: refused (EINVALID, field) when there is
// none or it is retired.
func instrumentInUse(ctx context.Context, q querier, key, field string) (domain.Instrument, error) {
	in, retired, err := instrument(ctx, q, key)
	switch {
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		return in, domain.FieldError(field, "Choose one of the questionnaires Tandem offers.")
	case err != nil:
		return in, err
	case retired:
		return in, domain.FieldError(field, "The questionnaire \""+in.Name+"\" is retired. Choose another.")
	}
	return in, nil
}

// SaveInstrument saves an instrument of the therapist's and returns it as
// stored. With Key "" it is a new one, given the key own-N; with a key not
// yet used, a new one under that key; with the key of one of theirs, its
// next version: the definition becomes the current one for new measures,
// the previous one stays in instrument_versions, and measures already taken
// keep the definition they were answered on. Saving a definition identical
// to the current one changes nothing. The caller's Version is ignored. It
// refuses (EINVALID) a built-in key, BuiltIn set, a retired instrument and
// anything Instrument.Validate refuses. Recorded in the history.
func (db *DB) SaveInstrument(ctx context.Context, in domain.Instrument) (domain.Instrument, error) {
	in.Key = strings.TrimSpace(in.Key)
	if _, builtIn := domain.BuiltInInstrument(in.Key); builtIn || in.BuiltIn {
		return domain.Instrument{}, domain.FieldError("key", "The built-in questionnaires cannot be changed. To use other wording, define your own questionnaire under a new key.")
	}
	var out domain.Instrument
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if in.Key == "" {
			var n int64
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM instruments`).Scan(&n); err != nil {
				return err
			}
			for taken := true; taken; n++ {
				in.Key = fmt.Sprintf("own-%d", n)
				if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM instruments WHERE key = ?)`, in.Key).Scan(&taken); err != nil {
					return err
				}
			}
		}
		own, err := ownInstruments(ctx, tx, `key = ?`, in.Key)
		if err != nil {
			return err
		}
		in.Version = 1
		if len(own) > 0 {
			in.Version = own[0].def.Version + 1
		}
		if err := in.Validate(); err != nil {
			return err
		}
		now := db.stamp()
		if len(own) == 0 {
			def, err := toJSON(in)
			if err != nil {
				return err
			}
			id, err := lastID(tx.ExecContext(ctx, `INSERT INTO instruments (key, version, definition, created_at, updated_at) VALUES (?, 1, ?, ?, ?)`, in.Key, def, now, now))
			if err != nil {
				return fmt.Errorf("add instrument: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO instrument_versions (instrument_id, version, definition, created_at) VALUES (?, 1, ?, ?)`, id, def, now); err != nil {
				return fmt.Errorf("add instrument: %w", err)
			}
			out = in
			return db.record(ctx, tx, domain.ByTherapist, 0, "instrument", id, "create", nil, in)
		}
		before := own[0]
		if before.retired {
			return domain.FieldError("key", "The questionnaire \""+before.def.Name+"\" is retired; it cannot be changed.")
		}
		same := before.def
		same.Version = in.Version
		def, err := toJSON(in)
		if err != nil {
			return err
		}
		if was, err := toJSON(same); err == nil && was == def {
			out = before.def
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE instruments SET version = ?, definition = ?, updated_at = ? WHERE id = ?`, in.Version, def, now, before.id); err != nil {
			return fmt.Errorf("change instrument: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO instrument_versions (instrument_id, version, definition, created_at) VALUES (?, ?, ?, ?)`, before.id, in.Version, def, now); err != nil {
			return fmt.Errorf("change instrument: %w", err)
		}
		out = in
		return db.record(ctx, tx, domain.ByTherapist, 0, "instrument", before.id, "revise", before.def, in)
	})
	return out, err
}

// toJSON is v as JSON, for a column. A value JSON cannot hold (a number
// that is not finite) is refused as EINVALID.
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", domain.Wrap(domain.EINVALID, "Something in this could not be saved: check that every number is an ordinary number.", err)
	}
	return string(b), nil
}

// RetireInstrument takes an instrument of the therapist's out of use: it
// is offered for no new measure or schedule, and Today no longer lists
// measures due on it. The measures taken on it, and its versions, stay.
// Idempotent. A built-in key is refused (EINVALID), an unknown one is
// ENOTFOUND. Recorded in the history.
func (db *DB) RetireInstrument(ctx context.Context, key string) error {
	key = strings.TrimSpace(key)
	if _, ok := domain.BuiltInInstrument(key); ok {
		return domain.FieldError("key", "The built-in questionnaires cannot be retired.")
	}
	own, err := ownInstruments(ctx, db.sql, `key = ?`, key)
	if err != nil {
		return err
	}
	if len(own) == 0 {
		return domain.Errorf(domain.ENOTFOUND, "Tandem has no questionnaire with the key \"%s\".", key)
	}
	if own[0].retired {
		return nil
	}
	return db.changePractice(ctx, "instrument", own[0].id, "retire", own[0].def, func(tx *sql.Tx) (any, error) {
		_, err := tx.ExecContext(ctx, `UPDATE instruments SET retired_at = ?, updated_at = ? WHERE id = ? AND retired_at = ''`, db.stamp(), db.stamp(), own[0].id)
		return nil, err
	})
}

// instrumentLabels names every instrument Today may mention by its key:
// its short name (else its name), and whether it is retired.
func instrumentLabels(ctx context.Context, q querier) (map[string]instrumentLabel, error) {
	out := map[string]instrumentLabel{}
	for _, in := range domain.BuiltInInstruments() {
		out[in.Key] = instrumentLabel{name: label(in)}
	}
	own, err := ownInstruments(ctx, q, `1`)
	for _, o := range own {
		out[o.def.Key] = instrumentLabel{name: label(o.def), retired: o.retired}
	}
	return out, err
}

type instrumentLabel struct {
	name    string
	retired bool
}

func label(in domain.Instrument) string {
	if in.ShortName != "" {
		return in.ShortName
	}
	return in.Name
}
