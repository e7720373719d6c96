package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"tandem/backend/domain"
)

// The search index has one row per searchable record. Its rowid encodes the
// record, counting down from rowBase: rowBase - (id*8 + kind number), so
// newer records have smaller rowids and the index, read in its natural
// (ascending) order, meets the newest records first; FTS5 reads a doclist
// forwards without loading it whole, which reading backwards would. The
// eight numbers are all taken (0 by the last kind added): a ninth kind
// needs a wider stride, and with it a rebuild of every vault's index.
var kindNumbers = map[domain.SearchKind]int64{
	domain.HitHealth: 0, domain.HitClient: 1, domain.HitSession: 2, domain.HitPlan: 3, domain.HitShift: 4,
	domain.HitPattern: 5, domain.HitResource: 6, domain.HitReflection: 7,
}

const rowBase = int64(1) << 60

func indexRowID(kind domain.SearchKind, id int64) int64 { return rowBase - (id*8 + kindNumbers[kind]) }

func kindOfRow(rowid int64) (domain.SearchKind, int64) {
	x := rowBase - rowid
	for k, v := range kindNumbers {
		if v == x%8 {
			return k, x / 8
		}
	}
	return "", 0
}

// indexText (re)indexes one record: its texts, folded, as one row. A row
// that would not change is left as it is: rewriting it costs the index a
// delete and an insert of every word, and most changes to a record (a
// session finalised, a log entry of vital signs) leave its words alone.
func (db *DB) indexText(ctx context.Context, tx *sql.Tx, kind domain.SearchKind, id, clientID int64, texts ...string) error {
	rowid := indexRowID(kind, id)
	body := domain.Fold(joinNonEmpty(texts...))
	var was string
	var wasClient int64
	err := tx.QueryRowContext(ctx, `SELECT body, client_id FROM search_index WHERE rowid = ?`, rowid).Scan(&was, &wasClient)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fmt.Errorf("index %s: %w", kind, err)
	case was == body && wasClient == clientID:
		return nil
	default:
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_index WHERE rowid = ?`, rowid); err != nil {
			return fmt.Errorf("index %s: %w", kind, err)
		}
	}
	if body == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_index (rowid, body, kind, client_id) VALUES (?, ?, ?, ?)`, rowid, body, "kind"+string(kind), clientID); err != nil {
		return fmt.Errorf("index %s: %w", kind, err)
	}
	return nil
}

// The text each kind of record is found by, in one query per kind; the
// columns are ref_id, ref_client, ref_date and then the texts. ref_date is
// a date, or for the kinds dated when they were written a stamp, which
// Search dates in the clock's zone.
var indexSources = map[domain.SearchKind]string{
	domain.HitClient: `SELECT id AS ref_id, id AS ref_client, '' AS ref_date, chosen_name, legal_name, pronouns FROM clients`,
	domain.HitSession: `SELECT id AS ref_id, client_id AS ref_client, date AS ref_date, summary, private_notes, practice, somatic, resourcing, place,
		(SELECT group_concat(text, char(10)) FROM session_addenda a WHERE a.session_id = sessions.id),
		(SELECT group_concat(text, char(10)) FROM session_log l WHERE l.session_id = sessions.id AND text != '') FROM sessions`,
	domain.HitPlan:       `SELECT p.id AS ref_id, p.client_id AS ref_client, p.created_at AS ref_date, (SELECT text FROM plan_revisions r WHERE r.item_id = p.id ORDER BY r.id DESC LIMIT 1) FROM plan_items p`,
	domain.HitShift:      `SELECT id AS ref_id, client_id AS ref_client, noticed_on AS ref_date, description, meaning FROM shifts`,
	domain.HitPattern:    `SELECT id AS ref_id, client_id AS ref_client, created_at AS ref_date, name, examples FROM patterns`,
	domain.HitResource:   `SELECT id AS ref_id, client_id AS ref_client, created_at AS ref_date, name, when_helped FROM resources`,
	domain.HitReflection: `SELECT id AS ref_id, coalesce(client_id, 0) AS ref_client, written_on AS ref_date, text FROM reflections`,
	// A client's health, dated by its latest change: the medications (the
	// stopped ones too), allergies and health history, and the notes of
	// every screening and answer.
	domain.HitHealth: `SELECT c.id AS ref_id, c.id AS ref_client,
		max(coalesce(h.updated_at, ''), coalesce((SELECT max(updated_at) FROM medications m WHERE m.client_id = c.id), ''),
			coalesce((SELECT max(created_at) FROM screenings s WHERE s.client_id = c.id), '')) AS ref_date,
		(SELECT group_concat(trim(name || ' ' || dose), char(10)) FROM medications m WHERE m.client_id = c.id),
		(SELECT group_concat(notes, char(10)) FROM medications m WHERE m.client_id = c.id AND notes != ''),
		h.allergies, h.history,
		(SELECT group_concat(note, char(10)) FROM screenings s WHERE s.client_id = c.id AND note != ''),
		(SELECT group_concat(a.note, char(10)) FROM screening_answers a JOIN screenings s ON s.id = a.screening_id WHERE s.client_id = c.id AND a.note != '')
		FROM clients c LEFT JOIN client_health h ON h.client_id = c.id`,
}

