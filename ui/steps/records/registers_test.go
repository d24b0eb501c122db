package records

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// registerCase drives one register's tab: the keys that fill a new entry's form, what the
// store must then hold as the last entry, the keys that edit it and what it holds after.
type registerCase struct {
	tab    int // presses of ] from the request list
	name   string
	count  func(a *assessment.Assessment) int
	last   func(a *assessment.Assessment) any // the last entry, number cleared
	add    []string
	added  any
	edit   []string
	edited func(x any) bool
}

func registerCases(a *assessment.Assessment) []registerCase {
	sys := a.Systems[0].ID
	return []registerCase{
		{tab: 1, name: "internal audits", count: func(a *assessment.Assessment) int { return len(a.Audits) },
			last: func(a *assessment.Assessment) any { x := a.Audits[len(a.Audits)-1]; x.Number = 0; return x },
			add: []string{"text:Qa audit", "enter", "enter", "text:2026-11-20", "enter", "text:Moira", "enter", "text:Risk", "enter",
				"text:Legal, Claims", "enter", "text:9.2, a.6.2.4", "enter", "text:NC-001", "ctrl+s"},
			added: assessment.InternalAudit{Title: "Qa audit", Planned: uitest.Day.Truncate(24 * 3600e9), Held: date("2026-11-20"),
				Auditor: "Moira", AuditorArea: "Risk", Areas: []string{"Legal", "Claims"}, Items: []string{"9.2", "A.6.2.4"}, Findings: []int{1}},
			edit:   []string{"enter", "text: again", "ctrl+s"},
			edited: func(x any) bool { return x.(assessment.InternalAudit).Title == "Qa audit again" }},
		{tab: 2, name: "management reviews", count: func(a *assessment.Assessment) int { return len(a.Reviews) },
			last: func(a *assessment.Assessment) any { x := a.Reviews[len(a.Reviews)-1]; x.Number = 0; return x },
			add:  []string{"enter", "text:Helena, Tomasz", "enter", "space", "down", "space", "enter", "text:Fund the model inventory", "ctrl+s"},
			added: assessment.ManagementReview{Date: uitest.Day.Truncate(24 * 3600e9), Attendees: []string{"Helena", "Tomasz"},
				Inputs: []string{"MRI-A", "MRI-B"}, Decisions: "Fund the model inventory"},
			edit: []string{"enter", "tab", "text:, Zed", "ctrl+s"},
			edited: func(x any) bool {
				return reflect.DeepEqual(x.(assessment.ManagementReview).Attendees, []string{"Helena", "Tomasz", "Zed"})
			}},
		{tab: 3, name: "interviews", count: func(a *assessment.Assessment) int { return len(a.Interviews) },
			last: func(a *assessment.Assessment) any { x := a.Interviews[len(a.Interviews)-1]; x.Number = 0; return x },
			add:  []string{"text:Quinn Ash", "enter", "text:CISO", "enter", "enter", "text:6.1.2,A.5.2", "ctrl+s"},
			added: assessment.Interview{Name: "Quinn Ash", Role: "CISO", Date: uitest.Day.Truncate(24 * 3600e9),
				Items: []string{"6.1.2", "A.5.2"}},
			edit:   []string{"enter", "tab", "text: deputy", "ctrl+s"},
			edited: func(x any) bool { return x.(assessment.Interview).Role == "CISO deputy" }},
		{tab: 4, name: "AI incidents", count: func(a *assessment.Assessment) int { return len(a.Incidents) },
			last: func(a *assessment.Assessment) any { x := a.Incidents[len(a.Incidents)-1]; x.Number = 0; return x },
			add:  []string{"text:Qb outage", "enter", "down", "enter", "text:2026-11-24", "enter", "enter", "enter", "text:2026-11-26", "ctrl+s"},
			added: assessment.Incident{Title: "Qb outage", SystemID: sys, Occurred: date("2026-11-24"),
				Detected: uitest.Day.Truncate(24 * 3600e9), Resolved: date("2026-11-26")},
			edit:   []string{"enter", "text: fixed", "ctrl+s"},
			edited: func(x any) bool { return x.(assessment.Incident).Title == "Qb outage fixed" }},
		{tab: 5, name: "training records", count: func(a *assessment.Assessment) int { return len(a.Training) },
			last: func(a *assessment.Assessment) any { x := a.Training[len(a.Training)-1]; x.Number = 0; return x },
			add:  []string{"text:Qc group", "enter", "text:AI basics", "enter", "backspace", "text:10", "enter", "backspace", "text:4", "ctrl+s"},
			added: assessment.TrainingRecord{Group: "Qc group", Training: "AI basics", Due: 10, Completed: 4,
				Date: uitest.Day.Truncate(24 * 3600e9)},
			edit:   []string{"enter", "tab", "tab", "tab", "backspace", "text:9", "ctrl+s"},
			edited: func(x any) bool { return x.(assessment.TrainingRecord).Completed == 9 }},
		{tab: 6, name: "suppliers", count: func(a *assessment.Assessment) int { return len(a.Suppliers) },
			last:   func(a *assessment.Assessment) any { x := a.Suppliers[len(a.Suppliers)-1]; x.Number = 0; return x },
			add:    []string{"text:Qd Ltd", "enter", "text:Models", "enter", "space", "ctrl+s"},
			added:  assessment.Supplier{Name: "Qd Ltd", Provides: "Models", Systems: []int64{sys}},
			edit:   []string{"enter", "tab", "text: and data", "ctrl+s"},
			edited: func(x any) bool { return x.(assessment.Supplier).Provides == "Models and data" }},
	}
}

