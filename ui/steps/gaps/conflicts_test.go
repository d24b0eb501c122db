package gaps

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// TestTheWorkbenchNeverUndoesAFindingSavedMeanwhile is issue 11's acceptance: a finding
// saved by the command line (a second store handle on the same file) while the workbench
// shows the item survives the workbench's next save of that item, or the workbench shows a
// conflict naming both values.
func TestTheWorkbenchNeverUndoesAFindingSavedMeanwhile(t *testing.T) {
	tests := []struct {
		name     string
		keys     []string // typed in the notes form before ctrl+s
		finding  string   // stored afterwards
		owner    string   // stored afterwards; "" for the demo's
		conflict bool
	}{
		{"the notes form saved unchanged writes nothing", nil, "from assess", "", false},
		{"a changed owner is saved beside the finding saved meanwhile", []string{"tab", "tab", "ctrl+u", "text:Bea"}, "from assess", "Bea", false},
		{"a changed finding is refused as a conflict", []string{"text: and mine"}, "from assess", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := open(t)
			item, _ := h.Work.Step(steps.GapAnalysis).(*gaps).selected()
			cli, err := store.Open(h.Store.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer cli.Close()
			h.Press("edit notes") // the form opens on what the workbench shows
			theirs := "from assess"
			if _, err := cli.SaveJudgement(h.ID, item, assessment.Judgement{Finding: &theirs}); err != nil {
				t.Fatal(err)
			}
			before, _ := h.Store.LastChange()
			h.Keys(tt.keys...)
			h.Keys("ctrl+s")
			r := h.Stored().Result(item)
			if tt.owner == "" {
				tt.owner = h.Work.Assessment().Result(item).Owner
			}
			if r.Finding != tt.finding || r.Owner != tt.owner {
				t.Fatalf("stored finding %q owner %q, want %q %q", r.Finding, r.Owner, tt.finding, tt.owner)
			}
			if tt.conflict {
				h.Contains("changed elsewhere", `"from assess"`, "ctrl+r")
			}
			if after, _ := h.Store.LastChange(); tt.keys == nil && after != before {
				t.Errorf("an unchanged notes form wrote %d audit rows", after-before)
			}
		})
	}
}

func TestOthersChangesShowOnCtrlRAndWhenTheTerminalRegainsFocus(t *testing.T) {
	tests := []struct {
		name   string
		reload tea.Msg
	}{
		{"ctrl+r", uitest.KeyMsg("ctrl+r")},
		{"focus regained", tea.FocusMsg{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := open(t)
			item, _ := h.Work.Step(steps.GapAnalysis).(*gaps).selected()
			cli, err := store.Open(h.Store.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer cli.Close()
			finding := "Written by assess while the workbench was in the background"
			if _, err := cli.SaveJudgement(h.ID, item, assessment.Judgement{Finding: &finding}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(h.Screen(), finding) {
				t.Fatal("the screen changed before anything asked it to")
			}
			h.Send(tt.reload)
			h.Contains(finding)
		})
	}
}
