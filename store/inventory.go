package store

import (
	"fmt"
	"strconv"

	"aimsbench/assessment"
)

// InventoryImported is what an inventory import wrote, each system as now stored.
type InventoryImported struct {
	Added   []assessment.AISystem // numbered by the store
	Updated []assessment.AISystem
	Deleted []int64
}

// ImportInventory carries out an inventory import planned by assessment.PlanInventoryImport
// in one transaction, all of it or nothing: the new systems are added and numbered, the
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
		for _, sys := range plan.New {
			sys.ID = 0
			added, err := t.putSystem(aid, nil, sys)
			if err != nil {
				return err
			}
			done.Added = append(done.Added, added)
		}
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
