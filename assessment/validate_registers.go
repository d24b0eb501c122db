package assessment

import (
	"slices"

	"aimsbench/checklists"
)

// fieldRecords checks the field registers of an assessment arriving from outside: every
// entry passes its own Check, numbers are unique and positive, and what an entry refers to
// exists — catalogue items and management-review inputs, AI systems of the inventory,
// nonconformities, interviews cited as evidence — as do the EU AI Act classifications and
// the certification plan's dates.
func (v *validation) fieldRecords(a *Assessment) {
	entries(v, "internal audit", a.Audits)
	entries(v, "management review", a.Reviews)
	entries(v, "supplier", a.Suppliers)
	entries(v, "training record", a.Training)
	entries(v, "AI incident", a.Incidents)
	entries(v, "interview", a.Interviews)
	ncs := map[int]bool{}
	for _, nc := range a.NCs {
		ncs[nc.Number] = true
	}
	for _, x := range a.Audits {
		v.catalogueRefs(x.Label(), x.Items)
		for _, n := range x.Findings {
			if !ncs[n] {
				v.add("internal audit %s names finding %s, which is not in the nonconformity register", x.Label(), Nonconformity{Number: n}.Label())
			}
		}
	}
	for _, x := range a.Reviews {
		for _, id := range x.Inputs {
			if !slices.ContainsFunc(v.cat.ManagementReviewInputs, func(t checklists.Term) bool { return t.ID == id }) {
				v.add("management review %s names input %q, which the catalogue's management-review inputs do not have", x.Label(), id)
			}
		}
	}
	for _, x := range a.Suppliers {
		for _, id := range x.Systems {
			v.system(a, x.Label(), id)
		}
	}
	for _, x := range a.Incidents {
		if x.SystemID != 0 {
			v.system(a, x.Label(), x.SystemID)
		}
	}
	for _, x := range a.Interviews {
		v.catalogueRefs(x.Label(), x.Items)
	}
	v.classifications(a)
}

// entries checks one register: each entry's own rules and unique positive numbers.
func entries[T any, P interface {
	*T
	Entry
}](v *validation, what string, list []T) {
	seen := map[int]bool{}
	for i := range list {
		e := P(&list[i])
		if n := e.EntryNumber(); n < 1 || seen[n] {
			v.add("%s number %d is not unique and positive", what, n)
		}
		seen[e.EntryNumber()] = true
		if err := e.Check(); err != nil {
			v.add("%v", err)
		}
	}
}

// catalogueRefs checks that every ID an entry names is an entry of the catalogue.
func (v *validation) catalogueRefs(entry string, ids []string) {
	for _, id := range ids {
		if _, ok := v.cat.Item(id); !ok {
			v.add("%s names %q, which is not in the catalogue", entry, id)
		}
	}
}

// system checks that an entry names an AI system of the inventory.
func (v *validation) system(a *Assessment, entry string, id int64) {
	if !slices.ContainsFunc(a.Systems, func(s AISystem) bool { return s.ID == id }) {
		v.add("%s names AI system %d, which is not in the inventory", entry, id)
	}
}

// classifications checks each system's EU AI Act classification and every interview cited
// as evidence (the certification plan's dates are checked with the assessment's).
func (v *validation) classifications(a *Assessment) {
	for _, s := range a.Systems {
		if err := s.EUAIAct.Check(v.cat); err != nil {
			v.add("AI system %d (%q): %v", s.ID, s.Name, err)
		}
	}
	for _, id := range sortedResultIDs(a) {
		if err := CheckCitations(a.Interviews, a.Results[id].Evidence); err != nil {
			v.add("%s: %v", id, err)
		}
	}
}

// sortedResultIDs lists the judged items in a fixed order, so problems are listed the same way
// every time.
func sortedResultIDs(a *Assessment) []string {
	var ids []string
	for id, r := range a.Results {
		if r != nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}
