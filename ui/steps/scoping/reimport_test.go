package scoping

import (
	"slices"
	"strings"
	"testing"

	"aimsbench/ui/internal/uitest"
)

// importFile imports an inventory file through the step, up to its review.
func importFile(h *uitest.Harness, path string) {
	h.Press("import CSV")
	h.Keys("text:"+path, "enter")
}

// TestAnInventoryImportedTwiceHoldsEachSystemOnce is issue 14's acceptance: the client's
// inventory imported again updates the systems it names, adds the new ones, keeps the ones
// it leaves out unless the assessor deletes them, and never duplicates one.
func TestAnInventoryImportedTwiceHoldsEachSystemOnce(t *testing.T) {
	first := "name,owner\nVision checker,Ana\nVoice bot,Bo\n"
	tests := []struct {
		name    string
		second  string
		keys    []string // pressed on the review of the second import
		screen  []string
		want    []string // the systems of the file, as stored: name/owner
		missing bool     // the first file's Voice bot is still in the inventory
	}{
		{"the same file again changes nothing", first, []string{"enter"},
			[]string{"0 new systems", "2 systems unchanged"}, []string{"Vision checker/Ana", "Voice bot/Bo"}, true},
		{"an updated file updates and adds", "name,owner\nvision checker,Cy\nVoice bot,Bo\nRoute planner,Di\n", []string{"enter"},
			[]string{"1 new system, added: Route planner", "1 changed system, updated: Vision checker (owner)"},
			[]string{"Vision checker/Cy", "Voice bot/Bo", "Route planner/Di"}, true},
		{"a system left out of the file is kept", "name\nVision checker\n", []string{"enter"},
			[]string{"not in the file, kept in the inventory"}, []string{"Vision checker/Ana"}, true},
		{"m and yes delete the systems left out of the file", "name\nVision checker\n", []string{"m", "enter", "y"},
			[]string{"Voice bot"}, []string{"Vision checker/Ana"}, false},
		{"m and the default No write nothing", "name,owner\nVision checker,Ed\n", []string{"m", "enter", "enter"},
			[]string{"Voice bot"}, []string{"Vision checker/Ana"}, true},
		{"esc discards the review", "name,owner\nVision checker,Ed\n", []string{"esc"},
			[]string{"1 changed system"}, []string{"Vision checker/Ana"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := inventory(t)
			before := len(h.Stored().Systems)
			importFile(h, writeCSV(t, first))
			h.Press("import these changes")
			importFile(h, writeCSV(t, tt.second))
			h.Contains(tt.screen...)
			h.Keys(tt.keys...)
			var got []string
			names := map[string]int{}
			for _, s := range h.Stored().Systems {
				names[strings.ToLower(s.Name)]++
				for _, w := range tt.want {
					if strings.HasPrefix(w, s.Name+"/") {
						got = append(got, s.Name+"/"+s.Owner)
					}
				}
			}
			for name, n := range names {
				if n > 1 {
					t.Errorf("%s is in the inventory %d times", name, n)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("stored %q, want %q", got, tt.want)
			}
			if _, ok := storedSystem(h, "Voice bot"); ok != tt.missing {
				t.Errorf("Voice bot in the inventory: %v, want %v", ok, tt.missing)
			}
			if n := len(h.Stored().Systems); tt.missing && n < before {
				t.Errorf("the demo's systems were deleted: %d, was %d", n, before)
			}
			if len(h.Work.Assessment().Systems) != len(h.Stored().Systems) {
				t.Error("the screen and the store disagree on the inventory")
			}
		})
	}
}