type indexedText struct {
	id, clientID int64
	date         string
	texts        []string
}

func readIndexed(ctx context.Context, q querier, kind domain.SearchKind, where string, args ...any) ([]indexedText, error) {
	query := indexSources[kind]
	if where != "" {
		query = `SELECT * FROM (` + query + `) WHERE ` + where
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s for search: %w", kind, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []indexedText
	for rows.Next() {
		var it indexedText
		texts := make([]sql.NullString, len(cols)-3)
		dest := []any{&it.id, &it.clientID, &it.date}
		for i := range texts {
			dest = append(dest, &texts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		for _, t := range texts {
			it.texts = append(it.texts, t.String)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// indexRecord reindexes one record of a kind from its tables.
func (db *DB) indexRecord(ctx context.Context, tx *sql.Tx, kind domain.SearchKind, id int64) error {
	its, err := readIndexed(ctx, tx, kind, `ref_id = ?`, id)
	if err != nil {
		return err
	}
	if len(its) == 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM search_index WHERE rowid = ?`, indexRowID(kind, id))
		return err
	}
	return db.indexText(ctx, tx, kind, id, its[0].clientID, its[0].texts...)
}

// searchedEntities are the history's entity names that the search index
// follows.
var searchedEntities = map[string]domain.SearchKind{
	"client": domain.HitClient, "session": domain.HitSession, "plan_item": domain.HitPlan, "shift": domain.HitShift,
	"pattern": domain.HitPattern, "resource": domain.HitResource, "reflection": domain.HitReflection,
	"health": domain.HitHealth, "medication": domain.HitHealth, "screening": domain.HitHealth, "log_entry": domain.HitSession,
}

// indexedVia are the entities indexed as part of another record: the
// query finds that record's id from the entity's (a client's health is
// indexed under the client's id, which the "health" entity already is).
var indexedVia = map[string]string{
	"medication": `SELECT client_id FROM medications WHERE id = ?`,
	"screening":  `SELECT client_id FROM screenings WHERE id = ?`,
	// An entry without words (vital signs) adds none to its session's.
	"log_entry": `SELECT session_id FROM session_log WHERE id = ? AND text != ''`,
}

// reindex keeps the search index in step with a change the history
// records, in the same transaction: every write goes through the history,
// so none is missed.
func (db *DB) reindex(ctx context.Context, tx *sql.Tx, entity string, id int64, action string) error {
	kind, ok := searchedEntities[entity]
	if !ok {
		return nil
	}
	if entity == "client" && action == "erase" {
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_index WHERE client_id = ?`, id); err != nil {
			return err
		}
		// A deleted row's terms stay in the index's segments until they
		// are merged: merge them all now, so the erased client's words
		// leave the file (secure_delete zeroes the pages freed).
		_, err := tx.ExecContext(ctx, `INSERT INTO search_index (search_index) VALUES ('optimize')`)
		return err
	}
	if via, ok := indexedVia[entity]; ok {
		err := tx.QueryRowContext(ctx, via, id).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // gone with its record, which was reindexed then; or without words
		}
		if err != nil {
			return fmt.Errorf("index %s: %w", entity, err)
		}
	}
	return db.indexRecord(ctx, tx, kind, id)
}

// RebuildSearch rebuilds the whole search index from the records, in one
// transaction. Opening a vault does it when the index is empty but records
// exist (after a restore, which does not carry the index).
func (db *DB) RebuildSearch(ctx context.Context) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_index`); err != nil {
			return err
		}
		// The index is empty: every record is inserted, with one
		// prepared statement, and none needs deleting first.
		ins, err := tx.PrepareContext(ctx, `INSERT INTO search_index (rowid, body, kind, client_id) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, kind := range domain.SearchKinds {
			its, err := readIndexed(ctx, tx, kind, "")
			if err != nil {
				return err
			}
			for _, it := range its {
				body := domain.Fold(joinNonEmpty(it.texts...))
				if body == "" {
					continue
				}
				if _, err := ins.ExecContext(ctx, indexRowID(kind, it.id), body, "kind"+string(kind), it.clientID); err != nil {
					return fmt.Errorf("index %s: %w", kind, err)
				}
			}
		}
		return nil
	})
}

