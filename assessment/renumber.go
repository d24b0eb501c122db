package assessment

// Renumber gives numbered entries of one kind (an AI system, risk, nonconformity or field
// record, see NumberedKind) new numbers, old to new, and makes every reference to them follow:
// the risks, suppliers and incidents tied to a renumbered AI system point at its new number,
// an internal audit's findings at the renumbered nonconformities, evidence at the renumbered
// interview. Numbers are swapped safely: a new
// number may be another entry's old one. A merge numbers a bundle's new entries this way
// when their numbers are taken here.
func (a *Assessment) Renumber(kind string, numbers map[int64]int64) {
	parked := map[int64]int64{}
	for from, to := range numbers {
		parked[from] = -to // first out of the way, on numbers no entry has
	}
	a.renumber(kind, parked)
	back := map[int64]int64{}
	for _, to := range numbers {
		back[-to] = to
	}
	a.renumber(kind, back)
}

// renumber moves entries and references from one number to another in one pass.
func (a *Assessment) renumber(kind string, numbers map[int64]int64) {
	moved := func(n int64) int64 {
		if to, ok := numbers[n]; ok {
			return to
		}
		return n
	}
	movedInt := func(n int) int { return int(moved(int64(n))) }
	switch kind {
	case "system":
		for i := range a.Systems {
			a.Systems[i].ID = moved(a.Systems[i].ID)
		}
		for i := range a.Risks {
			if a.Risks[i].SystemID != 0 {
				a.Risks[i].SystemID = moved(a.Risks[i].SystemID)
			}
		}
		for i := range a.Suppliers {
			for j, id := range a.Suppliers[i].Systems {
				a.Suppliers[i].Systems[j] = moved(id)
			}
		}
		for i := range a.Incidents {
			if a.Incidents[i].SystemID != 0 {
				a.Incidents[i].SystemID = moved(a.Incidents[i].SystemID)
			}
		}
	case "risk":
		for i := range a.Risks {
			a.Risks[i].ID = moved(a.Risks[i].ID)
		}
	case "nc":
		for i := range a.NCs {
			a.NCs[i].Number = movedInt(a.NCs[i].Number)
		}
		for i := range a.Audits {
			for j, n := range a.Audits[i].Findings {
				a.Audits[i].Findings[j] = movedInt(n)
			}
		}
	case "internal_audit":
		for i := range a.Audits {
			a.Audits[i].Number = movedInt(a.Audits[i].Number)
		}
	case "review":
		for i := range a.Reviews {
			a.Reviews[i].Number = movedInt(a.Reviews[i].Number)
		}
	case "supplier":
		for i := range a.Suppliers {
			a.Suppliers[i].Number = movedInt(a.Suppliers[i].Number)
		}
	case "training":
		for i := range a.Training {
			a.Training[i].Number = movedInt(a.Training[i].Number)
		}
	case "incident":
		for i := range a.Incidents {
			a.Incidents[i].Number = movedInt(a.Incidents[i].Number)
		}
	case "interview":
		for i := range a.Interviews {
			a.Interviews[i].Number = movedInt(a.Interviews[i].Number)
		}
		for _, r := range a.Results {
			for j := range r.Evidence {
				if r.Evidence[j].Interview != 0 {
					r.Evidence[j].Interview = movedInt(r.Evidence[j].Interview)
				}
			}
		}
	}
}

// NumberedKinds are the part kinds whose entries the store numbers (see NumberedKind).
func NumberedKinds() []string {
	var kinds []string
	for _, c := range collections {
		if c.numbered {
			kinds = append(kinds, c.kind)
		}
	}
	return kinds
}

// Numbers lists the numbers of the entries of a numbered kind.
func (a *Assessment) Numbers(kind string) []int64 {
	var out []int64
	switch kind {
	case "system":
		for _, s := range a.Systems {
			out = append(out, s.ID)
		}
	case "risk":
		for _, r := range a.Risks {
			out = append(out, r.ID)
		}
	case "nc":
		for _, nc := range a.NCs {
			out = append(out, int64(nc.Number))
		}
	case "internal_audit":
		out = entryNumbers(a.Audits, func(x InternalAudit) int { return x.Number })
	case "review":
		out = entryNumbers(a.Reviews, func(x ManagementReview) int { return x.Number })
	case "supplier":
		out = entryNumbers(a.Suppliers, func(x Supplier) int { return x.Number })
	case "training":
		out = entryNumbers(a.Training, func(x TrainingRecord) int { return x.Number })
	case "incident":
		out = entryNumbers(a.Incidents, func(x Incident) int { return x.Number })
	case "interview":
		out = entryNumbers(a.Interviews, func(x Interview) int { return x.Number })
	}
	return out
}

// entryNumbers lists the numbers of a register's entries.
func entryNumbers[T any](list []T, number func(T) int) []int64 {
	out := make([]int64, 0, len(list))
	for _, x := range list {
		out = append(out, int64(number(x)))
	}
	return out
}
