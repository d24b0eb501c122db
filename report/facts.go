package report

import (
	"fmt"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// facts is everything the report prints, worked out once from the assessment by package
// assessment and shared by both layout passes.
type facts struct {
	cat          *checklists.Catalogue
	a            *assessment.Assessment
	opts         Options
	asOf         time.Time
	sum          assessment.Summary
	gaps         []assessment.Gap
	top          []assessment.Gap
	unassessed   []checklists.Item
	phases       []assessment.RoadmapPhase
	unplanned    []assessment.Gap
	unplannedNCs []assessment.Nonconformity
	capping      []assessment.Blocker   // blockers, each capping the level at 2 or 3
	low          []assessment.RatedItem // items rated below level 3
	progress     *assessment.Progress
	ncs          assessment.NCTally
	requests     assessment.RequestTally
	sections     []section
	numbers      map[string]string // section ID → printed number
}

// topGapCount is how many gaps the executive summary lists.
const topGapCount = 10

func gather(cat *checklists.Catalogue, a *assessment.Assessment, opts Options) *facts {
	f := &facts{cat: cat, a: a, opts: opts, asOf: opts.reportDate(a)}
	f.sum = assessment.Evaluate(cat, a, f.asOf)
	f.gaps = assessment.GapRegister(cat, a, f.asOf)
	f.top = assessment.TopGaps(cat, a, topGapCount, f.asOf)
	f.unassessed = assessment.Unassessed(cat, a)
	f.phases, f.unplanned, f.unplannedNCs = assessment.Roadmap(cat, a, f.asOf)
	f.capping, f.low = f.sum.Blockers, f.sum.BelowLevel3
	f.ncs = assessment.TallyNCs(a, f.asOf)
	f.requests = assessment.TallyRequests(cat, a)
	if opts.Previous != nil {
		p := assessment.Compare(cat, opts.Previous, a, f.asOf)
		f.progress = &p
	}
	f.sections = f.plan()
	f.numbers = map[string]string{}
	n := 0
	for _, s := range f.sections {
		if s.numbered {
			n++
			f.numbers[s.id] = fmt.Sprint(n)
		}
	}
	return f
}

// plan lists the report's sections in the order of SPEC §10. The gap report keeps the
// front matter, the summary, the methodology, the gaps, the nonconformities, the common gaps
// and the roadmap.
func (f *facts) plan() []section {
	all := []struct {
		s   section
		gap bool // part of the gap report too
	}{
		{section{id: "cover", title: "Cover", draw: (*doc).cover}, true},
		{section{id: "control", title: "Document control", newPage: true, draw: (*doc).documentControl}, true},
		{section{id: "contents", title: "Contents", newPage: true, draw: (*doc).contents}, true},
		{section{id: "summary", title: "Executive summary", numbered: true, newPage: true, draw: (*doc).executiveSummary}, true},
		{section{id: "progress", title: "Progress since the last assessment", numbered: true, newPage: true, draw: (*doc).progressSection}, true},
		{section{id: "scope", title: "Scope and AI system inventory", numbered: true, newPage: true, draw: (*doc).scope}, false},
		{section{id: "method", title: "Methodology", numbered: true, newPage: true, draw: (*doc).methodology}, true},
		{section{id: "maturity", title: "Maturity by clause and Annex A objective", numbered: true, newPage: true, draw: (*doc).maturity}, false},
		{section{id: "gaps", title: "Gap register", numbered: true, newPage: true, draw: (*doc).gapRegister}, true},
		{section{id: "soa", title: "Statement of Applicability", numbered: true, newPage: true, draw: (*doc).soa}, false},
		{section{id: "risk", title: "Impact assessments and risk register", numbered: true, newPage: true, draw: (*doc).risks}, false},
		{section{id: "testing", title: "Control testing", numbered: true, newPage: true, draw: (*doc).controlTesting}, false},
		{section{id: "ncs", title: "Nonconformities and corrective actions", numbered: true, newPage: true, draw: (*doc).nonconformities}, true},
		{section{id: "evidence", title: "Evidence request status", numbered: true, newPage: true, draw: (*doc).evidenceRequests}, false},
		{section{id: "checklist", title: "Readiness checklist", numbered: true, newPage: true, draw: (*doc).readinessChecklist}, false},
		{section{id: "kpis", title: "Key performance indicators", numbered: true, newPage: true, draw: (*doc).kpis}, false},
		{section{id: "common", title: "Common gaps detected", numbered: true, newPage: true, draw: (*doc).commonGaps}, true},
		{section{id: "quality", title: "Assessment quality", numbered: true, newPage: false, draw: (*doc).quality}, false},
		{section{id: "roadmap", title: "Roadmap to certification", numbered: true, newPage: true, draw: (*doc).roadmap}, true},
		{section{id: "appendix", title: "Appendix: NIST AI RMF and EU AI Act alignment", numbered: false, newPage: true, draw: (*doc).appendix}, false},
		{section{id: "signoff", title: "Sign-off", numbered: false, newPage: true, draw: (*doc).signOff}, true},
	}
	var out []section
	for _, e := range all {
		if (f.opts.GapOnly && !e.gap) || (e.s.id == "progress" && f.progress == nil) {
			continue
		}
		out = append(out, e.s)
	}
	return out
}

// status prints a status as a capitalised label.
func status(s assessment.Status) string { return capitalise(s.Label()) }

// statusCell marks a status with a background whose lightness says how serious it is; the
// word is always there too.
func statusCell(s assessment.Status) cell {
	switch s {
	case assessment.Conformant:
		return marked(status(s), goodFill)
	case assessment.Partial:
		return marked(status(s), midFill)
	case assessment.Nonconformant:
		return marked(status(s), badFill)
	}
	return txt(status(s))
}

// itemTitle is "ID Title" for a catalogue item.
func itemTitle(item checklists.Item) string { return item.ID + " " + item.Title }

// itemRef is "ID Title" for an item ID, or the ID alone when the catalogue lacks it.
func (f *facts) itemRef(id string) string {
	if item, ok := f.cat.Item(id); ok {
		return itemTitle(item)
	}
	return id
}
