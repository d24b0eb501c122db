package workspace

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// queuedWrite is one intent on its way to the store, and the step that gave it.
type queuedWrite struct {
	from   steps.ID
	intent steps.Intent
	write  func(*store.Store) (any, error)
	shown  bool // the edit is on screen already
}

// savedMsg reports the outcome of one queued write: the record as stored, or the error.
type savedMsg struct {
	write  queuedWrite
	record any
	err    error
}

// apply checks an intent against the rules and queues it for the store. An edit of a record
// the screen shows is shown at once, so the next edit starts from it; a new record that the
// store numbers (an AI system, a risk, a nonconformity) shows when the store has saved it,
// with its number. Either way the record as stored replaces the one on screen once no later
// edit is in flight. In a read-only session nothing is written: the edit is refused and the
// assessment read again.
func (w *Model) apply(from steps.ID, in steps.Intent) tea.Cmd {
	if w.c.ReadOnly != "" {
		w.status = kit.Status{Text: "Not saved: this session is read-only. " + w.c.ReadOnly, Err: true}
		return w.reload("")
	}
	if _, reopening := in.(steps.Reopen); w.a.Finalised() && !reopening {
		// One sentence before anything shows: the store would refuse it anyway.
		w.status = kit.Status{Text: "Not saved: this assessment is finalised (" + w.a.SignOff.Describe() +
			"); reopen it with a reason (R on the readiness step) to change it.", Err: true}
		return nil
	}
	write, err := w.writeFor(in)
	if err != nil {
		return w.refuse(err)
	}
	shown := false
	if !shownByRules(in) {
		var record any
		if record, shown = onScreen(in); shown {
			w.a = withStored(w.a, in, record)
			w.refresh()
		}
	}
	return w.queue(queuedWrite{from: from, intent: in, write: write, shown: shown || shownByRules(in)})
}

// shownByRules reports whether writeFor put the intent's effect on screen already, having
// worked it out by the rules: a judgement, an evidence request's move.
func shownByRules(in steps.Intent) bool {
	switch in.(type) {
	case steps.Judge, steps.UpdateRequest:
		return true
	}
	return false
}

// onScreen is the record an intent shows before it is saved, and whether it shows one: not
// a new record the store has yet to number.
func onScreen(in steps.Intent) (any, bool) {
	switch in := in.(type) {
	case steps.PutHeader:
		return *in.Next, true
	case steps.PutSystem:
		return in.Next, in.Base != nil
	case steps.PutRisk:
		return in.Next, in.Base != nil
	case steps.PutNC:
		return in.Next, in.Base != nil
	case steps.PutTest:
		return in.Next, true
	case steps.PutRole:
		return in.Next, true
	case steps.PutKPI:
		return in.Next, true
	case steps.PutRecord:
		return entryValue(in.Next), in.Base != nil
	case steps.DeleteSystem, steps.DeleteRisk, steps.DeleteRecord:
		return nil, true
	}
	return nil, false
}

