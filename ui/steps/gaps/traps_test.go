package gaps

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
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
			h := uitest.New(t).Open(steps.GapAnalysis, New)
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
	h := uitest.New(t).Open(steps.GapAnalysis, New)
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
			h := uitest.New(t).Open(steps.GapAnalysis, New)
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

func TestAnInterviewIsCitedOnceByEachItemJudgedInIt(t *testing.T) {
	h := uitest.New(t).Open(steps.GapAnalysis, New)
	h.Press("start interview")
	h.Keys("text:Priya Shah", "tab", "text:Head of Data Science", "tab", "ctrl+u", "text:2026-11-25", "enter")
	h.Contains("● Interview, 0 judged: Priya Shah")
	first, _ := selectedItem(h).selected()
	h.Keys("c", "3", "down", "p")
	second, _ := selectedItem(h).selected()
	h.Press("end interview")
	h.Contains("Interview with Priya Shah ended: 2 items cite it")
	h.Keys("down", "c") // after the interview: no citation
	third, _ := selectedItem(h).selected()
	for _, tt := range []struct {
		id   string
		want int
	}{{first.ID, 1}, {second.ID, 1}, {third.ID, 0}} {
		n := 0
		for _, e := range h.Stored().Results[tt.id].Evidence {
			if e.Kind == "interview" && e.Reference == "Priya Shah, Head of Data Science" && e.Collected.Format("2006-01-02") == "2026-11-25" {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%s cites the interview %d times, want %d", tt.id, n, tt.want)
		}
	}
}

func TestTheDetailScrollsSoTheFindingIsReadAt80x24(t *testing.T) {
	h := uitest.New(t).Open(steps.GapAnalysis, New)
	h.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.Contains("Finding — enter to edit", "more lines below · J")
	h.Press("scroll detail down")
	h.Contains("lines above · K")
	h.Press("scroll detail up")
	h.Contains("4.1  Understanding")
}
