package assessment

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"aimsbench/checklists"
)

// Gap is one entry of the gap register: a requirement or included control whose judgement
// shows work to do before certification, with the reasons it is a gap.
type Gap struct {
	Item    checklists.Item
	Group   string // clause heading or Annex A objective the item rolls up into
	Result  *Result
	Reasons []string
}

// GapReasons says why an item is a gap as of a date, empty when it is not: it must count
// towards the verdict and be judged nonconformant or partially conformant, conformant without
// evidence that is still valid, or rated below its target maturity. Items not assessed yet are
// not gaps: nobody knows yet.
func GapReasons(a *Assessment, item checklists.Item, asOf time.Time) []string {
	if !a.InReadinessScope(item) {
		return nil
	}
	r := a.Result(item)
	var out []string
	switch {
	case r.Status == Nonconformant || r.Status == Partial:
		out = append(out, r.Status.Label())
	case unsupported(r, asOf) && len(r.Evidence) == 0:
		out = append(out, "conformant without evidence")
	case unsupported(r, asOf):
		out = append(out, "conformant, but its evidence has expired")
	}
	if r.Maturity > 0 && r.Maturity < r.EffectiveTarget() {
		out = append(out, fmt.Sprintf("maturity %d below target %d", r.Maturity, r.EffectiveTarget()))
	}
	return out
}

// GapRegister lists every gap as of a date in catalogue order, so the register reads clause by
// clause.
func GapRegister(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []Gap {
	var out []Gap
	for _, item := range cat.Assessable() {
		if reasons := GapReasons(a, item, asOf); len(reasons) > 0 {
			out = append(out, Gap{Item: item, Group: cat.GroupOf(item.ID), Result: a.Result(item), Reasons: reasons})
		}
	}
	return out
}

// Unassessed lists the items that count towards the verdict but still lack a status or a
// maturity: the fieldwork left to do.
func Unassessed(cat *checklists.Catalogue, a *Assessment) []checklists.Item {
	var out []checklists.Item
	for _, item := range cat.Assessable() {
		if a.InReadinessScope(item) && !a.Result(item).Judged() {
			out = append(out, item)
		}
	}
	return out
}

// TopGaps returns at most n gaps as of a date, most serious first: nonconformant before
// partially conformant before unsupported before merely below target; then by priority (high
// first), then by the distance between maturity and target, then in catalogue order.
func TopGaps(cat *checklists.Catalogue, a *Assessment, n int, asOf time.Time) []Gap {
	gaps := GapRegister(cat, a, asOf)
	slices.SortStableFunc(gaps, func(x, y Gap) int {
		return cmp.Or(
			cmp.Compare(gapSeverity(y.Result, asOf), gapSeverity(x.Result, asOf)),
			cmp.Compare(priorityRank(y.Result.Priority), priorityRank(x.Result.Priority)),
			cmp.Compare(shortfall(y.Result), shortfall(x.Result)),
		)
	})
	return gaps[:min(n, len(gaps))]
}

func gapSeverity(r *Result, asOf time.Time) int {
	switch {
	case r.Status == Nonconformant:
		return 4
	case r.Status == Partial:
		return 3
	case unsupported(r, asOf):
		return 2
	}
	return 1
}

func priorityRank(p Priority) int {
	switch p {
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

func shortfall(r *Result) int {
	if r.Maturity == 0 {
		return 0
	}
	return max(0, r.EffectiveTarget()-r.Maturity)
}
