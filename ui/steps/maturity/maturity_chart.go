package maturity

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// certificationReady is the maturity level the chart draws its line at: the level the
// maturity model calls certification-ready, and the default target.
const certificationReady = assessment.DefaultTarget

// chartLayout sizes the chart's columns to the room it has.
type chartLayout struct {
	idW, titleW, perLevel, minW int
}

const chartValueW = 6 // " 2.5 ▼"

func newChartLayout(width int) chartLayout {
	l := chartLayout{idW: 5, minW: 7}
	base := l.idW + 1 + chartValueW
	// Titles when a readable one fits beside a bar of at least 4 cells per level.
	for pl := 6; pl >= 4; pl-- {
		if t := width - base - l.minW - 5*pl - 1; t >= 22 {
			l.perLevel, l.titleW = pl, min(t, 30)
			return l
		}
	}
	// Otherwise IDs only; the minimum column goes before the bar gets shorter than 4 a level.
	if (width-base-l.minW)/5 < 4 {
		l.minW = 0
	}
	l.perLevel = max(min(6, (width-base-l.minW)/5), 2)
	return l
}

func (l chartLayout) barW() int { return 5 * l.perLevel }

func (l chartLayout) lead() int {
	if l.titleW > 0 {
		return l.idW + 1 + l.titleW + 1
	}
	return l.idW + 1
}

// chartView draws each clause heading's and Annex A objective's mean maturity (from the
// summary's roll-ups) as a horizontal bar, with a line at level 3 and the numbers printed.
func (m *maturity) chartView(width int) string {
	st := m.h.Styles()
	l := newChartLayout(width)
	sum := m.h.Summary()
	var b strings.Builder
	head := fmt.Sprintf("Mean maturity by group · overall %s · floor %d", groupMeanText(sum.Overall), sum.Floor)
	if kit.Width(head) > width {
		head = fmt.Sprintf("Mean maturity · overall %s · floor %d", groupMeanText(sum.Overall), sum.Floor)
	}
	b.WriteString(st.Title.Render(kit.Truncate(head, width)) + "\n")
	b.WriteString(strings.Repeat(" ", l.lead()) + st.Subtle.Render(maturityAxis(l)) + "\n")
	// The chart needs 2 + groups + 1 lines; a blank line between clauses and Annex A when
	// there is room for it.
	spare := m.height - 3 - len(sum.Groups)
	for i, g := range sum.Groups {
		if spare > 0 && i > 0 && strings.HasPrefix(g.ID, "A.") && !strings.HasPrefix(sum.Groups[i-1].ID, "A.") {
			b.WriteString("\n")
			spare--
		}
		b.WriteString(ansi.Truncate(m.barRow(g, l), width, "…") + "\n")
	}
	legend := fmt.Sprintf("┃ level %d, certification-ready · ▼ mean below %d · — not rated", certificationReady, certificationReady)
	if kit.Width(legend) > width {
		legend = fmt.Sprintf("┃ = level %d · ▼ below %d · — not rated", certificationReady, certificationReady)
	}
	b.WriteString(st.Subtle.Render(kit.Truncate(legend, width)) + "\n")
	if spare > 1 {
		b.WriteString("\n" + m.levelView(width))
	}
	return b.String()
}

// maturityAxis is the scale under the chart title: the levels 0–5 at their columns.
func maturityAxis(l chartLayout) string {
	cells := []rune(strings.Repeat(" ", l.barW()+1))
	for lv := 0; lv <= 5; lv++ {
		cells[lv*l.perLevel] = rune('0' + lv)
	}
	return string(cells)
}

func groupMeanText(g assessment.Group) string {
	if g.Min == 0 {
		return "—"
	}
	return g.Mean.String()
}

// barRow is one group: ID, title when there is room, the bar with the level-3 line through
// it, the mean as a number, a ▼ when it is below 3, and the minimum.
func (m *maturity) barRow(g assessment.Group, l chartLayout) string {
	st := m.h.Styles()
	row := kit.Pad(g.ID, l.idW) + " "
	if l.titleW > 0 {
		row += kit.Pad(kit.Truncate(g.Title, l.titleW), l.titleW) + " "
	}
	rated := g.Min > 0
	mean := 0.0
	if rated {
		mean = float64(g.Mean)
	}
	row += maturityBar(mean, l, theme.Level(int(mean)), st)
	switch {
	case g.Total == 0:
		return row + st.Subtle.Render(" n/a  all excluded")
	case !rated:
		return row + st.Subtle.Render("   —")
	}
	below := "  "
	if mean < certificationReady {
		below = st.Warning.Render(" ▼")
	}
	row += fmt.Sprintf(" %3s", g.Mean.String()) + below
	if l.minW > 0 {
		row += st.Subtle.Render(fmt.Sprintf("  min %d", g.Min))
	}
	return row
}

var barEighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// maturityBar draws value on the 0–5 scale in barW cells, with the level-3 line drawn over it.
func maturityBar(value float64, l chartLayout, fill lipgloss.Style, st theme.Styles) string {
	n := int(math.Round(value * float64(l.perLevel) * 8))
	full, part := n/8, n%8
	cells := make([]string, l.barW())
	for i := range cells {
		switch {
		case i < full:
			cells[i] = "█"
		case i == full && part > 0:
			cells[i] = barEighths[part]
		default:
			cells[i] = " "
		}
	}
	mark := certificationReady * l.perLevel
	return fill.Render(strings.Join(cells[:mark], "")) + st.Label.Render("┃") + fill.Render(strings.Join(cells[mark+1:], ""))
}

// levelView describes the selected item's maturity and target in the maturity model's words.
func (m *maturity) levelView(width int) string {
	st := m.h.Styles()
	it, ok := m.selected()
	if !ok {
		return ""
	}
	r := m.h.Assessment().Result(it)
	var b strings.Builder
	b.WriteString(st.Label.Render(kit.Truncate(it.ID+"  "+it.Title, width)) + "\n")
	describe := func(what string, level int) {
		for _, lv := range m.h.Catalogue().MaturityLevels {
			if lv.Level == level {
				b.WriteString(kit.Wrap(fmt.Sprintf("%s %d %s: %s", what, lv.Level, lv.Name, lv.Description), width) + "\n")
			}
		}
	}
	if r.Maturity == 0 {
		b.WriteString(st.Subtle.Render("Not rated yet: press 1–5.") + "\n")
	} else {
		describe("Now", r.Maturity)
	}
	if r.EffectiveTarget() != r.Maturity {
		describe("Target", r.EffectiveTarget())
	}
	return b.String()
}