func date(s string) time.Time {
	d, err := assessment.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestEachRegisterAddsEditsAndDeletesWithDeleteDefaultingToNo(t *testing.T) {
	for _, tc := range registerCases(uitest.New(t).Stored()) {
		t.Run(tc.name, func(t *testing.T) {
			h := uitest.New(t).Open(steps.Records, New)
			for range tc.tab {
				h.Keys("]")
			}
			before := tc.count(h.Stored())
			h.Press("add")
			h.Keys(tc.add...)
			if h.Work.Typing() {
				t.Fatalf("the form did not save:\n%s", h.Screen())
			}
			a := h.Stored()
			if tc.count(a) != before+1 {
				t.Fatalf("%d entries after adding one to %d:\n%s", tc.count(a), before, h.Screen())
			}
			if got := tc.last(a); !reflect.DeepEqual(got, tc.added) {
				t.Fatalf("stored\n%+v\nwant\n%+v", got, tc.added)
			}
			h.Contains("added to the " + tc.name)

			h.Keys(tc.edit...) // the cursor is on the new entry
			if got := tc.last(h.Stored()); !tc.edited(got) || tc.count(h.Stored()) != before+1 {
				t.Fatalf("after the edit: %+v\n%s", got, h.Screen())
			}

			h.Press("delete")
			h.Contains("Please confirm", "given out again")
			h.Keys("enter")
			if tc.count(h.Stored()) != before+1 {
				t.Fatal("enter on the delete confirmation deleted the entry")
			}
			h.Press("delete")
			h.Keys("y")
			if tc.count(h.Stored()) != before {
				t.Fatalf("y did not delete the entry:\n%s", h.Screen())
			}
		})
	}
}

func TestAWrongClauseIDKeepsTheFormOpenWithTheReason(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	h.Keys("]", "]", "]") // interviews
	before := len(h.Stored().Interviews)
	h.Press("add")
	h.Keys("text:Quinn", "enter", "enter", "enter", "text:6.1.2, 99.9", "ctrl+s")
	if !h.Work.Typing() || len(h.Stored().Interviews) != before {
		t.Fatal("an interview naming an unknown item was saved")
	}
	h.Contains(`"99.9" is not a clause or control`)
}

func TestAnInterviewCitedAsEvidenceIsNotOfferedForDeletion(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	h.Keys("]", "]", "]") // interviews; INT-01 is cited by the demo's evidence
	h.Press("delete")
	if strings.Contains(h.Screen(), "Please confirm") {
		t.Fatal("the deletion of a cited interview was asked")
	}
	h.Contains("INT-01 is cited as evidence")
	if _, ok := h.Stored().InterviewByNumber(1); !ok {
		t.Fatal("the cited interview was deleted")
	}
}

func TestEveryListFitsTheTerminal(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		h.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for tab := range 7 {
			for _, open := range [][]string{nil, {"a"}} { // the list, then the add form
				if tab == 0 && open != nil {
					continue // the request list adds nothing
				}
				h.Keys(open...)
				lines := strings.Split(h.Screen(), "\n")
				if len(lines) > size[1] {
					t.Errorf("tab %d at %dx%d: %d lines", tab, size[0], size[1], len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("tab %d at %dx%d: a line of %d cells: %q", tab, size[0], size[1], w, l)
					}
				}
				if open != nil {
					h.Keys("esc")
				}
			}
			h.Keys("]")
		}
	}
}

