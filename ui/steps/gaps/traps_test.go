package gaps

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/steps"
)

func TestRaisingAnNCTakesCareOfSlips(t *testing.T) {
	tests := []struct {
		name   string
		item   string
		keys   []string
		screen string
		raised int // NCs raised against the item
		grade  assessment.Grade
	}{
		{"a conformant item asks for the grade, observation by default", "4.1", []string{"N", "enter"}, "raised against 4.1 (observation)", 1, assessment.Observation},
		{"a conformant item's grade can be chosen", "4.1", []string{"N", "right", "enter"}, "raised against 4.1 (opportunity for improvement)", 1, assessment.OFI},
		{"esc on the grade raises nothing", "4.1", []string{"N", "esc"}, "Cancelled", 0, ""},
		{"an item with an open NC offers it instead", "8.4", []string{"N"}, "is already open against 8.4", 0, ""},
		{"a nonconformant item without one raises a major NC at once", "A.5.4", []string{"N"}, "raised against A.5.4", 1, assessment.MajorNC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := open(t)
			h.Send(steps.JumpTo{Step: steps.GapAnalysis, Item: tt.item})
			count := func() (n int, last assessment.Nonconformity) {
				for _, nc := range h.Stored().NCs {
					if nc.ItemID == tt.item {
						n, last = n+1, nc
					}
				}
				return n, last
			}
			before, _ := count()
			h.Keys(tt.keys...)
			h.Contains(tt.screen)
			after, last := count()
			if after-before != tt.raised || (tt.raised > 0 && last.Grade != tt.grade) {
				t.Fatalf("raised %d (%s), want %d (%s)", after-before, last.Grade, tt.raised, tt.grade)
			}
		})
	}
}

func TestYesOnTheOpenNCGoesToIt(t *testing.T) {
	h := open(t)
	h.Send(steps.JumpTo{Step: steps.GapAnalysis, Item: "8.4"})
	h.Keys("N", "y")
	if h.Work.Active() != steps.Nonconformities {
		t.Fatalf("yes stayed on step %d", h.Work.Active())
	}
	got := h.Blanks[steps.Nonconformities].Got
	if jump, ok := got[len(got)-1].(steps.JumpTo); !ok || jump.NC != 1 {
		t.Fatalf("the register received %+v, want NC-001", got[len(got)-1])
	}
}

func TestSearchFindsWordsOfFindingsEvidenceAndGuidanceAndShowsWhere(t *testing.T) {
	tests := []struct{ query, item, where string }{
		{"retrained", "6.1.4", "finding: …retrained"},
		{"REC-71953", "4.1", "evidence: "},
		{"pestle", "4.1", "verify: …PESTLE"},
		{"risk treatment", "6.1.3", ""}, // a title match shows the title
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			h := open(t)
			h.Press("search")
			h.Keys("text:"+tt.query, "enter")
			g := selectedItem(h)
			found := false
			for _, it := range g.rows {
				found = found || it.ID == tt.item
			}
			if !found {
				t.Fatalf("searching %q does not list %s", tt.query, tt.item)
			}
			if tt.where != "" {
				h.Contains(tt.where)
			}
		})
	}
}

