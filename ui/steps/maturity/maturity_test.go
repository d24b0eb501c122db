package maturity

import (
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestMaturityKeysStoreMaturityAndTarget(t *testing.T) {
	h := uitest.New(t).Open(steps.Maturity, New)
	m := h.Work.Step(steps.Maturity).(*maturity)
	item, _ := m.selected()
	h.Keys("5")
	if r := h.Stored().Results[item.ID]; r == nil || r.Maturity != 5 {
		t.Fatalf("%s after 5: %+v", item.ID, r)
	}
	h.Keys("t")
	if !m.Typing() {
		t.Fatal("t did not ask for the target level")
	}
	h.Keys("4")
	if r := h.Stored().Results[item.ID]; r.Target != 4 || r.Maturity != 5 {
		t.Fatalf("%s after t 4: maturity %d, target %d", item.ID, r.Maturity, r.Target)
	}
	h.Keys("j", "2")
	next, _ := m.selected()
	if next.ID == item.ID {
		t.Fatal("j did not move")
	}
	if r := h.Stored().Results[next.ID]; r == nil || r.Maturity != 2 {
		t.Fatalf("%s after 2: %+v", next.ID, r)
	}
}

// chartLine is the screen line that charts a group.
func chartLine(h *uitest.Harness, id string) string {
	for _, l := range strings.Split(h.Screen(), "\n") {
		if _, right, ok := strings.Cut(l, "│ "); ok && strings.HasPrefix(right, id+" ") {
			return right
		}
	}
	return ""
}

func TestMaturityChartShowsEveryGroupWithItsMeanAndTheLevel3Line(t *testing.T) {
	h := uitest.New(t).Open(steps.Maturity, New)
	h.Contains("level 3")
	for _, g := range h.Work.Summary().Groups {
		line := chartLine(h, g.ID)
		if line == "" {
			t.Fatalf("the chart has no bar for %s:\n%s", g.ID, h.Screen())
		}
		if !strings.Contains(line, "┃") {
			t.Errorf("the bar of %s lacks the level-3 line: %q", g.ID, line)
		}
		if g.Min > 0 && !strings.Contains(line, g.Mean.String()) {
			t.Errorf("the bar of %s does not print its mean %s: %q", g.ID, g.Mean, line)
		}
	}
	// The line sits at the same column in every bar.
	col := -1
	for _, g := range h.Work.Summary().Groups {
		line := chartLine(h, g.ID)
		c := kit.Width(line[:strings.Index(line, "┃")])
		if col >= 0 && c != col {
			t.Errorf("the level-3 line of %s is at column %d, not %d", g.ID, c, col)
		}
		col = c
	}
}

func TestMaturityChartFollowsARating(t *testing.T) {
	h := uitest.New(t).Open(steps.Maturity, New)
	before := chartLine(h, "4")
	h.Keys("5") // 4.1, first item of clause 4
	after := chartLine(h, "4")
	if before == after {
		t.Fatalf("the bar of clause 4 did not change after rating 4.1 at 5: %q", after)
	}
}

func TestMaturityChartFitsTheSmallestTerminal(t *testing.T) {
	h := uitest.New(t).Open(steps.Maturity, New)
	h.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, g := range h.Work.Summary().Groups {
		if chartLine(h, g.ID) == "" {
			t.Fatalf("at 80×24 the chart lacks %s:\n%s", g.ID, h.Screen())
		}
	}
	for _, l := range strings.Split(h.Screen(), "\n") {
		if w := kit.Width(l); w > 80 {
			t.Errorf("line wider than 80 (%d): %q", w, l)
		}
	}
}
