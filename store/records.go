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
	"strings"
	"time"
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
)

// tx wraps a write transaction with the audit context of the edit it carries.
type tx struct {
	*sql.Tx
	s    *Store
	at   string
	prev string // hash of the last audit row
}

// write runs fn in one immediate transaction: the edit is on disk (synchronous=FULL) when
// write returns nil, and not at all otherwise.
func (s *Store) write(assessmentID string, fn func(t *tx) error) error {
	sqlTx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("cannot start saving to %s: %w", s.path, err)
	}
	defer sqlTx.Rollback()
	t := &tx{Tx: sqlTx, s: s, at: s.now().UTC().Format(time.RFC3339Nano)}
	if err := sqlTx.QueryRow("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").Scan(&t.prev); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("cannot read the audit trail: %w", err)
	}
	if err := fn(t); err != nil {
		return err
	}
	if assessmentID != "" {
		if _, err := sqlTx.Exec("UPDATE assessments SET updated = ? WHERE id = ?", t.at, assessmentID); err != nil {
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
	if exists && bytes.Equal(old, body) {
		return nil
	}
	if _, err := t.Exec(`INSERT INTO records (assessment_id, kind, key, body) VALUES (?, ?, ?, ?)
		ON CONFLICT (assessment_id, kind, key) DO UPDATE SET body = excluded.body`, aid, kind, key, string(body)); err != nil {
		return fmt.Errorf("cannot save %s %s: %w", kind, key, err)
	}
	if !exists {
		return t.audit(aid, kind, key, "created", "", string(body), recordHash(body))
	}
	for _, f := range changedFields(old, body) {
		if err := t.audit(aid, kind, key, f.name, f.old, f.new, recordHash(body)); err != nil {
			return err
		}
	}
	return nil
}

// remove deletes a record and audits its last content.
func (t *tx) remove(aid, kind, key string) error {
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
	err := t.QueryRow("SELECT body FROM records WHERE assessment_id = ? AND kind = ? AND key = ?", aid, kind, key).Scan(&body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("cannot read %s %s: %w", kind, key, err)
	}
	return []byte(body), true, nil
}

// getJSON decodes a record into v and reports whether it existed.
func (t *tx) getJSON(aid, kind, key string, v any) (bool, error) {
	body, ok, err := t.get(aid, kind, key)
	if err != nil || !ok {
		return ok, err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return true, fmt.Errorf("%s %s of assessment %s cannot be read: %w", kind, key, aid, err)
	}
	return true, nil
}

// audit appends one row to the hash chain.
func (t *tx) audit(aid, kind, key, field, old, new, recHash string) error {
	row := auditRow{At: t.at, Actor: t.s.actor, Assessment: aid, Kind: kind, Key: key, Field: field, Old: old, New: new, RecordHash: recHash, Prev: t.prev}
	row.Hash = row.computeHash()
	if _, err := t.Exec(`INSERT INTO audit (at, actor, assessment_id, kind, key, field, old, new, record_hash, prev, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row.At, row.Actor, row.Assessment, row.Kind, row.Key, row.Field, row.Old, row.New, row.RecordHash, row.Prev, row.Hash); err != nil {
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

// changedFields compares two JSON objects field by field.
func changedFields(old, new []byte) []fieldChange {
	var a, b map[string]json.RawMessage
	if json.Unmarshal(old, &a) != nil || json.Unmarshal(new, &b) != nil {
		return []fieldChange{{"*", string(old), string(new)}}
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

// describeRecord names a record for a person reading verify's report.
func describeRecord(kind, key, aid string) string {
	what := map[string]string{kindHeader: "details", kindSystem: "AI system", kindResult: "judgement of", kindRisk: "risk",
		kindTest: "control test of", kindNC: "nonconformity", kindRequest: "evidence request", kindKPI: "KPI", kindRole: "role holder"}[kind]
	if what == "" {
		what = kind
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s of assessment %s", what, key, aid))
}