// writeFor is the store call that carries out an intent. A judgement is checked by the
// rules here and shown at once.
func (w *Model) writeFor(in steps.Intent) (func(*store.Store) (any, error), error) {
	aid := w.a.ID
	switch in := in.(type) {
	case steps.Judge:
		shown := w.a.Result(in.Item)
		next, err := in.Judgement.Apply(in.Item, shown) // the rules first: a refusal changes nothing
		if err != nil {
			return nil, err
		}
		base := shown
		if in.Base != nil {
			base = in.Base
		}
		// Shown at once; the verdict, the header and the step bar follow when the store has
		// saved it (refresh in saved), which keeps a keypress well under a millisecond.
		w.a = withResult(w.a, next)
		return func(s *store.Store) (any, error) { return s.SaveJudgementFrom(aid, in.Item, base, in.Judgement) }, nil
	case steps.PutHeader:
		return func(s *store.Store) (any, error) { return s.SaveHeader(in.Base, in.Next) }, nil
	case steps.PutSystem:
		return func(s *store.Store) (any, error) { return s.SaveSystem(aid, in.Base, in.Next) }, nil
	case steps.DeleteSystem:
		return func(s *store.Store) (any, error) { return nil, s.DeleteSystem(aid, in.System.ID) }, nil
	case steps.ImportInventory:
		return func(s *store.Store) (any, error) { return s.ImportInventory(aid, in.Plan, in.DeleteMissing) }, nil
	case steps.PutRisk:
		return func(s *store.Store) (any, error) { return s.SaveRisk(aid, in.Base, in.Next) }, nil
	case steps.DeleteRisk:
		return func(s *store.Store) (any, error) { return nil, s.DeleteRisk(aid, in.Risk.ID) }, nil
	case steps.PutTest:
		return func(s *store.Store) (any, error) { return s.SaveTest(aid, in.Base, in.Next) }, nil
	case steps.PutNC:
		return func(s *store.Store) (any, error) { return s.SaveNC(aid, in.Base, in.Next) }, nil
	case steps.PutRole:
		return func(s *store.Store) (any, error) { return s.SaveRoleHolder(aid, in.Base, in.Next) }, nil
	case steps.PutKPI:
		return func(s *store.Store) (any, error) { return s.SetKPI(aid, in.ID, in.Base, in.Next) }, nil
	case steps.UpdateRequest:
		return w.moveRequest(in)
	case steps.PutRecord:
		if err := in.Next.Check(); err != nil {
			return nil, err
		}
		if before, ok := in.Base.(*assessment.Interview); ok {
			if err := assessment.CheckEditInterview(w.a.Results, *before, *in.Next.(*assessment.Interview)); err != nil {
				return nil, err
			}
		}
		return func(s *store.Store) (any, error) { return saveEntry(s, aid, in.Base, in.Next) }, nil
	case steps.DeleteRecord:
		if _, ok := in.Entry.(*assessment.Interview); ok {
			if err := assessment.CheckDeleteInterview(w.a.Results, in.Entry.EntryNumber()); err != nil {
				return nil, err
			}
		}
		return func(s *store.Store) (any, error) { return nil, deleteEntry(s, aid, in.Entry) }, nil
	case steps.AcceptProposal:
		return func(s *store.Store) (any, error) { return s.AcceptProposal(aid, in.Item, in.ToFinding) }, nil
	case steps.RejectProposal:
		return func(s *store.Store) (any, error) { return nil, s.RejectProposal(aid, in.Item.ID, in.Reason) }, nil
	case steps.Finalise:
		cat, today := w.c.Cat, w.c.Now()
		return func(s *store.Store) (any, error) {
			// Refusals first, so no key is made for a sign-off that is not recorded.
			if a, err := s.Load(aid); err == nil {
				if why := assessment.FinaliseRefusals(cat, a, in.SignOff, today); len(why) > 0 {
					return nil, &store.FinaliseRefusedError{Assessment: aid, Reasons: why}
				}
			}
			// The sign-off names the assessor's signing key, as `finalise` does, so the report
			// prints the fingerprint a sealed bundle can be checked against.
			folder, err := store.ConfigFolder()
			if err != nil {
				return nil, err
			}
			key, _, err := report.LoadOrCreateKey(folder)
			if err != nil {
				return nil, err
			}
			so := in.SignOff
			so.Key = key.Fingerprint()
			return s.Finalise(cat, aid, so, today)
		}, nil
	case steps.Reopen:
		return func(s *store.Store) (any, error) { return s.Reopen(aid, in.Reason) }, nil
	}
	return nil, fmt.Errorf("the workbench does not know how to save %T; nothing was saved", in)
}

// queue hands a write to the ordered writer.
func (w *Model) queue(q queuedWrite) tea.Cmd {
	w.pending++
	s := w.c.Store
	return w.c.Writer.Queue(func() tea.Msg {
		record, err := q.write(s)
		return savedMsg{write: q, record: record, err: err}
	})
}

// saved takes a write's reply: the record as stored replaces the one on screen, and the
// step that asked hears of it, on screen or not.
func (w *Model) saved(msg savedMsg) tea.Cmd {
	w.pending--
	w.version++
	q := msg.write
	if msg.err != nil {
		w.status = kit.Status{Text: fmt.Sprintf("Not saved (%s): %v. Your edit is still on screen; press ctrl+s to retry.", q.intent.What(), msg.err), Err: true}
		w.retry = &q
		if errors.Is(msg.err, store.ErrConflict) || isRefusal(msg.err) {
			w.status, w.retry = kit.Status{Text: "Not saved: " + msg.err.Error() + ".", Err: true}, nil
		}
		if errors.Is(msg.err, store.ErrFinalised) { // no retry can succeed: show what is stored, sign-off included
			w.status, w.retry = kit.Status{Text: "Not saved: " + msg.err.Error() + ".", Err: true}, nil
			return tea.Batch(w.reload(""), w.steps[q.from].Update(steps.Saved{Intent: q.intent, Record: msg.record, Err: msg.err}))
		}
	} else {
		if w.retry != nil && w.retry.intent.What() == q.intent.What() {
			w.retry = nil
		}
		if !q.shown || w.pending == 0 {
			// An edit on screen already is replaced by the record as stored once no later
			// edit is in flight, so quick keys never flicker back.
			w.a = withStored(w.a, q.intent, msg.record)
		}
		w.refresh()
		if w.status.Err && w.retry == nil {
			w.status = kit.Status{}
		}
	}
	return w.steps[q.from].Update(steps.Saved{Intent: q.intent, Record: msg.record, Err: msg.err})
}

