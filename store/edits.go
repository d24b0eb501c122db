package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"aimsbench/assessment"
)

// Each method below is one edit: one transaction, audited field by field, on disk when it
// returns nil. An edit of an existing record gives base, the record as the editor last saw
// it, and next, as edited: only the fields that changed from base to next are applied to the
// record as stored, and a field changed elsewhere meanwhile refuses the edit with a
// ConflictError (see MergeRecord). A nil base stores next as it is: a new record, or an
// intent stated without a base (the command line). Each returns the record as stored.

// SaveHeader stores the assessment's own fields: organisation, metadata, scope and
// certification plan. Collections in base and next are ignored, and so is the sign-off:
// only Finalise records it.
func (s *Store) SaveHeader(base *assessment.Assessment, next *assessment.Assessment) (assessment.Assessment, error) {
	var stored assessment.Assessment
	err := s.write(next.ID, func(t *tx) error {
		if err := t.mustExist(next.ID); err != nil {
			return err
		}
		var b *assessment.Assessment
		if base != nil {
			h := header(base)
			h.SignOff, b = assessment.SignOff{}, &h
		}
		h := header(next)
		h.SignOff = assessment.SignOff{} // an assessment that takes edits is not signed off
		var err error
		stored, err = mergeInto(t, next.ID, kindHeader, "", b, h, "the assessment details")
		return err
	})
	return stored, err
}

// nextKey is one more than the highest numeric key a kind has ever had in the assessment,
// deleted ones included (the audit trail remembers them), so an ID is never reused and an
// old reference can never point at a new record. Every numbered kind (AI systems, risks,
// nonconformities) is numbered here and nowhere else.
func (t *tx) nextKey(aid, kind string) (int64, error) { return nextNumber(t.Tx, aid, kind) }

// nextNumber is nextKey read through q: the pool, or a transaction.
func nextNumber(q querier, aid, kind string) (int64, error) {
	var n int64
	err := q.QueryRow("SELECT COALESCE(MAX(CAST(key AS INTEGER)), 0) + 1 FROM audit WHERE assessment_id = ? AND kind = ?", aid, kind).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("cannot number the new %s: %w", kind, err)
	}
	return n, nil
}

// SaveSystem stores an AI system; a new one (ID 0, no base) gets the next number.
func (s *Store) SaveSystem(aid string, base *assessment.AISystem, next assessment.AISystem) (assessment.AISystem, error) {
	if strings.TrimSpace(next.Name) == "" {
		return next, fmt.Errorf("an AI system needs a name")
	}
	var stored assessment.AISystem
	err := s.write(aid, func(t *tx) (err error) {
		stored, err = t.putSystem(aid, base, next)
		return err
	})
	return stored, err
}

func (t *tx) putSystem(aid string, base *assessment.AISystem, sys assessment.AISystem) (assessment.AISystem, error) {
	if err := t.mustExist(aid); err != nil {
		return sys, err
	}
	if sys.ID <= 0 {
		id, err := t.nextKey(aid, kindSystem)
		if err != nil {
			return sys, err
		}
		sys.ID, base = id, nil
	}
	return mergeInto(t, aid, kindSystem, strconv.FormatInt(sys.ID, 10), base, sys, fmt.Sprintf("AI system %d", sys.ID))
}

// DeleteSystem removes an AI system from the inventory.
func (s *Store) DeleteSystem(aid string, id int64) error {
	return s.write(aid, func(t *tx) error { return t.remove(aid, kindSystem, strconv.FormatInt(id, 10)) })
}

// SaveRisk stores a risk register entry; a new one (ID 0, no base) gets the next number.
func (s *Store) SaveRisk(aid string, base *assessment.Risk, next assessment.Risk) (assessment.Risk, error) {
	var stored assessment.Risk
	err := s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		if next.ID <= 0 {
			id, err := t.nextKey(aid, kindRisk)
			if err != nil {
				return err
			}
			next.ID, base = id, nil
		}
		var err error
		stored, err = mergeInto(t, aid, kindRisk, strconv.FormatInt(next.ID, 10), base, next, fmt.Sprintf("risk R-%02d", next.ID))
		return err
	})
	return stored, err
}

// DeleteRisk removes a risk register entry.
func (s *Store) DeleteRisk(aid string, id int64) error {
	return s.write(aid, func(t *tx) error { return t.remove(aid, kindRisk, strconv.FormatInt(id, 10)) })
}

// SaveTest stores the control test of one control.
func (s *Store) SaveTest(aid string, base *assessment.ControlTest, next assessment.ControlTest) (assessment.ControlTest, error) {
	return saveKeyed(s, aid, kindTest, next.ControlID, base, next, "the test of "+next.ControlID)
}

// SaveNC stores a nonconformity; a new one (Number 0, no base) gets the next number.
func (s *Store) SaveNC(aid string, base *assessment.Nonconformity, next assessment.Nonconformity) (assessment.Nonconformity, error) {
	var stored assessment.Nonconformity
	err := s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		if next.Number <= 0 {
			n, err := t.nextKey(aid, kindNC)
			if err != nil {
				return err
			}
			next.Number, base = int(n), nil
		}
		var err error
		stored, err = mergeInto(t, aid, kindNC, strconv.Itoa(next.Number), base, next, next.Label())
		return err
	})
	return stored, err
}

// SetRequest records where an evidence request stands.
func (s *Store) SetRequest(aid, requestID string, base *assessment.RequestStatus, next assessment.RequestStatus) (assessment.RequestStatus, error) {
	return saveKeyed(s, aid, kindRequest, requestID, base, next, "evidence request "+requestID)
}

// UpdateRequest moves an evidence request of the working list to a new state through the
// rules of package assessment (RequestChange.Apply), applied to the entry as it is on disk
// inside the write-locked transaction, and returns the entry as saved. A refused change
// writes nothing. The caller checks that requestID is on the catalogue's list.
func (s *Store) UpdateRequest(aid, requestID string, c assessment.RequestChange, today time.Time) (assessment.RequestStatus, error) {
	var saved assessment.RequestStatus
	err := s.write("", func(t *tx) error {
		if err := t.touch(aid); err != nil {
			return err
		}
		var current assessment.RequestStatus
		old, exists, err := t.getJSON(aid, kindRequest, requestID, &current)
		if err != nil {
			return err
		}
		next, err := c.Apply(current, today)
		if err != nil {
			return err
		}
		body, err := json.Marshal(next)
		if err != nil {
			return fmt.Errorf("cannot encode %s %s: %w", kindRequest, requestID, err)
		}
		saved = next
		return t.replace(aid, kindRequest, requestID, old, exists, body)
	})
	return saved, err
}

// SetKPI records a manually entered KPI reading.
func (s *Store) SetKPI(aid, kpiID string, base *assessment.KPIValue, next assessment.KPIValue) (assessment.KPIValue, error) {
	return saveKeyed(s, aid, kindKPI, kpiID, base, next, "KPI "+kpiID)
}

// SaveRoleHolder records who holds a governance role.
func (s *Store) SaveRoleHolder(aid string, base *assessment.RoleHolder, next assessment.RoleHolder) (assessment.RoleHolder, error) {
	return saveKeyed(s, aid, kindRole, next.RoleID, base, next, "the holder of role "+next.RoleID)
}

// saveKeyed is one edit of a record whose key is natural (a control, a KPI, a role).
func saveKeyed[T any](s *Store, aid, kind, key string, base *T, next T, record string) (T, error) {
	var stored T
	err := s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		var err error
		stored, err = mergeInto(t, aid, kind, key, base, next, record)
		return err
	})
	return stored, err
}