func TestAnAuditorAuditingTheirOwnAreaIsNamedInTheDetail(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	h.Keys("]") // internal audits
	h.Press("add")
	h.Keys("text:Own area", "enter", "enter", "enter", "text:Moira", "enter", "text:Risk", "enter", "text:Risk", "enter", "text:9.2", "ctrl+s")
	h.Contains("Independence", "! internal audit IA-05")
	h.Keys("up")
	h.Contains("IA-04", "no conflict found")
}

// TestAFormSavedUnchangedKeepsStoredTextAsItIs: text that reached the store from the command
// line or a bundle with escape sequences, tabs or a bidi override is shown made visible in
// the form, and a form saved without touching that field leaves it exactly as stored.
func TestAFormSavedUnchangedKeepsStoredTextAsItIs(t *testing.T) {
	h := uitest.New(t)
	a := h.Stored()
	hostile := "Moira \x1b[31mK\x1b[0m\tTab \u202eevil"
	x := a.Audits[0]
	x.Auditor = hostile
	if _, err := h.Store.SaveAudit(a.ID, &a.Audits[0], x); err != nil {
		t.Fatal(err)
	}
	h.Open(steps.Records, New)
	h.Keys("]", "enter")
	if screen := h.Work.View(); strings.ContainsAny(screen, "\x1b[31m\u202e") && strings.Contains(ansi.Strip(screen), "\u202e") {
		t.Error("the edit form sends the stored bidi override to the terminal")
	}
	h.Contains("⟨ESC⟩[31mK")
	h.Keys("ctrl+s")
	if got := h.Stored().Audits[0].Auditor; got != hostile {
		t.Errorf("saving the form unchanged rewrote the auditor: %q, want %q", got, hostile)
	}
	h.Keys("enter", "text: Jr", "ctrl+s") // a title edit leaves the auditor alone too
	if got := h.Stored().Audits[0]; got.Auditor != hostile || !strings.HasSuffix(got.Title, " Jr") {
		t.Errorf("after editing the title: auditor %q, title %q", got.Auditor, got.Title)
	}
}

// TestACitedInterviewKeepsWhoAndWhen: the demo's INT-01 is cited as evidence, whose title
// and date say who was interviewed and when; renaming it is refused, so they stay true.
func TestACitedInterviewKeepsWhoAndWhen(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	before, _ := h.Stored().InterviewByNumber(1)
	h.Keys("]", "]", "]", "enter", "text: Mallory", "ctrl+s")
	h.Contains("cited as evidence for")
	if after, _ := h.Stored().InterviewByNumber(1); after.Name != before.Name {
		t.Errorf("a cited interview was renamed from %q to %q", before.Name, after.Name)
	}
}
