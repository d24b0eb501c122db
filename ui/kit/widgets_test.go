package kit

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/ui/theme"
)

func TestAPaneShowsWhatIsHiddenAndScrolls(t *testing.T) {
	text := strings.Join([]string{"l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8"}, "\n")
	tests := []struct {
		name   string
		height int
		scroll []int
		want   string
	}{
		{"text that fits is shown whole", 10, nil, "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8"},
		{"cut text says how much is below", 4, nil, "l1\nl2\nl3\n↓ 5 more lines below · J"},
		{"scrolled text says what is above and below", 4, []int{1}, "↑ 2 lines above · K\nl3\nl4\n↓ 4 more lines below · J"},
		{"the end shows the last lines", 4, []int{1, 1, 1, 1, 1}, "↑ 5 lines above · K\nl6\nl7\nl8"},
		{"back to the top", 4, []int{1, -1}, "l1\nl2\nl3\n↓ 5 more lines below · J"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Pane
			st := theme.New()
			p.View(text, tt.height, st)
			for _, d := range tt.scroll {
				p.Scroll(d)
			}
			if got := ansi.Strip(p.View(text, tt.height, st)); got != tt.want {
				t.Errorf("view\n%s\nwant\n%s", got, tt.want)
			}
			if p.Scrolls() != (tt.height < 8) {
				t.Errorf("Scrolls() = %v", p.Scrolls())
			}
		})
	}
}

func TestAnInputOpenedSelectedIsReplacedByWhatIsTyped(t *testing.T) {
	tests := []struct {
		name string
		keys []tea.Msg
		want string
	}{
		{"a typed character replaces the path", []tea.Msg{press("x")}, "x"},
		{"a paste replaces the path", []tea.Msg{tea.PasteMsg{Content: "/tmp/new.csv"}}, "/tmp/new.csv"},
		{"backspace clears it", []tea.Msg{tea.KeyPressMsg{Code: tea.KeyBackspace}}, ""},
		{"an arrow keeps it to edit", []tea.Msg{tea.KeyPressMsg{Code: tea.KeyLeft}, press("x")}, "/tmp/old.csxv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := NewInput()
			in.SetValue("/tmp/old.csv")
			in.FocusSelected()
			if !in.Selected() {
				t.Fatal("the field did not open selected")
			}
			for _, k := range tt.keys {
				in, _ = in.Update(k)
			}
			if in.Value() != tt.want {
				t.Errorf("value %q, want %q", in.Value(), tt.want)
			}
		})
	}
}

func TestTheFooterKeepsTheScreensOwnKeysAndTheWayToHelp(t *testing.T) {
	groups := [][]key.Binding{{KeyUp, KeyDown, KeyPgUp, KeyPgDown}, {NewBinding("1", "1–5", "maturity"), NewBinding("c", "c", "conformant")}}
	tests := []struct {
		name  string
		width int
		want  string
	}{
		{"everything when it fits", 200, "↑/k up · ↓/j down · pgup page up · pgdn page down · 1–5 maturity · c conformant · ? help"},
		{"the moves go first", 60, "1–5 maturity · c conformant · ? help"},
		{"then the line is cut before the help", 30, "1–5 maturity · c con… · ? help"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Footer(groups, "? help", tt.width); got != tt.want || Width(got) > tt.width {
				t.Errorf("footer %q, want %q", got, tt.want)
			}
		})
	}
}
