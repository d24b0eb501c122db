package gaps

import (
	"strings"
	"testing"
	"time"

	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

func selectedItem(h *uitest.Harness) *gaps { return h.Work.Step(steps.GapAnalysis).(*gaps) }

func TestEvidenceIsEditedWithItsDatesAndRemovedAfterAYes(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		titles  func(was []string) []string // stored afterwards, in order; nil: as before
		refused string
	}{
		{"an edit keeps the item's place and attach time", []string{"enter", "ctrl+u", "text:Context analysis v2", "tab", "tab", "tab", "tab", "ctrl+u", "text:2027-06-30", "ctrl+s"},
			func(was []string) []string { return append([]string{"Context analysis v2"}, was[1:]...) }, ""},
		{"valid until before collected is refused in the form", []string{"enter", "tab", "tab", "tab", "tab", "ctrl+u", "text:2020-01-01", "ctrl+s"}, nil,
			"is before the day it was"},
		{"removal asks, and No keeps it", []string{"down", "d", "enter"}, nil, ""},
		{"removal asks, and y removes it", []string{"down", "d", "y"},
			func(was []string) []string { return append([]string{was[0]}, was[2:]...) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := open(t)
			item, _ := selectedItem(h).selected()
			was := h.Stored().Result(item).Evidence
			h.Press("edit/remove evidence")
			h.Keys(tt.keys...)
			if tt.refused != "" {
				h.Contains(tt.refused)
			}
			ev := h.Stored().Result(item).Evidence
			var got []string
			for _, e := range ev {
				got = append(got, e.Title)
			}
			var before []string
			for _, e := range was {
				before = append(before, e.Title)
			}
			want := before
			if tt.titles != nil {
				want = tt.titles(before)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("evidence %q, want %q", got, want)
			}
			if strings.HasPrefix(tt.name, "an edit") && (ev[0].ValidUntil.Format(time.DateOnly) != "2027-06-30" || !ev[0].AttachedAt.Equal(was[0].AttachedAt)) {
				t.Errorf("edited item %+v", ev[0])
			}
		})
	}
}

func TestExpiredEvidenceIsMarkedWithAWord(t *testing.T) {
	h := open(t)
	h.Press("add evidence")
	h.Keys("text:Certificate", "tab", "tab", "tab", "ctrl+u", "text:2025-01-01", "tab", "text:2025-12-31", "ctrl+s")
	h.Contains("Certificate", "valid until 2025-12-31", "EXPIRED: no longer supports")
}

// open shows the gap analysis of the standard demo, reading the client's answers from the
// store.
func open(t *testing.T) *uitest.Harness {
	h := uitest.New(t)
	return h.Open(steps.GapAnalysis, func(host steps.Host) steps.Step { return New(host, h.Store) })
}
