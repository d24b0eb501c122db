package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// One full internal audit and management review cycle is what a certification body wants to
// see before Stage 2 (guide step 5). aimsbench takes the cycle as the 12 months up to the
// evaluation date: the internal audits held in it must together cover every item of R, and at
// least one management review held in it must have considered every 9.3.2 input of the
// catalogue. Audits and reviews dated after the evaluation date are planned, not held.

// AuditCoverage is how far the internal audits held in the cycle cover the items of R
// (clause requirements and included controls): what the readiness step and the report show.
type AuditCoverage struct {
	From, To time.Time // the cycle: the 12 months up to the evaluation date
	Held     []string  // the audits held in the cycle, e.g. IA-01
	Clauses  CoverageCount
	Controls CoverageCount
	Items    []ItemCoverage // every item of R, in catalogue order
}

// CoverageCount counts items of R: how many there are, how many an audit of the cycle
// covered, and how many of the rest a planned audit is due to cover.
type CoverageCount struct {
	Total, Audited, Planned int
}

// ItemCoverage is one item of R with the audits of the cycle that covered it and the planned
// audits that are due to.
type ItemCoverage struct {
	Item      checklists.Item
	AuditedBy []string
	PlannedIn []string
}

// Covered reports whether an audit held in the cycle covered the item.
func (c ItemCoverage) Covered() bool { return len(c.AuditedBy) > 0 }

// Uncovered lists the items of R no audit of the cycle covered.
func (c AuditCoverage) Uncovered() []ItemCoverage {
	var out []ItemCoverage
	for _, it := range c.Items {
		if !it.Covered() {
			out = append(out, it)
		}
	}
	return out
}

// InternalAuditCoverage works out the internal-audit coverage of R over the cycle ending on
// asOf.
func InternalAuditCoverage(cat *checklists.Catalogue, a *Assessment, asOf time.Time) AuditCoverage {
	return newFacts(cat, a, asOf).auditCoverage()
}

func (f *facts) auditCoverage() AuditCoverage {
	if f.coverage != nil {
		return *f.coverage
	}
	c := AuditCoverage{From: f.yearAgo, To: day(f.asOf)}
	audited, planned := map[string][]string{}, map[string][]string{}
	for i := range f.a.Audits {
		x := &f.a.Audits[i]
		target := planned
		switch {
		case f.heldInCycle(x):
			target = audited
			c.Held = append(c.Held, x.Label())
		case f.heldBy(x):
			continue // held before the cycle: it counted for the last one
		}
		for _, id := range f.covers(x.Items) {
			target[id] = append(target[id], x.Label())
		}
	}
	f.inRange(func(item checklists.Item, _ *Result) {
		ic := ItemCoverage{Item: item, AuditedBy: audited[item.ID]}
		if !ic.Covered() {
			ic.PlannedIn = planned[item.ID]
		}
		count := &c.Clauses
		if item.IsControl() {
			count = &c.Controls
		}
		count.Total++
		switch {
		case ic.Covered():
			count.Audited++
		case len(ic.PlannedIn) > 0:
			count.Planned++
		}
		c.Items = append(c.Items, ic)
	})
	f.coverage = &c
	return c
}

// heldBy reports whether an audit was held by the evaluation date.
func (f *facts) heldBy(x *InternalAudit) bool { return x.WasHeld() && !day(x.Held).After(day(f.asOf)) }

// heldInCycle reports whether an audit was held in the 12 months up to the evaluation date.
func (f *facts) heldInCycle(x *InternalAudit) bool { return f.heldBy(x) && !x.Held.Before(f.yearAgo) }

// inCycle reports whether a date falls in the 12 months up to the evaluation date.
func (f *facts) inCycle(t time.Time) bool {
	return !t.IsZero() && !t.Before(f.yearAgo) && !day(t).After(day(f.asOf))
}

// covers expands the items an audit or interview names into assessable items, in catalogue
// order: a heading or objective stands for every assessable item beneath it.
func (f *facts) covers(ids []string) []string {
	if f.beneath == nil {
		f.beneath = map[string][]string{}
		for _, it := range f.items {
			for id := it.Parent; id != ""; {
				f.beneath[id] = append(f.beneath[id], it.ID)
				parent, _ := f.cat.Item(id)
				id = parent.Parent
			}
		}
	}
	named := map[string]bool{}
	for _, id := range ids {
		named[id] = true
		for _, under := range f.beneath[id] {
			named[under] = true
		}
	}
	var out []string
	for _, it := range f.items {
		if named[it.ID] {
			out = append(out, it.ID)
		}
	}
	return out
}

