package assessment

import (
	"time"

	"aimsbench/checklists"
)

// Fieldwork is what the data shows of the work behind the judgements: how many items were
// judged and on what evidence, and which tests, samples, evidence requests, risks and impact
// assessments exist. The report's methodology and limitations are written from it, so they
// claim no work the data does not show.
type Fieldwork struct {
	Items           int            // items of R: clause requirements and included controls
	Judged          int            // items of R with a status and a maturity
	OnEvidence      int            // judged items of R with at least one evidence item
	WithoutEvidence []string       // judged items of R with no evidence item, in catalogue order
	Evidence        map[string]int // evidence items on the items of R, by kind
	Files           int            // evidence items fingerprinted with SHA-256
	Interviewed     int            // items of R with at least one interview on record

	ControlsIncluded int      // included Annex A controls
	ControlsTested   int      // included controls whose test has at least one sample tested
	TestsConcluded   int      // tests concluded effective or ineffective
	TestsEffective   int      // tests concluded effective
	SamplesTested    int      // samples with a result, over every test
	Untested         []string // included controls without a tested sample, in catalogue order

	Requests       RequestTally
	Risks          int // entries of the risk register
	SystemsInScope int
	ImpactCurrent  int // in-scope systems with a current impact assessment
}

// EvidenceKinds are the kinds of evidence an assessor records, in the order a report lists them.
var EvidenceKinds = []string{"document", "record", "interview", "observation", "system"}

// TallyFieldwork counts the work behind an assessment as of a date.
func TallyFieldwork(cat *checklists.Catalogue, a *Assessment, asOf time.Time) Fieldwork {
	w := Fieldwork{Evidence: map[string]int{}, Requests: TallyRequests(cat, a), Risks: len(a.Risks)}
	for _, item := range cat.Assessable() {
		if !a.InReadinessScope(item) {
			continue
		}
		w.Items++
		r := a.Result(item)
		if item.IsControl() {
			w.ControlsIncluded++
			w.countTest(cat, a.TestOf(item.ID), item.ID)
		}
		interviewed := false
		for _, e := range r.Evidence {
			w.Evidence[e.Kind]++
			if e.SHA256 != "" {
				w.Files++
			}
			interviewed = interviewed || e.Kind == "interview"
		}
		if interviewed {
			w.Interviewed++
		}
		if !r.Judged() {
			continue
		}
		w.Judged++
		if len(r.Evidence) > 0 {
			w.OnEvidence++
		} else {
			w.WithoutEvidence = append(w.WithoutEvidence, item.ID)
		}
	}
	yearAgo := day(asOf).AddDate(-1, 0, 0)
	for i := range a.Systems {
		if s := &a.Systems[i]; s.InScope {
			w.SystemsInScope++
			if aisiaProblemSince(s, yearAgo) == "" {
				w.ImpactCurrent++
			}
		}
	}
	return w
}

// countTest adds one included control's test, or notes the control as untested.
func (w *Fieldwork) countTest(cat *checklists.Catalogue, t *ControlTest, control string) {
	if t == nil || t.Tested() == 0 {
		w.Untested = append(w.Untested, control)
		return
	}
	w.ControlsTested++
	w.SamplesTested += t.Tested()
	switch t.Conclusion(cat.Sampling) {
	case Effective:
		w.TestsConcluded++
		w.TestsEffective++
	case Ineffective:
		w.TestsConcluded++
	}
}
