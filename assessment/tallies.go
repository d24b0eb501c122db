package assessment

import (
	"math"
	"slices"
	"time"

	"aimsbench/checklists"
)

// HeatMap counts risks per cell of the 5×5 grid: cell [l-1][i-1] holds the risks rated
// likelihood l and impact i. Residual selects the ratings after treatment. Risks not rated on
// both axes are left out and counted in unrated.
func HeatMap(risks []Risk, residual bool) (grid [5][5]int, unrated int) {
	for _, r := range risks {
		l, i := r.Likelihood, r.Impact
		if residual {
			l, i = r.ResidualLikelihood, r.ResidualImpact
		}
		if l < 1 || l > 5 || i < 1 || i > 5 {
			unrated++
			continue
		}
		grid[l-1][i-1]++
	}
	return grid, unrated
}

// NCTally counts nonconformities by where they stand as of a date. Total leaves out the
// withdrawn ones, which are counted apart.
type NCTally struct {
	Total, Open, Overdue, Closed, Verified, OpenMajor, Withdrawn int
}

// TallyNCs counts an assessment's nonconformities as of a date.
func TallyNCs(a *Assessment, asOf time.Time) NCTally {
	var t NCTally
	for _, nc := range a.NCs {
		if nc.IsWithdrawn() {
			t.Withdrawn++
			continue
		}
		t.Total++
		switch {
		case nc.IsOpen():
			t.Open++
			if nc.Overdue(asOf) {
				t.Overdue++
			}
			if nc.Grade == MajorNC {
				t.OpenMajor++
			}
		case nc.Status == NCVerified:
			t.Verified++
		default:
			t.Closed++
		}
	}
	return t
}

// RequestTally counts the catalogue's evidence requests by status; an absent status counts as
// not requested.
type RequestTally struct {
	Total, NotRequested, Requested, Received, Reviewed, NotAvailable int
}

// InHand counts the requests received or reviewed.
func (t RequestTally) InHand() int { return t.Received + t.Reviewed }

// TallyRequests counts the evidence requests of the catalogue by their status in the assessment.
func TallyRequests(cat *checklists.Catalogue, a *Assessment) RequestTally {
	var t RequestTally
	for _, c := range cat.EvidenceRequests {
		for _, e := range c.Items {
			t.Total++
			switch a.Requests[e.ID].State {
			case Requested:
				t.Requested++
			case Received:
				t.Received++
			case Reviewed:
				t.Reviewed++
			case NotAvailable:
				t.NotAvailable++
			default:
				t.NotRequested++
			}
		}
	}
	return t
}

// GroupTarget is the mean target maturity (one decimal) over the items of a roll-up group that
// count towards the verdict; 0 when the group has none.
func GroupTarget(cat *checklists.Catalogue, a *Assessment, groupID string) Mean {
	sum, n := 0, 0
	for _, item := range cat.Assessable() {
		if cat.GroupOf(item.ID) == groupID && a.InReadinessScope(item) {
			sum += a.Result(item).EffectiveTarget()
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return Mean(math.Round(float64(sum)/float64(n)*10) / 10)
}

// LinkedRisks returns the risks whose treatment relies on a control, in register order.
func LinkedRisks(a *Assessment, control string) []Risk {
	var out []Risk
	for _, r := range a.Risks {
		if slices.Contains(r.Controls, control) {
			out = append(out, r)
		}
	}
	return out
}

// TestOf returns the operating-effectiveness test of a control, nil when it has none.
func (a *Assessment) TestOf(control string) *ControlTest {
	for i := range a.Tests {
		if a.Tests[i].ControlID == control {
			return &a.Tests[i]
		}
	}
	return nil
}

// ImpactAssessmentProblem says why an AI system's impact assessment is not current as of a
// date ("none", "older than 12 months", "older than the last significant change"); empty when
// it is current.
func ImpactAssessmentProblem(s AISystem, asOf time.Time) string { return aisiaProblem(s, asOf) }

// Tested counts the samples that have a result (pass or exception).
func (t *ControlTest) Tested() int {
	n := 0
	for _, s := range t.Samples {
		if s.Result == Pass || s.Result == Exception {
			n++
		}
	}
	return n
}