// namesItem reports whether a list of catalogue IDs names an item, itself or through a
// heading or objective above it.
func namesItem(cat *checklists.Catalogue, ids []string, itemID string) bool {
	for id := itemID; id != ""; {
		if slices.Contains(ids, id) {
			return true
		}
		it, ok := cat.Item(id)
		if !ok {
			return false
		}
		id = it.Parent
	}
	return false
}

// ReviewInputs is a management review with each of the catalogue's 9.3.2 inputs marked
// considered or not: what the readiness step and the report show of the last review.
type ReviewInputs struct {
	Review *ManagementReview // nil when no review was held by the evaluation date
	Inputs []InputConsidered
}

// InputConsidered is one 9.3.2 input and whether the review considered it.
type InputConsidered struct {
	Input      checklists.Term
	Considered bool
}

// Missing lists the inputs the review did not consider.
func (r ReviewInputs) Missing() []checklists.Term {
	var out []checklists.Term
	for _, in := range r.Inputs {
		if !in.Considered {
			out = append(out, in.Input)
		}
	}
	return out
}

// LastManagementReview is the latest management review held by asOf with its inputs marked.
func LastManagementReview(cat *checklists.Catalogue, a *Assessment, asOf time.Time) ReviewInputs {
	var last *ManagementReview
	for i := range a.Reviews {
		r := &a.Reviews[i]
		if !day(r.Date).After(day(asOf)) && (last == nil || r.Date.After(last.Date)) {
			last = r
		}
	}
	return reviewInputs(cat, last)
}

func reviewInputs(cat *checklists.Catalogue, r *ManagementReview) ReviewInputs {
	out := ReviewInputs{Review: r}
	for _, in := range cat.ManagementReviewInputs {
		out.Inputs = append(out.Inputs, InputConsidered{Input: in, Considered: r != nil && slices.Contains(r.Inputs, in.ID)})
	}
	return out
}

// managementCycleIncomplete finds what stops the cycle from being complete: each internal
// audit or management review requirement not judged conformant, then what the records show
// missing — no audit held in the cycle, items of R no audit covered, no review in the cycle
// that considered every input.
func (f *facts) managementCycleIncomplete() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, r *Result) {
		if slices.Contains(managementCycle, item.Parent) && r.Status != Conformant {
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf(
				"%s %s is %s; certification bodies expect one full internal audit and management review cycle before Stage 2", item.ID, item.Title, r.Status.Label())})
		}
	})
	c := f.cycleRecords()
	return append(append(out, c.audits...), c.reviews...)
}

// cycleFindings is what the records show missing from the management cycle, worked out once
// per evaluation for the verdict and the readiness checklist.
type cycleFindings struct{ audits, reviews []Blocker }

// cycleRecords finds what the records show missing; the record rules apply only when the
// catalogue has clauses 9.2 and 9.3.
func (f *facts) cycleRecords() *cycleFindings {
	if f.cycle == nil {
		f.cycle = &cycleFindings{}
		if _, ok := f.cat.Item("9.2"); ok {
			f.cycle.audits = f.auditCycleBlockers()
		}
		if _, ok := f.cat.Item("9.3"); ok {
			f.cycle.reviews = f.reviewCycleBlockers()
		}
	}
	return f.cycle
}

// auditCycleBlockers: no internal audit held in the cycle, or items of R none covered.
func (f *facts) auditCycleBlockers() []Blocker {
	c := f.auditCoverage()
	if len(c.Held) == 0 {
		return []Blocker{{Item: "9.2.1", Detail: fmt.Sprintf("%s: no internal audit of the AIMS was held in the 12 months to %s (%s); certification bodies expect one full internal audit cycle before Stage 2",
			f.itemTitle("9.2.1"), c.To.Format(time.DateOnly), f.lastAuditHeld())}}
	}
	missing := c.Uncovered()
	if len(missing) == 0 {
		return nil
	}
	ids := make([]string, len(missing))
	var planned, plannedBy []string
	for i, m := range missing {
		ids[i] = m.Item.ID
		if len(m.PlannedIn) > 0 {
			planned = append(planned, m.Item.ID)
		}
		for _, label := range m.PlannedIn {
			if !slices.Contains(plannedBy, label) {
				plannedBy = append(plannedBy, label)
			}
		}
	}
	detail := fmt.Sprintf("%s: the internal audits held in the 12 months to %s (%s) leave %s of R unaudited: %s",
		f.itemTitle("9.2.2"), c.To.Format(time.DateOnly), strings.Join(c.Held, ", "), counted(len(ids), "item", "items"), someOf(ids, 12))
	switch {
	case len(planned) == len(ids):
		detail += fmt.Sprintf("; the planned %s is due to cover them", strings.Join(plannedBy, ", "))
	case len(planned) > 0:
		detail += fmt.Sprintf("; the planned %s is due to cover %d of them", strings.Join(plannedBy, ", "), len(planned))
	}
	return []Blocker{{Item: "9.2.2", Detail: detail}}
}

