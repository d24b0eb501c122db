package report

import (
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// facts is everything the report prints, worked out once from the assessment by package
// assessment and shared by both layout passes.
type facts struct {
	cat        *checklists.Catalogue
	a          *assessment.Assessment
	opts       Options
	asOf       time.Time
	sum        assessment.Summary
	gaps       []assessment.Gap
	unassessed []checklists.Item
	plan       assessment.Plan
	work       assessment.Fieldwork
	capping    []assessment.Blocker   // blockers that cap the level
	low        []assessment.RatedItem // items rated below level 3
	draftWhy   []string               // why the report is a draft; empty when it may be final
	progress   *assessment.Progress
	ncs        assessment.NCTally
	sections   []section
	numbers    map[string]string // section ID → printed number
}

func gather(cat *checklists.Catalogue, a *assessment.Assessment, opts Options) *facts {
	f := &facts{cat: cat, a: a, opts: opts, asOf: opts.reportDate(a)}
	f.sum = assessment.Evaluate(cat, a, f.asOf)
	f.gaps = assessment.GapRegister(cat, a, f.asOf)
	f.unassessed = assessment.Unassessed(cat, a)
	f.plan = assessment.RoadmapPlan(cat, a, f.asOf)
	f.work = assessment.TallyFieldwork(cat, a, f.asOf)
	f.capping, f.low = f.sum.Blockers, f.sum.BelowLevel3
	f.draftWhy = assessment.DraftReasons(a, f.sum)
	if opts.Draft {
		f.draftWhy = append(f.draftWhy, "a draft was asked for")
	}
	f.ncs = assessment.TallyNCs(a, f.asOf)
	if opts.Previous != nil {
		p := assessment.Compare(cat, opts.Previous, a, f.asOf)
		f.progress = &p
	}
	f.sections = f.planSections()
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

// heading is a section's title as printed, with its number when it has one.
func (f *facts) heading(s section) string {
	if n := f.numbers[s.id]; n != "" {
		return n + "  " + s.title
	}
	return s.title
}

// draft reports whether every page is marked DRAFT.
func (f *facts) draft() bool { return len(f.draftWhy) > 0 }

// planSections lists the report's sections in the order of SPEC §10. The gap report keeps the
// front matter, the summary and limitations, the methodology, the gaps, the nonconformities,
// the common gaps, the roadmap and the evidence annex.
func (f *facts) planSections() []section {
	all := []struct {
		s   section
		gap bool // part of the gap report too
	}{
		{section{id: "cover", title: "Cover", draw: (*doc).cover}, true},
		{section{id: "control", title: "Document control", newPage: true, draw: (*doc).documentControl}, true},
		{section{id: "contents", title: "Contents", newPage: true, draw: (*doc).contents}, true},
		{section{id: "summary", title: "Executive summary", numbered: true, newPage: true, draw: (*doc).executiveSummary}, true},
		{section{id: "limits", title: "Limitations of this assessment", numbered: true, newPage: true, draw: (*doc).limitations}, true},
		{section{id: "progress", title: "Progress since the last assessment", numbered: true, draw: (*doc).progressSection}, true},
		{section{id: "scope", title: "Scope and AI system inventory", numbered: true, newPage: true, draw: (*doc).scope}, false},
		{section{id: "method", title: "Methodology", numbered: true, newPage: true, draw: (*doc).methodology}, true},
		{section{id: "maturity", title: "Maturity by clause and Annex A objective", numbered: true, newPage: true, draw: (*doc).maturity}, false},
		{section{id: "gaps", title: "Gap register", numbered: true, newPage: true, draw: (*doc).gapRegister}, true},
		{section{id: "soa", title: "Statement of Applicability", numbered: true, newPage: true, draw: (*doc).soa}, false},
		{section{id: "risk", title: "Impact assessments and risk register", numbered: true, newPage: true, draw: (*doc).risks}, false},
		{section{id: "testing", title: "Control testing", numbered: true, draw: (*doc).controlTesting}, false},
		{section{id: "ncs", title: "Nonconformities and corrective actions", numbered: true, newPage: true, draw: (*doc).nonconformities}, true},
		{section{id: "evidence", title: "Evidence requests", numbered: true, newPage: true, draw: (*doc).evidenceRequests}, false},
		{section{id: "checklist", title: "Readiness checklist", numbered: true, newPage: true, draw: (*doc).readinessChecklist}, false},
		{section{id: "records", title: "Management system records", numbered: true, newPage: true, draw: (*doc).records}, false},
		{section{id: "kpis", title: "Key performance indicators", numbered: true, draw: (*doc).kpis}, false},
		{section{id: "common", title: "Common gaps detected", numbered: true, newPage: true, draw: (*doc).commonGaps}, true},
		{section{id: "quality", title: "Assessment quality", numbered: true, draw: (*doc).quality}, false},
		{section{id: "roadmap", title: "Roadmap to certification", numbered: true, newPage: true, draw: (*doc).roadmap}, true},
		{section{id: "annex", title: "Appendix 1: Results and the evidence behind them", newPage: true, draw: (*doc).evidenceAnnex}, true},
		{section{id: "appendix", title: "Appendix 2: NIST AI RMF and EU AI Act alignment", newPage: true, draw: (*doc).appendix}, false},
		{section{id: "signoff", title: "Sign-off", newPage: true, draw: (*doc).signOff}, true},
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

// itemTitle is "ID Title" for a catalogue item, a title that does not stand on its own
// ("General") put in the context of its parent: "9.2.1 Internal audit — general".
func (f *facts) itemTitle(item checklists.Item) string {
	if strings.EqualFold(item.Title, "General") {
		if parent, ok := f.cat.Item(item.Parent); ok {
			return item.ID + " " + parent.Title + " — general"
		}
	}
	return item.ID + " " + item.Title
}

// itemRef is itemTitle for an item ID, or the ID alone when the catalogue lacks it.
func (f *facts) itemRef(id string) string {
	if item, ok := f.cat.Item(id); ok {
		return f.itemTitle(item)
	}
	return id
}
