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
// returns nil.

// SaveHeader stores the assessment's own fields: organisation, metadata, scope and
// certification plan.
func (s *Store) SaveHeader(a *assessment.Assessment) error {
	return s.write(a.ID, func(t *tx) error {
		if err := t.mustExist(a.ID); err != nil {
			return err
		}
		return t.put(a.ID, kindHeader, "", header(a))
	})
}

// nextKey is one more than the highest numeric key a kind has ever had in the assessment,
// deleted ones included (the audit trail remembers them), so an ID is never reused and an
// old reference can never point at a new record.
func (t *tx) nextKey(aid, kind string) (int64, error) {
	var n int64
	err := t.QueryRow("SELECT COALESCE(MAX(CAST(key AS INTEGER)), 0) + 1 FROM audit WHERE assessment_id = ? AND kind = ?", aid, kind).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("cannot number the new %s: %w", kind, err)
	}
	return n, nil
}

// SaveSystem stores an AI system, giving a new one its ID.
func (s *Store) SaveSystem(aid string, sys *assessment.AISystem) error {
	if strings.TrimSpace(sys.Name) == "" {
		return fmt.Errorf("an AI system needs a name")
	}
	return s.write(aid, func(t *tx) error { return t.putSystem(aid, sys) })
}

func (t *tx) putSystem(aid string, sys *assessment.AISystem) error {
	if err := t.mustExist(aid); err != nil {
		return err
	}
	if sys.ID == 0 {
		id, err := t.nextKey(aid, kindSystem)
		if err != nil {
			return err
		}
		sys.ID = id
	}
	return t.put(aid, kindSystem, strconv.FormatInt(sys.ID, 10), sys)
}

// AddSystems adds several AI systems in one transaction: all of them or none.
func (s *Store) AddSystems(aid string, systems []assessment.AISystem) error {
	return s.write(aid, func(t *tx) error {
		for i := range systems {
			systems[i].ID = 0
			if err := t.putSystem(aid, &systems[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteSystem removes an AI system from the inventory.
func (s *Store) DeleteSystem(aid string, id int64) error {
	return s.write(aid, func(t *tx) error { return t.remove(aid, kindSystem, strconv.FormatInt(id, 10)) })
}

// SaveRisk stores a risk register entry, giving a new one its ID.
func (s *Store) SaveRisk(aid string, r *assessment.Risk) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		if r.ID == 0 {
			id, err := t.nextKey(aid, kindRisk)
			if err != nil {
				return err
			}
			r.ID = id
		}
		return t.put(aid, kindRisk, strconv.FormatInt(r.ID, 10), r)
	})
}

// DeleteRisk removes a risk register entry.
func (s *Store) DeleteRisk(aid string, id int64) error {
	return s.write(aid, func(t *tx) error { return t.remove(aid, kindRisk, strconv.FormatInt(id, 10)) })
}

// SaveTest stores the control test of one control.
func (s *Store) SaveTest(aid string, test *assessment.ControlTest) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		return t.put(aid, kindTest, test.ControlID, test)
	})
}

// SaveNC stores a nonconformity, numbering a new one (Number 0) after the last.
func (s *Store) SaveNC(aid string, nc *assessment.Nonconformity) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		if nc.Number == 0 {
			n, err := t.nextKey(aid, kindNC)
			if err != nil {
				return err
			}
			nc.Number = int(n)
		}
		return t.put(aid, kindNC, strconv.Itoa(nc.Number), nc)
	})
}

// SetRequest records where an evidence request stands.
func (s *Store) SetRequest(aid, requestID string, status assessment.RequestStatus) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		return t.put(aid, kindRequest, requestID, status)
	})
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
func (s *Store) SetKPI(aid, kpiID string, v assessment.KPIValue) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		return t.put(aid, kindKPI, kpiID, v)
	})
}

// SaveRoleHolder records who holds a governance role.
func (s *Store) SaveRoleHolder(aid string, h assessment.RoleHolder) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		return t.put(aid, kindRole, h.RoleID, h)
	})
}