// rebuildSearchIfEmpty rebuilds the index of a vault that has clients but
// no index.
func (db *DB) rebuildSearchIfEmpty(ctx context.Context) error {
	var need bool
	if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM clients) AND NOT EXISTS (SELECT 1 FROM search_index)`).Scan(&need); err != nil {
		return fmt.Errorf("check search index: %w", err)
	}
	if !need {
		return nil
	}
	return db.RebuildSearch(ctx)
}

// Search hits per kind at most.
const searchPerKind = 12

// Search finds records whose words start with every word of the query,
// ignoring case and accents, in every client's records that are not
// archived and in the therapist's journal. It is the therapist's: it
// includes private notes and reflections, and co-creation mode never
// offers it. Hits are grouped by kind (domain.SearchKinds order).
//
// Within each kind it takes the most recent matching records (the index
// meets the newest first and stops as soon as it has enough, so a common
// word costs no more than a rare one) and orders those by relevance
// (bm25): the most telling of the recent records first. When more
// records match than are shown, the result says so (Capped).
func (db *DB) Search(ctx context.Context, query string) (domain.SearchResult, error) {
	res := domain.SearchResult{Query: query, Hits: []domain.SearchHit{}}
	terms := domain.SearchTerms(query)
	if len(terms) == 0 {
		return res, nil
	}
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"*`
	}
	archived, err := db.archivedClients(ctx)
	if err != nil {
		return res, err
	}
	byKind := map[domain.SearchKind][]int64{}
	for _, kind := range domain.SearchKinds {
		match := `body : (` + strings.Join(quoted, " AND ") + `) AND kind : "kind` + string(kind) + `"`
		ids, more, err := db.searchKind(ctx, match, archived)
		if err != nil {
			return res, err
		}
		byKind[kind], res.Capped = ids, res.Capped || more
	}
	names := map[int64]string{}
	for _, kind := range domain.SearchKinds {
		ids := byKind[kind]
		if len(ids) == 0 {
			continue
		}
		holders := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		its, err := readIndexed(ctx, db.sql, kind, `ref_id IN (`+holders+`)`, args...)
		if err != nil {
			return res, err
		}
		found := map[int64]indexedText{}
		for _, it := range its {
			found[it.id] = it
		}
		for _, id := range ids { // in rank order
			it, ok := found[id]
			if !ok {
				continue
			}
			hit := domain.SearchHit{Kind: kind, ID: id, ClientID: it.clientID, Date: db.dayOf(it.date)}
			for _, t := range it.texts {
				if hit.Excerpt = domain.Excerpt(t, terms, 140); hit.Excerpt != "" {
					break
				}
			}
			if hit.Excerpt == "" { // the words are spread over several fields
				hit.Excerpt = domain.Excerpt(joinNonEmpty(it.texts...), terms, 140)
			}
			if it.clientID != 0 {
				if _, ok := names[it.clientID]; !ok {
					if err := db.sql.QueryRowContext(ctx, `SELECT chosen_name FROM clients WHERE id = ?`, it.clientID).Scan(&hit.ClientName); err != nil {
						return res, fmt.Errorf("search: %w", err)
					}
					names[it.clientID] = hit.ClientName
				}
				hit.ClientName = names[it.clientID]
			}
			res.Hits = append(res.Hits, hit)
		}
	}
	return res, nil
}

// archivedClients returns the ids of archived clients, whose records the
// search leaves out.
func (db *DB) archivedClients(ctx context.Context) (map[int64]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id FROM clients WHERE archived_at IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// searchKind reads the index, newest first, for one match expression and
// returns the ids of up to searchPerKind records of clients not archived,
// most relevant first, and whether more matched.
func (db *DB) searchKind(ctx context.Context, match string, archived map[int64]bool) ([]int64, bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT rowid, client_id, rank FROM search_index WHERE search_index MATCH ? ORDER BY rowid`, match)
	if err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	type ranked struct {
		id   int64
		rank float64
	}
	var found []ranked
	more := false
	for rows.Next() {
		var rowid, clientID int64
		var rank float64
		if err := rows.Scan(&rowid, &clientID, &rank); err != nil {
			return nil, false, err
		}
		if archived[clientID] {
			continue
		}
		if len(found) == searchPerKind {
			more = true
			break
		}
		_, id := kindOfRow(rowid)
		found = append(found, ranked{id, rank})
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	// bm25 ranks are negative: the lower, the more relevant. Ties keep recency.
	sort.SliceStable(found, func(i, j int) bool { return found[i].rank < found[j].rank })
	ids := make([]int64, len(found))
	for i, f := range found {
		ids[i] = f.id
	}
	return ids, more, nil
}
