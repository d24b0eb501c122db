package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"aimsbench/assessment"
)

// InventoryImported is what an inventory import wrote, each system as now stored.
type InventoryImported struct {
	Added   []assessment.AISystem // numbered by the store
	Updated []assessment.AISystem
	Deleted []int64
}

// ImportInventory carries out an inventory import planned by assessment.PlanInventoryImport
// in one transaction, all of it or nothing: the new systems are added and numbered (in the
// plan itself, which a large import would otherwise hold twice), the
// changed ones updated field by field from the system as the plan saw it (a field changed
// elsewhere meanwhile refuses the whole import), and the missing ones deleted only when
// deleteMissing says the assessor asked for it.
func (s *Store) ImportInventory(aid string, plan assessment.InventoryPlan, deleteMissing bool) (InventoryImported, error) {
	var done InventoryImported
	err := s.write(aid, func(t *tx) error {
		for _, u := range plan.Changed {
			stored := u.Stored
			sys, err := t.putSystem(aid, &stored, u.Next)
			if err != nil {
				return err
			}
			done.Updated = append(done.Updated, sys)
		}
		if err := t.addSystems(aid, plan.New); err != nil { // numbers them in place
			return err
		}
		done.Added = plan.New
		if !deleteMissing {
			return nil
		}
		for _, sys := range plan.Missing {
			if err := t.remove(aid, kindSystem, strconv.FormatInt(sys.ID, 10)); err != nil {
				return fmt.Errorf("cannot delete AI system %d: %w", sys.ID, err)
			}
			done.Deleted = append(done.Deleted, sys.ID)
		}
		return nil
	})
	if err != nil {
		return InventoryImported{}, err
	}
	return done, nil
}

// addSystems adds new AI systems, numbering them from one look-up of the next free ID so an
// import takes time in proportion to its size, not to its square: on return each carries
// the ID the store gave it.
func (t *tx) addSystems(aid string, systems []assessment.AISystem) error {
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
}
