package workspace

import (
	"fmt"
	"reflect"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/steps"
)

// The records step's intents: an evidence request's move, and the entries of the six field
// registers, which share one intent each for saving and deleting; the store call and the
// snapshot's list are picked here by the entry's type.

// moveRequest checks an evidence request's move by the rules and shows it at once; the store
// applies the same change to the entry as it stands on disk.
func (w *Model) moveRequest(in steps.UpdateRequest) (func(*store.Store) (any, error), error) {
	if _, _, ok := assessment.FindRequest(w.c.Cat, in.ID); !ok {
		return nil, fmt.Errorf("evidence request %s is not on the catalogue's list; nothing was saved", in.ID)
	}
	today := w.c.Now()
	next, err := in.Change.Apply(w.a.Requests[in.ID], today)
	if err != nil {
		return nil, err
	}
	w.a = withStored(w.a, in, next)
	aid := w.a.ID
	return func(s *store.Store) (any, error) { return s.UpdateRequest(aid, in.ID, in.Change, today) }, nil
}

// saveEntry stores a register entry with the store call of its register.
func saveEntry(s *store.Store, aid string, base, next assessment.Entry) (any, error) {
	switch next := next.(type) {
	case *assessment.InternalAudit:
		b, _ := base.(*assessment.InternalAudit)
		return s.SaveAudit(aid, b, *next)
	case *assessment.ManagementReview:
		b, _ := base.(*assessment.ManagementReview)
		return s.SaveReview(aid, b, *next)
	case *assessment.Interview:
		b, _ := base.(*assessment.Interview)
		return s.SaveInterview(aid, b, *next)
	case *assessment.Incident:
		b, _ := base.(*assessment.Incident)
		return s.SaveIncident(aid, b, *next)
	case *assessment.TrainingRecord:
		b, _ := base.(*assessment.TrainingRecord)
		return s.SaveTraining(aid, b, *next)
	case *assessment.Supplier:
		b, _ := base.(*assessment.Supplier)
		return s.SaveSupplier(aid, b, *next)
	}
	return nil, fmt.Errorf("the workbench does not know the register of %T; nothing was saved", next)
}

// deleteEntry removes a register entry with the store call of its register.
func deleteEntry(s *store.Store, aid string, e assessment.Entry) error {
	n := e.EntryNumber()
	switch e.(type) {
	case *assessment.InternalAudit:
		return s.DeleteAudit(aid, n)
	case *assessment.ManagementReview:
		return s.DeleteReview(aid, n)
	case *assessment.Interview:
		return s.DeleteInterview(aid, n)
	case *assessment.Incident:
		return s.DeleteIncident(aid, n)
	case *assessment.TrainingRecord:
		return s.DeleteTraining(aid, n)
	case *assessment.Supplier:
		return s.DeleteSupplier(aid, n)
	}
	return fmt.Errorf("the workbench does not know the register of %T; nothing was deleted", e)
}

// entryValue is the entry a PutRecord points at, as a value like the store returns it.
func entryValue(e assessment.Entry) any { return reflect.ValueOf(e).Elem().Interface() }

// withEntry puts a register entry (a value) into the new snapshot's register, replacing the
// entry of the same number.
func withEntry(next *assessment.Assessment, record any) {
	switch v := record.(type) {
	case assessment.InternalAudit:
		next.Audits = put(next.Audits, v, func(x assessment.InternalAudit) bool { return x.Number == v.Number })
	case assessment.ManagementReview:
		next.Reviews = put(next.Reviews, v, func(x assessment.ManagementReview) bool { return x.Number == v.Number })
	case assessment.Interview:
		next.Interviews = put(next.Interviews, v, func(x assessment.Interview) bool { return x.Number == v.Number })
	case assessment.Incident:
		next.Incidents = put(next.Incidents, v, func(x assessment.Incident) bool { return x.Number == v.Number })
	case assessment.TrainingRecord:
		next.Training = put(next.Training, v, func(x assessment.TrainingRecord) bool { return x.Number == v.Number })
	case assessment.Supplier:
		next.Suppliers = put(next.Suppliers, v, func(x assessment.Supplier) bool { return x.Number == v.Number })
	}
}

// withoutEntry drops a register entry from the new snapshot's register.
func withoutEntry(next *assessment.Assessment, e assessment.Entry) {
	n := e.EntryNumber()
	switch e.(type) {
	case *assessment.InternalAudit:
		next.Audits = drop(next.Audits, func(x assessment.InternalAudit) bool { return x.Number == n })
	case *assessment.ManagementReview:
		next.Reviews = drop(next.Reviews, func(x assessment.ManagementReview) bool { return x.Number == n })
	case *assessment.Interview:
		next.Interviews = drop(next.Interviews, func(x assessment.Interview) bool { return x.Number == n })
	case *assessment.Incident:
		next.Incidents = drop(next.Incidents, func(x assessment.Incident) bool { return x.Number == n })
	case *assessment.TrainingRecord:
		next.Training = drop(next.Training, func(x assessment.TrainingRecord) bool { return x.Number == n })
	case *assessment.Supplier:
		next.Suppliers = drop(next.Suppliers, func(x assessment.Supplier) bool { return x.Number == n })
	}
}