// isRefusal reports whether the store refused to finalise: trying again changes nothing
// until the assessment does.
func isRefusal(err error) bool {
	var refused *store.FinaliseRefusedError
	return errors.As(err, &refused)
}

// retrySave queues the last failed write again.
func (w *Model) retrySave(tea.KeyPressMsg) tea.Cmd {
	q := *w.retry
	w.retry, w.status = nil, kit.Status{Text: "Retrying…"}
	return w.queue(q)
}

// withResult is a new snapshot with one result replaced; the old snapshot is untouched.
func withResult(a *assessment.Assessment, r *assessment.Result) *assessment.Assessment {
	next := *a
	next.Results = maps.Clone(a.Results)
	if next.Results == nil {
		next.Results = map[string]*assessment.Result{}
	}
	next.Results[r.ItemID] = r
	return &next
}

// withStored is a new snapshot holding a record as the store returned it after an intent.
func withStored(a *assessment.Assessment, in steps.Intent, record any) *assessment.Assessment {
	next := *a
	switch in := in.(type) {
	case steps.Judge:
		return withResult(a, record.(*assessment.Result))
	case steps.PutHeader:
		h := record.(assessment.Assessment)
		h.RoleHolders, h.Systems, h.Results, h.Risks, h.Tests, h.NCs, h.Requests, h.KPIValues =
			a.RoleHolders, a.Systems, a.Results, a.Risks, a.Tests, a.NCs, a.Requests, a.KPIValues
		// the field registers too: the stored header holds none of them
		h.Audits, h.Reviews, h.Suppliers, h.Training, h.Incidents, h.Interviews =
			a.Audits, a.Reviews, a.Suppliers, a.Training, a.Incidents, a.Interviews
		h.Updated = a.Updated
		return &h
	case steps.PutSystem:
		s := record.(assessment.AISystem)
		next.Systems = put(a.Systems, s, func(x assessment.AISystem) bool { return x.ID == s.ID })
	case steps.DeleteSystem:
		next.Systems = drop(a.Systems, func(x assessment.AISystem) bool { return x.ID == in.System.ID })
	case steps.ImportInventory:
		done := record.(store.InventoryImported)
		next.Systems = drop(a.Systems, func(x assessment.AISystem) bool { return slices.Contains(done.Deleted, x.ID) })
		for _, sys := range done.Updated {
			next.Systems = put(next.Systems, sys, func(x assessment.AISystem) bool { return x.ID == sys.ID })
		}
		next.Systems = append(next.Systems, done.Added...)
	case steps.PutRisk:
		r := record.(assessment.Risk)
		next.Risks = put(a.Risks, r, func(x assessment.Risk) bool { return x.ID == r.ID })
	case steps.DeleteRisk:
		next.Risks = drop(a.Risks, func(x assessment.Risk) bool { return x.ID == in.Risk.ID })
	case steps.PutTest:
		t := record.(assessment.ControlTest)
		next.Tests = put(a.Tests, t, func(x assessment.ControlTest) bool { return x.ControlID == t.ControlID })
	case steps.PutNC:
		nc := record.(assessment.Nonconformity)
		next.NCs = put(a.NCs, nc, func(x assessment.Nonconformity) bool { return x.Number == nc.Number })
	case steps.PutRole:
		h := record.(assessment.RoleHolder)
		next.RoleHolders = put(a.RoleHolders, h, func(x assessment.RoleHolder) bool { return x.RoleID == h.RoleID })
	case steps.PutKPI:
		next.KPIValues = maps.Clone(a.KPIValues)
		if next.KPIValues == nil {
			next.KPIValues = map[string]assessment.KPIValue{}
		}
		next.KPIValues[in.ID] = record.(assessment.KPIValue)
	case steps.UpdateRequest:
		next.Requests = maps.Clone(a.Requests)
		if next.Requests == nil {
			next.Requests = map[string]assessment.RequestStatus{}
		}
		next.Requests[in.ID] = record.(assessment.RequestStatus)
	case steps.PutRecord:
		withEntry(&next, record)
	case steps.DeleteRecord:
		withoutEntry(&next, in.Entry)
	case steps.AcceptProposal:
		return withResult(a, record.(*assessment.Result))
	case steps.Finalise, steps.Reopen:
		return record.(*assessment.Assessment) // the whole assessment as the store holds it now
	}
	return &next
}

// put is a copy of list with v in place of the element same picks, or added at the end.
func put[T any](list []T, v T, same func(T) bool) []T {
	out := make([]T, 0, len(list)+1)
	found := false
	for _, x := range list {
		if same(x) {
			x, found = v, true
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, v)
	}
	return out
}

// drop is a copy of list without the elements gone picks.
func drop[T any](list []T, gone func(T) bool) []T {
	out := make([]T, 0, len(list))
	for _, x := range list {
		if !gone(x) {
			out = append(out, x)
		}
	}
	return out
}