func TestAnInterviewIsLoggedAndCitedOnceByEachItemJudgedInIt(t *testing.T) {
	h := open(t)
	logged := len(h.Stored().Interviews)
	h.Press("start interview")
	h.Keys("tab", "text:Priya Shah", "tab", "text:Head of Data Science", "tab", "ctrl+u", "text:2026-11-25", "enter")
	first, _ := selectedItem(h).selected()
	h.Contains("Interview INT-10, 1 judged: Priya Shah (Head", "logged; "+first.ID+" cites it")
	h.Keys("c", "3", "down", "p")
	second, _ := selectedItem(h).selected()
	h.Contains("• Interview INT-10 with Priya Shah (Head of Data Science), held 2026-")
	h.Press("end interview")
	h.Contains("Interview INT-10 with Priya Shah ended; it is evidence for 2 items")
	h.Keys("down", "c") // after the interview: no citation
	third, _ := selectedItem(h).selected()

	a := h.Stored()
	if len(a.Interviews) != logged+1 {
		t.Fatalf("the log holds %d interviews, want %d", len(a.Interviews), logged+1)
	}
	iv := a.Interviews[len(a.Interviews)-1]
	if iv.Name != "Priya Shah" || iv.Role != "Head of Data Science" || iv.Date.Format("2006-01-02") != "2026-11-25" {
		t.Errorf("logged %+v", iv)
	}
	if got, want := strings.Join(iv.Items, " "), first.ID+" "+second.ID; got != want {
		t.Errorf("the log says the interview discussed %q, want %q", got, want)
	}
	if got, want := strings.Join(a.InterviewCitations(iv.Number), " "), first.ID+" "+second.ID; got != want {
		t.Errorf("cited by %q, want %q", got, want)
	}
	for _, tt := range []struct {
		id   string
		want int
	}{{first.ID, 1}, {second.ID, 1}, {third.ID, 0}} {
		n := 0
		for _, e := range a.Results[tt.id].Evidence {
			if e.Interview == iv.Number && e.Kind == "interview" && e.Collected.Format("2006-01-02") == "2026-11-25" {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%s cites the interview %d times, want %d", tt.id, n, tt.want)
		}
	}
}

func TestALoggedInterviewIsResumedAndAddsTheItemsItDiscussed(t *testing.T) {
	h := open(t)
	h.Send(steps.JumpTo{Step: steps.GapAnalysis, Item: "7.4"})
	was, _ := h.Stored().InterviewByNumber(9)
	h.Press("start interview")
	h.Keys("right", "ctrl+s") // the most recent interview of the log comes first
	h.Contains("Interview INT-09, 0 judged: Three claims hand", "INT-09 with Three claims handlers, Leeds resumed")
	h.Keys("p", "2") // two keys, one citation
	h.Press("end interview")
	a := h.Stored()
	iv, _ := a.InterviewByNumber(9)
	if got, want := strings.Join(iv.Items, " "), strings.Join(append(was.Items, "7.4"), " "); got != want {
		t.Errorf("the log says INT-09 discussed %q, want %q", got, want)
	}
	if got := a.InterviewCitations(9); !slices.Contains(got, "7.4") {
		t.Errorf("INT-09 cited by %q, not 7.4", got)
	}
	n := 0
	for _, e := range a.Results["7.4"].Evidence {
		if e.Interview == 9 {
			n++
		}
	}
	if r := a.Results["7.4"]; n != 1 || r.Status != assessment.Partial || r.Maturity != 2 {
		t.Errorf("7.4 cites INT-09 %d times, judged %s %d", n, r.Status, r.Maturity)
	}
}

func TestAnItemCitesAnInterviewPickedFromTheLog(t *testing.T) {
	tests := []struct {
		item, offered, shown string
		number               int
		added                bool // the item joins the interview's items discussed
	}{
		{"7.4", "INT-09 of 2026-11-16: Three claims handlers", "• Interview INT-09 with Three claims handlers, Leeds (Claims handling", 9, true},
		// INT-01 discussed A.2, so it is offered first and already lists A.2.2
		{"A.2.2", "INT-01 of 2026-11-06: Zoë Ångström", "• Interview INT-01 with Zoë Ångström (AI Governance Officer), held", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			h := open(t)
			was, _ := h.Stored().InterviewByNumber(tt.number)
			h.Send(steps.JumpTo{Step: steps.GapAnalysis, Item: tt.item})
			h.Press("cite an interview")
			h.Contains(tt.offered)
			h.Keys("enter")
			h.Contains(tt.item+" now cites interview "+was.Label(), tt.shown)
			h.Press("cite an interview")
			h.Keys("enter")
			h.Contains(tt.item + " already cites " + was.Label())
			a := h.Stored()
			iv, _ := a.InterviewByNumber(tt.number)
			if added := len(iv.Items) == len(was.Items)+1 && iv.Items[len(was.Items)] == tt.item; added != tt.added || (!added && len(iv.Items) != len(was.Items)) {
				t.Errorf("the log says %s discussed %q, was %q", iv.Label(), iv.Items, was.Items)
			}
			if got := a.InterviewCitations(tt.number); !slices.Contains(got, tt.item) {
				t.Errorf("%s cited by %q, not %s", iv.Label(), got, tt.item)
			}
		})
	}
}

func TestTheDetailScrollsSoTheFindingIsReadAt80x24(t *testing.T) {
	h := open(t)
	h.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.Contains("Finding — enter to edit", "more lines below · J")
	h.Press("scroll detail down")
	h.Contains("lines above · K")
	h.Press("scroll detail up")
	h.Contains("4.1  Understanding")
}
