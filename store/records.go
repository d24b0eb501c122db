package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
	"unicode/utf8"
)

// Record kinds: each is one JSON document per key within an assessment.
const (
	kindHeader  = "header"  // key "": the assessment's own fields
	kindSystem  = "system"  // key: system ID
	kindResult  = "result"  // key: catalogue item ID
	kindRisk    = "risk"    // key: risk ID
	kindTest    = "test"    // key: control ID
	kindNC      = "nc"      // key: NC number
	kindRequest = "request" // key: evidence request ID
	kindKPI     = "kpi"     // key: KPI ID
	kindRole    = "role"    // key: governance role ID

	// The field registers (registers.go), each keyed by the entry's number.
	kindAudit     = "internal_audit"
	kindReview    = "review"
	kindSupplier  = "supplier"
	kindTraining  = "training"
	kindIncident  = "incident"
	kindInterview = "interview"
)

// The statements every edit runs. They are prepared once per database (see statements):
// parsing them again on every keypress cost more than the rest of the edit bar the fsync.
const (
	sqlAuditHead = "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1"
	sqlTouch     = "UPDATE assessments SET updated = ? WHERE id = ?"
	sqlExists    = "SELECT 1 FROM assessments WHERE id = ?"
	sqlGetRecord = "SELECT body FROM records WHERE assessment_id = ? AND kind = ? AND key = ?"
	sqlPutRecord = `INSERT INTO records (assessment_id, kind, key, body) VALUES (?, ?, ?, ?)
		ON CONFLICT (assessment_id, kind, key) DO UPDATE SET body = excluded.body`
	sqlAuditAppend = `INSERT INTO audit (at, actor, assessment_id, kind, key, field, old, new, record_hash, prev, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// statements holds the edit statements prepared on the database. It is filled at the first
// edit, outside its transaction, so preparing never needs a second connection.
type statements struct {
	once     sync.Once
	prepared map[string]*sql.Stmt
}

func (st *statements) prepare(db *sql.DB) {
	st.once.Do(func() {
		st.prepared = map[string]*sql.Stmt{}
		for _, q := range []string{sqlAuditHead, sqlTouch, sqlExists, sqlGetRecord, sqlPutRecord, sqlAuditAppend} {
			// A statement that cannot be prepared now runs unprepared and reports its error then.
			if ps, err := db.Prepare(q); err == nil {
				st.prepared[q] = ps
			}
		}
	})
}

// exec runs one of the edit statements in the transaction, prepared when it could be.
func (t *tx) exec(query string, args ...any) (sql.Result, error) {
	if ps := t.stmt(query); ps != nil {
		return ps.Exec(args...)
	}
	return t.Tx.Exec(query, args...)
}

// queryRow runs one of the edit queries in the transaction, prepared when it could be.
func (t *tx) queryRow(query string, args ...any) *sql.Row {
	if ps := t.stmt(query); ps != nil {
		return ps.QueryRow(args...)
	}
	return t.Tx.QueryRow(query, args...)
}

// stmt is the transaction's handle on a prepared edit statement, made once per transaction:
// database/sql keeps every handle until the transaction ends, so a bulk edit (an import of
// thousands of systems) must not make one per row.
func (t *tx) stmt(query string) *sql.Stmt {
	ps := t.s.stmts.prepared[query]
	if ps == nil {
		return nil
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	if st, ok := t.stmts[query]; ok {
		return st
	}
	st := t.Tx.Stmt(ps)
	t.stmts[query] = st
	return st
}

// tx wraps a write transaction with the audit context of the edit it carries.
type tx struct {
	*sql.Tx
	s     *Store
	at    string
	prev  string               // hash of the last audit row
	stmts map[string]*sql.Stmt // prepared statements bound to this transaction
	open  map[string]bool      // assessments found not finalised, so open to this edit (editable)
}

// write runs fn in one immediate transaction: the edit is on disk (synchronous=FULL) when
// write returns nil, and not at all otherwise.
func (s *Store) write(assessmentID string, fn func(t *tx) error) (err error) {
	defer func() {
		switch {
		case err != nil && isNoSpace(err):
			err = fmt.Errorf("cannot save to %s: the disk is full; nothing of this edit was written. Free some space and save again", s.path)
		case err != nil && isBusy(err):
			err = &openError{fmt.Sprintf("cannot save to %s: another aimsbench session or program has kept it locked for more than %s, so nothing of this edit was written; save again in a moment", s.path, busyWait()), err}
		}
	}()
	s.stmts.prepare(s.db)
	sqlTx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("cannot start saving to %s: %w", s.path, err)
	}
	defer sqlTx.Rollback()
	t := &tx{Tx: sqlTx, s: s, at: s.now().UTC().Format(time.RFC3339Nano)}
	if err := t.queryRow(sqlAuditHead).Scan(&t.prev); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("cannot read the audit trail: %w", err)
	}
	if err := fn(t); err != nil {
		return err
	}
	if assessmentID != "" {
		if _, err := t.exec(sqlTouch, t.at, assessmentID); err != nil {
			return fmt.Errorf("cannot save: %w", err)
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("cannot save to %s: %w", s.path, err)
	}
	return nil
}

// put stores a record and appends one audit row per changed top-level field. It is a no-op
// when nothing changed.
func (t *tx) put(aid, kind, key string, value any) error {
	body, err := json.Marshal(value)
	if err != nil {
		return fmt.Errorf("cannot encode %s %s: %w", kind, key, err)
	}
	old, exists, err := t.get(aid, kind, key)
	if err != nil {
		return err
	}
	return t.replace(aid, kind, key, old, exists, body)
}

// replace is put for a caller that has just read the record (old, and whether it exists)
// in the same transaction, and so saves reading it again.
func (t *tx) replace(aid, kind, key string, old []byte, exists bool, body []byte) error {
	if err := t.editable(aid); err != nil {
		return err
	}
	if exists && bytes.Equal(old, body) {
		return nil
	}
	if _, err := t.exec(sqlPutRecord, aid, kind, key, string(body)); err != nil {
		return fmt.Errorf("cannot save %s %s: %w", kind, key, err)
	}
	if !exists {
		return t.audit(aid, kind, key, "created", "", string(body), recordHash(body))
	}
	hash := recordHash(body)
	for _, f := range changedFields(old, body) {
		if err := t.audit(aid, kind, key, f.name, f.old, f.new, hash); err != nil {
			return err
		}
	}
	return nil
}

// remove deletes a record and audits its last content.
func (t *tx) remove(aid, kind, key string) error {
	if err := t.editable(aid); err != nil {
		return err
	}
	old, exists, err := t.get(aid, kind, key)
	if err != nil || !exists {
		return err
	}
	if _, err := t.Exec("DELETE FROM records WHERE assessment_id = ? AND kind = ? AND key = ?", aid, kind, key); err != nil {
		return fmt.Errorf("cannot delete %s %s: %w", kind, key, err)
	}
	return t.audit(aid, kind, key, "deleted", string(old), "", "")
}

func (t *tx) get(aid, kind, key string) ([]byte, bool, error) {
	var body string
	err := t.queryRow(sqlGetRecord, aid, kind, key).Scan(&body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("cannot read %s %s: %w", kind, key, err)
	}
	return []byte(body), true, nil
}

// getJSON decodes a record into v and returns its body and whether it existed.
func (t *tx) getJSON(aid, kind, key string, v any) ([]byte, bool, error) {
	body, ok, err := t.get(aid, kind, key)
	if err != nil || !ok {
		return body, ok, err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return body, true, fmt.Errorf("%s %s of assessment %s cannot be read: %w", kind, key, aid, err)
	}
	return body, true, nil
}

// audit appends one row to the hash chain.
func (t *tx) audit(aid, kind, key, field, old, new, recHash string) error {
	row := auditRow{At: t.at, Actor: t.s.actor, Assessment: aid, Kind: kind, Key: key, Field: field, Old: old, New: new, RecordHash: recHash, Prev: t.prev}
	row.Hash = row.computeHash()
	if _, err := t.exec(sqlAuditAppend, row.At, row.Actor, row.Assessment, row.Kind, row.Key, row.Field, row.Old, row.New, row.RecordHash, row.Prev, row.Hash); err != nil {
		return fmt.Errorf("cannot write the audit trail: %w", err)
	}
	t.prev = row.Hash
	return nil
}

// auditRow is one entry of the audit trail.
type auditRow struct {
	Seq                                     int64
	At, Actor, Assessment, Kind, Key, Field string
	Old, New, RecordHash, Prev, Hash        string
}

// computeHash chains the row to its predecessor: SHA-256 over the previous hash and every
// field, each length-prefixed so no two different rows hash alike.
func (r auditRow) computeHash() string {
	h := sha256.New()
	for _, f := range []string{r.Prev, r.At, r.Actor, r.Assessment, r.Kind, r.Key, r.Field, r.Old, r.New, r.RecordHash} {
		fmt.Fprintf(h, "%d:%s|", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func recordHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

type fieldChange struct{ name, old, new string }

// changedFields compares two JSON objects field by field; new is what json.Marshal wrote.
func changedFields(old, new []byte) []fieldChange {
	a, okOld := objectFields(old, false)
	b, okNew := objectFields(new, true)
	if !okOld || !okNew {
		a, b = nil, nil
		if json.Unmarshal(old, &a) != nil || json.Unmarshal(new, &b) != nil {
			return []fieldChange{{"*", string(old), string(new)}}
		}
	}
	var names []string
	for k := range a {
		names = append(names, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var out []fieldChange
	for _, k := range names {
		if !bytes.Equal(a[k], b[k]) {
			out = append(out, fieldChange{k, string(a[k]), string(b[k])})
		}
	}
	return out
}

// objectFields splits a valid JSON object into its top-level fields, as json.Unmarshal into
// a map of raw messages would, without decoding the values: every edit diffs two records
// this way. It reports false for anything else (not valid JSON, not an object, an escaped
// key), which the caller leaves to encoding/json. valid says the data is known to be valid
// JSON (json.Marshal wrote it), which spares checking it again.
func objectFields(data []byte, valid bool) (map[string]json.RawMessage, bool) {
	if !valid && !json.Valid(data) {
		return nil, false
	}
	i := skipSpace(data, 0)
	if data[i] != '{' {
		return nil, false
	}
	fields := map[string]json.RawMessage{}
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		return fields, true
	}
	for {
		end := jsonValueEnd(data, i) // the key, a string: the data is valid
		name := data[i+1 : end-1]
		if bytes.IndexByte(name, '\\') >= 0 || !utf8.Valid(name) {
			return nil, false
		}
		i = skipSpace(data, skipSpace(data, end)+1) // past the colon
		end = jsonValueEnd(data, i)
		fields[string(name)] = data[i:end]
		i = skipSpace(data, end)
		if data[i] == '}' {
			return fields, true
		}
		i = skipSpace(data, i+1) // past the comma
	}
}

// skipSpace returns the index of the first byte at or after i that is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// jsonValueEnd returns the index just after the value starting at i in valid JSON.
func jsonValueEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of a number or literal
			}
			if depth--; depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// describeRecord names a record for a person reading verify's report.
func describeRecord(kind, key, aid string) string {
	what := map[string]string{kindHeader: "details", kindSystem: "AI system", kindResult: "judgement of", kindRisk: "risk",
		kindTest: "control test of", kindNC: "nonconformity", kindRequest: "evidence request", kindKPI: "KPI", kindRole: "role holder",
		kindAudit: "internal audit", kindReview: "management review", kindSupplier: "supplier", kindTraining: "training record",
		kindIncident: "AI incident", kindInterview: "interview"}[kind]
	if what == "" {
		what = kind
	}
	if key != "" {
		what += " " + key
	}
	return fmt.Sprintf("%s of assessment %s", what, aid)
}
