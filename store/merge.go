package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// FieldConflict is one field of a record that another writer changed to something other
// than what this edit changes it to. Values are the field's JSON text.
type FieldConflict struct {
	Field  string
	Stored string // the value on disk, written by the other writer
	Mine   string // the value this edit wanted
}

// MergeRecord is the three-way merge of one record, field by field: the fields that changed
// from base (the record as the editor last saw it) to next (as edited) are applied to stored
// (the record as it is on disk now); every other field keeps its stored value. A changed
// field whose stored value differs from both base and next was changed elsewhere: it is
// listed as a conflict and keeps its stored value. Records are JSON objects; any other JSON
// value is merged as one field named "value".
func MergeRecord(stored, base, next []byte) (merged []byte, conflicts []FieldConflict, err error) {
	s, sObj := splitFields(stored)
	b, bObj := splitFields(base)
	n, nObj := splitFields(next)
	if s == nil || b == nil || n == nil {
		return nil, nil, errors.New("a record to merge is not valid JSON")
	}
	if !sObj || !bObj || !nObj {
		s, b, n = wholeValue(stored), wholeValue(base), wholeValue(next)
	}
	out := make(map[string]json.RawMessage, len(s))
	for k, v := range s {
		out[k] = v
	}
	for _, k := range fieldNames(b, n) {
		bv, nv := b[k], n[k]
		if sameJSON(bv, nv) {
			continue
		}
		sv, inStored := s[k]
		switch {
		case !inStored && bv == nil, sameJSON(sv, bv), sameJSON(sv, nv):
			out[k] = nv
		default:
			conflicts = append(conflicts, FieldConflict{Field: k, Stored: string(sv), Mine: string(nv)})
		}
	}
	if !sObj || !bObj || !nObj {
		return out["value"], conflicts, nil
	}
	for k, v := range out {
		if v == nil {
			delete(out, k)
		}
	}
	merged, err = json.Marshal(out)
	return merged, conflicts, err
}

// splitFields reads a JSON value into its top-level fields; ok is false for a valid value
// that is not an object, and the map nil for invalid JSON.
func splitFields(data []byte) (fields map[string]json.RawMessage, ok bool) {
	if f, ok := objectFields(data, false); ok {
		return f, true
	}
	if !json.Valid(data) {
		return nil, false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) == nil && m != nil {
		return m, true
	}
	return map[string]json.RawMessage{}, false
}

func wholeValue(data []byte) map[string]json.RawMessage {
	return map[string]json.RawMessage{"value": json.RawMessage(data)}
}

func fieldNames(a, b map[string]json.RawMessage) []string {
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
	return names
}

// sameJSON compares two JSON values as written by json.Marshal, ignoring insignificant space.
func sameJSON(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	var ca, cb bytes.Buffer
	return json.Compact(&ca, a) == nil && json.Compact(&cb, b) == nil && bytes.Equal(ca.Bytes(), cb.Bytes())
}

// ConflictError refuses an edit because another writer (the command line, another
// workbench) changed a field of the same record meanwhile.
type ConflictError struct {
	Record string // e.g. "the finding of 6.1.2" or "AI system 3"
	FieldConflict
}

// ErrConflict is what every ConflictError is (errors.Is), for callers that only ask
// whether an edit was refused for a conflict.
var ErrConflict = errors.New("changed elsewhere")

func (e *ConflictError) Error() string {
	return fmt.Sprintf("the %s of %s was changed elsewhere to %s while you changed it to %s; press ctrl+r to see it, then edit again",
		e.Field, e.Record, shownValue(e.Stored), shownValue(e.Mine))
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// shownValue is a field's JSON text cut to a readable length.
func shownValue(v string) string {
	if v == "" || v == `""` || v == "null" {
		return "nothing"
	}
	if utf8.RuneCountInString(v) > 40 {
		return string([]rune(v)[:39]) + "…\""
	}
	return v
}

// mergeInto applies the edit base → next of one record to the record as stored, field by
// field (MergeRecord), inside the transaction, and returns the record as now stored. With no
// base (a new record, or a command-line intent) next is stored as it is. A record deleted
// elsewhere, or a field changed elsewhere, refuses the edit and writes nothing.
func mergeInto[T any](t *tx, aid, kind, key string, base *T, next T, record string) (T, error) {
	var zero T
	nextBody, err := json.Marshal(next)
	if err != nil {
		return zero, fmt.Errorf("cannot encode %s: %w", record, err)
	}
	old, exists, err := t.get(aid, kind, key)
	if err != nil {
		return zero, err
	}
	body := nextBody
	if base != nil {
		if !exists {
			return zero, fmt.Errorf("%s was deleted elsewhere; press ctrl+r to see the current data", record)
		}
		current, err := canonical[T](old) // fields an older version did not write read as zero
		if err != nil {
			return zero, fmt.Errorf("%s cannot be read: %w", record, err)
		}
		if body, err = mergeEdit(current, base, nextBody, record); err != nil {
			return zero, err
		}
		if body, err = canonical[T](body); err != nil {
			return zero, fmt.Errorf("cannot merge %s: %w", record, err)
		}
	}
	var stored T
	if err := json.Unmarshal(body, &stored); err != nil {
		return zero, fmt.Errorf("cannot read back %s: %w", record, err)
	}
	return stored, t.replace(aid, kind, key, old, exists, body)
}

// mergeEdit is MergeRecord for one edit, turning the first conflict into the error the
// user reads.
func mergeEdit(stored []byte, base any, next []byte, record string) ([]byte, error) {
	baseBody, err := json.Marshal(base)
	if err != nil {
		return nil, fmt.Errorf("cannot encode %s: %w", record, err)
	}
	merged, conflicts, err := MergeRecord(stored, baseBody, next)
	if err != nil {
		return nil, fmt.Errorf("cannot merge %s: %w", record, err)
	}
	if len(conflicts) > 0 {
		return nil, &ConflictError{Record: record, FieldConflict: conflicts[0]}
	}
	return merged, nil
}

// canonical re-encodes a merged record as json.Marshal writes its type, so an unchanged
// record compares equal to the stored bytes and nothing is written.
func canonical[T any](body []byte) ([]byte, error) {
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// LastChange is the sequence number of the newest audit row: it grows with every edit by
// any writer, so a workbench compares it to tell cheaply whether to read the data again.
func (s *Store) LastChange() (int64, error) {
	var seq int64
	if err := s.db.QueryRow("SELECT COALESCE(MAX(seq), 0) FROM audit").Scan(&seq); err != nil {
		return 0, fmt.Errorf("cannot read the audit trail of %s: %w", s.path, err)
	}
	return seq, nil
}