// lastAuditHeld says when the last internal audit was held, for a blocker's detail.
func (f *facts) lastAuditHeld() string {
	var last *InternalAudit
	for i := range f.a.Audits {
		if x := &f.a.Audits[i]; f.heldBy(x) && (last == nil || x.Held.After(last.Held)) {
			last = x
		}
	}
	if last == nil {
		return "none is recorded as held"
	}
	return fmt.Sprintf("the last, %s, was held on %s", last.Label(), last.Held.Format(time.DateOnly))
}

// reviewCycleBlockers: no management review held in the cycle, or none that considered every
// input, naming the inputs the latest one missed.
func (f *facts) reviewCycleBlockers() []Blocker {
	var latest *ManagementReview
	for i := range f.a.Reviews {
		r := &f.a.Reviews[i]
		if !f.inCycle(r.Date) {
			continue
		}
		if len(reviewInputs(f.cat, r).Missing()) == 0 {
			return nil
		}
		if latest == nil || r.Date.After(latest.Date) {
			latest = r
		}
	}
	asOf := day(f.asOf).Format(time.DateOnly)
	if latest == nil {
		return []Blocker{{Item: "9.3.1", Detail: fmt.Sprintf("%s: no management review was held in the 12 months to %s; certification bodies expect top management to have reviewed the AIMS before Stage 2",
			f.itemTitle("9.3.1"), asOf)}}
	}
	var titles []string
	for _, in := range reviewInputs(f.cat, latest).Missing() {
		titles = append(titles, lowerFirst(in.Title))
	}
	return []Blocker{{Item: "9.3.2", Ref: latest.Label(), Detail: fmt.Sprintf(
		"%s: no management review in the 12 months to %s considered every input the clause asks for; the latest, %s on %s, did not consider %s",
		f.itemTitle("9.3.2"), asOf, latest.Label(), latest.Date.Format(time.DateOnly), strings.Join(titles, "; "))}}
}

// auditIndependenceWarnings flags each audit of the cycle, or planned, whose auditor audits
// their own area: their function is among the areas audited, or they own an item the audit
// covers (9.2.2 asks for objective and impartial auditors).
func (f *facts) auditIndependenceWarnings() []Warning {
	var out []Warning
	for i := range f.a.Audits {
		x := &f.a.Audits[i]
		auditor := strings.TrimSpace(x.Auditor)
		if auditor == "" || (f.heldBy(x) && !f.heldInCycle(x)) {
			continue
		}
		var why []string
		if area := strings.TrimSpace(x.AuditorArea); area != "" && slices.ContainsFunc(x.Areas, func(s string) bool { return strings.EqualFold(strings.TrimSpace(s), area) }) {
			why = append(why, fmt.Sprintf("belongs to %s, one of the areas audited", area))
		}
		var owned []string
		for _, id := range f.covers(x.Items) {
			if r := f.a.Results[id]; r != nil && strings.EqualFold(strings.TrimSpace(r.Owner), auditor) {
				owned = append(owned, id)
			}
		}
		if len(owned) > 0 {
			why = append(why, fmt.Sprintf("owns %s among the items audited", someOf(owned, 4)))
		}
		if len(why) > 0 {
			out = append(out, Warning{Kind: "auditor_not_independent", Item: "9.2.2", Detail: fmt.Sprintf(
				"internal audit %s (%s) is audited by %s, who %s; an auditor must not audit their own work, so choose an auditor from outside the area",
				x.Label(), x.Title, auditor, strings.Join(why, ", and "))})
		}
	}
	return out
}

// someOf lists the first n IDs and counts the rest: "A.6.1.2, A.6.1.3 and 5 more".
func someOf(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
}

// itemTitle is an item's ID and title, "9.2.1 General", as a blocker names it.
func (f *facts) itemTitle(id string) string {
	item, _ := f.cat.Item(id)
	return strings.TrimSpace(id + " " + item.Title)
}

// heldUp is the outcome of a condition that holds when the records show nothing missing:
// otherwise it fails with what the blockers say is missing.
func heldUp(blockers []Blocker) outcome {
	if len(blockers) == 0 {
		return pass()
	}
	details := make([]string, len(blockers))
	for i, b := range blockers {
		details[i] = b.Detail
	}
	o := fail("%s", strings.Join(details, "; "))
	for _, b := range blockers {
		o.items = append(o.items, b.Item)
	}
	return o
}
