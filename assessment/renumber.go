package assessment

// Renumber gives numbered entries of one kind (an AI system, risk or nonconformity, see
// NumberedKind) new numbers, old to new, and makes every reference to them follow: the risks
// tied to a renumbered AI system point at its new number. Numbers are swapped safely: a new
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
	case "risk":
		for i := range a.Risks {
			a.Risks[i].ID = moved(a.Risks[i].ID)
		}
	case "nc":
		for i := range a.NCs {
			a.NCs[i].Number = int(moved(int64(a.NCs[i].Number)))
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
	}
	return out
}
