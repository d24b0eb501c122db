package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

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

// AddSystems adds several AI systems in one transaction: all of them or none. They are
// numbered from one lookup of the next free ID, so an import takes time in proportion to its
// size, not to its square.
func (s *Store) AddSystems(aid string, systems []assessment.AISystem) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		next, err := t.nextKey(aid, kindSystem)
		if err != nil {
			return err
		}
		keys, order := make([]string, len(systems)), make([]int, len(systems))
		for i := range systems {
			systems[i].ID = next + int64(i)
			keys[i], order[i] = strconv.FormatInt(systems[i].ID, 10), i
		}
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
		for _, i := range order { // in key order, so each insert lands beside the last
			body, err := json.Marshal(&systems[i])
			if err != nil {
				return fmt.Errorf("cannot encode AI system %q: %w", systems[i].Name, err)
			}
			// A new key, above every key the trail has seen: nothing to read or diff.
			if err := t.replace(aid, kindSystem, keys[i], nil, false, body); err != nil {
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
