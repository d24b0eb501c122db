package assessment

import (
	"cmp"
	"math"
	"time"

	"aimsbench/checklists"
)

// Progress is what changed between two cycles of an assessment: the verdict then and now,
// each group's mean maturity then and now, the items that improved or regressed, and what
// became of the earlier cycle's nonconformities. The same value feeds the report's progress
// section and `compare --json`.
type Progress struct {
	Previous     CycleSnapshot   `json:"previous"`
	Current      CycleSnapshot   `json:"current"`
	Groups       []GroupProgress `json:"groups"`
	Improved     []ItemChange    `json:"improved"`
	Regressed    []ItemChange    `json:"regressed"`
	NCsClosed    []NCChange      `json:"ncs_closed"`
	NCsStillOpen []NCChange      `json:"ncs_still_open"`
	NCsNew       []NCChange      `json:"ncs_new"`
}

// CycleSnapshot is one cycle's verdict as evaluated on a date.
type CycleSnapshot struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	AsOf      time.Time `json:"as_of"`
	Verdict   string    `json:"verdict"`
	Level     int       `json:"level"`
	LevelName string    `json:"level_name"`
	Complete  bool      `json:"complete"`
	Assessed  int       `json:"assessed"`
	Total     int       `json:"total"`
	Floor     int       `json:"floor"`
	Mean      Mean      `json:"mean"`
}

// GroupProgress is one clause heading's or Annex A objective's mean maturity in both cycles;
// a mean is nil when nothing in the group was rated in that cycle.
type GroupProgress struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Previous *Mean  `json:"previous_mean"`
	Current  *Mean  `json:"current_mean"`
	Change   *Mean  `json:"change"`
}

// ItemChange is one requirement or control whose judgement moved between the cycles.
type ItemChange struct {
	Item             string `json:"item"`
	Title            string `json:"title"`
	PreviousStatus   Status `json:"previous_status"`
	CurrentStatus    Status `json:"current_status"`
	PreviousMaturity int    `json:"previous_maturity"`
	CurrentMaturity  int    `json:"current_maturity"`
}

// NCChange is a nonconformity's state in both cycles; PreviousStatus is empty for one raised
// in the current cycle.
type NCChange struct {
	ID             string   `json:"id"`
	Item           string   `json:"item"`
	Grade          Grade    `json:"grade"`
	Description    string   `json:"description"`
	PreviousStatus NCStatus `json:"previous_status,omitempty"`
	CurrentStatus  NCStatus `json:"current_status"`
}

// CycleDate is the date a cycle is judged at when compared: its end date, else its last
// update, and never later than asOf.
func CycleDate(a *Assessment, asOf time.Time) time.Time {
	d := cmp.Or(a.EndDate, a.Updated, asOf)
	if d.After(asOf) {
		d = asOf
	}
	return d
}

// Compare sets a cycle against the one before it. The previous cycle is evaluated at its
// CycleDate, the current one at asOf. An item improved when its status moved towards
// conformant (nonconformant → partially conformant → conformant) or, with the status
// unchanged, its maturity rose; it regressed in the opposite cases. Items not judged in both
// cycles are not compared. Nonconformities are matched by number.
func Compare(cat *checklists.Catalogue, prev, cur *Assessment, asOf time.Time) Progress {
	before := Evaluate(cat, prev, CycleDate(prev, asOf))
	after := Evaluate(cat, cur, asOf)
	p := Progress{
		Previous: snapshot(prev, before), Current: snapshot(cur, after),
		Groups: []GroupProgress{}, Improved: []ItemChange{}, Regressed: []ItemChange{},
		NCsClosed: []NCChange{}, NCsStillOpen: []NCChange{}, NCsNew: []NCChange{},
	}
	for i, g := range after.Groups {
		p.Groups = append(p.Groups, groupProgress(before.Groups[i], g))
	}
	for _, item := range cat.Assessable() {
		o, n := prev.Result(item), cur.Result(item)
		switch dir := direction(o, n); {
		case dir > 0:
			p.Improved = append(p.Improved, itemChange(item, o, n))
		case dir < 0:
			p.Regressed = append(p.Regressed, itemChange(item, o, n))
		}
	}
	compareNCs(&p, prev, cur)
	return p
}

func snapshot(a *Assessment, s Summary) CycleSnapshot {
	return CycleSnapshot{ID: a.ID, Title: a.Title, AsOf: s.AsOf, Verdict: s.Verdict, Level: s.Level,
		LevelName: s.LevelName, Complete: s.Complete, Assessed: s.Assessed, Total: s.Total,
		Floor: s.Floor, Mean: s.Mean}
}

func groupProgress(before, after Group) GroupProgress {
	g := GroupProgress{ID: after.ID, Title: after.Title}
	if before.Min > 0 {
		m := before.Mean
		g.Previous = &m
	}
	if after.Min > 0 {
		m := after.Mean
		g.Current = &m
	}
	if g.Previous != nil && g.Current != nil {
		d := Mean(math.Round(float64(*g.Current-*g.Previous)*10) / 10)
		g.Change = &d
	}
	return g
}

// statusRank orders the judged statuses from worst to best; 0 means not comparable.
func statusRank(s Status) int {
	switch s {
	case Nonconformant:
		return 1
	case Partial:
		return 2
	case Conformant:
		return 3
	}
	return 0
}

// direction is positive when a result improved from o to n, negative when it regressed.
func direction(o, n *Result) int {
	ro, rn := statusRank(o.Status), statusRank(n.Status)
	if ro > 0 && rn > 0 && ro != rn {
		return rn - ro
	}
	if ro > 0 && rn > 0 && o.Maturity > 0 && n.Maturity > 0 {
		return n.Maturity - o.Maturity
	}
	return 0
}

func itemChange(item checklists.Item, o, n *Result) ItemChange {
	return ItemChange{Item: item.ID, Title: item.Title, PreviousStatus: o.Status, CurrentStatus: n.Status,
		PreviousMaturity: o.Maturity, CurrentMaturity: n.Maturity}
}

// compareNCs sorts the nonconformities: those open before and now closed or verified, those
// open before and still open, and those raised in the current cycle. A carried-over
// nonconformity keeps its number and date raised, which is how it is recognised.
func compareNCs(p *Progress, prev, cur *Assessment) {
	old := map[int]Nonconformity{}
	for _, nc := range prev.NCs {
		old[nc.Number] = nc
	}
	for _, nc := range cur.NCs {
		if nc.IsWithdrawn() {
			continue // raised in error: neither new, nor open, nor closed
		}
		c := NCChange{ID: nc.Label(), Item: nc.ItemID, Grade: nc.Grade, Description: nc.Description, CurrentStatus: nc.Status}
		before, known := old[nc.Number]
		known = known && before.Raised.Equal(nc.Raised) // a reused number is a new finding
		switch {
		case !known:
			p.NCsNew = append(p.NCsNew, c)
		case !before.IsOpen():
		case nc.IsOpen():
			c.PreviousStatus = before.Status
			p.NCsStillOpen = append(p.NCsStillOpen, c)
		default:
			c.PreviousStatus = before.Status
			p.NCsClosed = append(p.NCsClosed, c)
		}
	}
}
