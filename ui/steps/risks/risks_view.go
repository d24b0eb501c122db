package risks

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// heatMapWidth is the width of the heat map block: a row label and five cells of five, and
// room for the legend.
const heatMapWidth = 36

// View draws the impact assessments (with the heat map beside them), the risk register and
// the detail of the selected row; an open form or dialog takes the screen.
func (r *risks) View() string {
	if r.ask != nil {
		return lipgloss.Place(r.width, r.height, lipgloss.Center, lipgloss.Center, r.ask.View(r.h.Styles()))
	}
	if r.editing != nil {
		return r.editing.View(r.h.Styles())
	}
	st := r.h.Styles()
	systems := r.systems()
	roomy := r.height >= 26 // room for spacing lines and a longer detail
	detailH, gapH := 2, 0
	if roomy {
		detailH, gapH = 4, 2
	}
	heat := r.heatMapView()
	heatH := strings.Count(heat, "\n") + 1
	sysRows := max(min(len(systems), r.height/3), heatH-2, 1)
	tableW := r.width - heatMapWidth - 3
	top := kit.JoinSide(r.aisiaView(systems, tableW, sysRows), heat, 3)
	riskRows := max(r.height-(sysRows+2)-3-detailH-gapH, 1)

	var b strings.Builder
	b.WriteString(top + "\n")
	if roomy {
		b.WriteString("\n")
	}
	b.WriteString(r.registerView(len(systems), riskRows) + "\n")
	if roomy {
		b.WriteString(st.Subtle.Render(strings.Repeat("─", r.width)) + "\n")
	}
	b.WriteString(r.detailView(detailH))
	return b.String()
}

// aisiaView is the table of in-scope systems and the state of their impact assessment,
// exactly rows+2 lines of width cells.
func (r *risks) aisiaView(systems []assessment.AISystem, width, rows int) string {
	st := r.h.Styles()
	now := r.h.Now()
	done, total := r.Progress()
	wide := width >= 70
	lines := []string{st.Label.Render(kit.Truncate(fmt.Sprintf("Impact assessments (AISIA) · %d/%d current", done, total), width))}
	stateW, changeW, impactW := 9, 0, 0
	if wide {
		stateW, changeW, impactW = 24, 11, 7
	}
	nameW := max(width-2-1-impactW-11-changeW-stateW-6, 8)
	cells := func(mark, name, impact, aisia, change, state string) string {
		line := mark + kit.Pad(kit.Truncate(name, nameW), nameW) + " "
		if wide {
			line += kit.Pad(impact, impactW)
		}
		line += kit.Pad(aisia, 11)
		if wide {
			line += kit.Pad(change, changeW)
		}
		return line + kit.Pad(kit.Truncate(state, stateW), stateW)
	}
	lines = append(lines, st.Subtle.Render(kit.Truncate(cells("  ", "System", "Impact", "AISIA", "Changed", "State")+" G H T", width)))
	if len(systems) == 0 {
		lines = append(lines, st.Warning.Render(kit.Truncate("! No AI system is in scope: add one on step 1 Scoping.", width)))
	}
	first := kit.ScrollStart(r.rowIn(len(systems), true), rows, len(systems))
	for i := first; i < len(systems) && i < first+rows; i++ {
		s := systems[i]
		state := "✓ current"
		if problem := assessment.ImpactAssessmentProblem(s, now); problem != "" {
			switch {
			case s.AISIADate.IsZero():
				state = "✗ none"
			case wide && lipgloss.Width(problem)+2 <= stateW:
				state = "✗ " + problem
			default:
				state = "✗ stale" // the detail below gives the reason
			}
		}
		marks := []string{yesMark(s.AffectedGroups != ""), yesMark(s.Harms != ""), yesMark(s.ImpactToRiskTrace)}
		line := cells("  ", kit.Vis(s.Name), string(s.Impact), kit.OrDash(kit.DateInput(s.AISIADate)), kit.OrDash(kit.DateInput(s.LastChange)), state)
		if i == r.cursor {
			lines = append(lines, st.Selected.Render(kit.Pad(kit.Truncate("▸"+line[1:]+" "+strings.Join(marks, " "), width), width)))
			continue
		}
		colour := func(m string) string { return st.Mark(m).Render(m) }
		stateCell := kit.Pad(kit.Truncate(state, stateW), stateW)
		plain := strings.TrimSuffix(line, stateCell)
		lines = append(lines, plain+st.Mark(string([]rune(state)[:1])).Render(stateCell)+" "+colour(marks[0])+" "+colour(marks[1])+" "+colour(marks[2]))
	}
	for len(lines) < rows+2 {
		lines = append(lines, "")
	}
	for i := range lines {
		lines[i] = kit.Pad(lines[i], width)
	}
	return strings.Join(lines, "\n")
}

func yesMark(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

// rowIn is the row a table scrolls to: the cursor when it is in that table, else where the
// cursor was when it left it.
func (r *risks) rowIn(nSystems int, systems bool) int {
	for _, row := range []int{r.cursor, r.other} {
		if (row < nSystems) == systems {
			return row
		}
	}
	if systems {
		return 0
	}
	return nSystems
}

// registerView is the risk register as a table.
func (r *risks) registerView(nSystems, rows int) string {
	st := r.h.Styles()
	list := r.h.Assessment().Risks
	open := 0
	for _, x := range list {
		if x.Status == "open" {
			open++
		}
	}
	var b strings.Builder
	b.WriteString(st.Label.Render(kit.Truncate(fmt.Sprintf("Risk register · %d risks, %d open · %s", len(list), open, r.criteriaText()), r.width)) + "\n")
	cols := riskColumns(r.width, r.width >= 110)
	b.WriteString(st.Subtle.Render(kit.Truncate(cols.row("ID", "Risk", "System", "L×I", "Sev.", "Treat.", "Controls", "Res", "Appetite", "Owner", "Status"), r.width)) + "\n")
	if len(list) == 0 {
		b.WriteString(st.Subtle.Render("The register is empty. Press a to add the first risk."))
		return b.String()
	}
	cursor := r.cursor - nSystems
	first := kit.ScrollStart(r.rowIn(nSystems, false)-nSystems, rows, len(list))
	for i := first; i < len(list) && i < first+rows; i++ {
		x := list[i]
		sev := assessment.Severity(x.Likelihood, x.Impact)
		res, vs := rating(x.ResidualLikelihood, x.ResidualImpact), r.versusAppetite(x)
		if vs == "above" && cols.w[8] == 0 { // no room for the word: the glyph, explained in the detail
			res += aboveMark
		}
		fields := []string{kit.RiskLabel(x), kit.Vis(x.Title), r.systemName(x.SystemID), rating(x.Likelihood, x.Impact), sev,
			x.Treatment, strings.Join(x.Controls, " "), res, kit.OrDash(vs), kit.Vis(x.Owner), x.Status}
		if i == cursor {
			b.WriteString(st.Selected.Render(kit.Pad(kit.Truncate("▸"+cols.row(fields...)[1:], r.width), r.width)) + "\n")
			continue
		}
		fields[4] = severityStyle(st, sev).Render(kit.Pad(sev, cols.w[4]))
		b.WriteString(kit.Truncate(cols.row(fields...), r.width) + "\n")
	}
	if len(list) > rows {
		b.WriteString(st.Subtle.Render(fmt.Sprintf("  %d–%d of %d", first+1, min(first+rows, len(list)), len(list))))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// riskCols are the widths of the register's columns; 0 hides a column.
type riskCols struct{ w [11]int }

func riskColumns(width int, wide bool) riskCols {
	c := riskCols{w: [11]int{5, 0, 14, 3, 6, 6, 16, 6, 8, 14, 8}}
	if !wide {
		c.w[2], c.w[6], c.w[7], c.w[8], c.w[9] = 10, 10, 4, 0, 0
	}
	used := 1
	for i, w := range c.w {
		if w > 0 && i != 1 {
			used += w + 1
		}
	}
	c.w[1] = max(width-used-1, 10)
	return c
}

// row lays out the cells, each cut to its column.
func (c riskCols) row(cells ...string) string {
	var b strings.Builder
	b.WriteString(" ")
	for i, s := range cells {
		if c.w[i] == 0 {
			continue
		}
		if lipgloss.Width(s) > c.w[i] || !strings.Contains(s, "\x1b") {
			s = kit.Pad(kit.Truncate(s, c.w[i]), c.w[i])
		}
		b.WriteString(s + " ")
	}
	return b.String()
}

func rating(l, i int) string {
	if l < 1 || i < 1 {
		return "—"
	}
	return fmt.Sprintf("%d×%d", l, i)
}

func severityStyle(st theme.Styles, sev string) lipgloss.Style {
	switch sev {
	case "high":
		return st.Bad
	case "medium":
		return st.Mid
	}
	return st.Good
}

func (r *risks) systemName(id int64) string {
	if id == 0 {
		return "—"
	}
	for _, s := range r.h.Assessment().Systems {
		if s.ID == id {
			return kit.Vis(s.Name)
		}
	}
	return fmt.Sprintf("system %d (gone)", id)
}

// heatMapView draws the 5×5 grid of open risks: likelihood rows from 5 down to 1, impact
// columns 1 to 5. Each cell shows its count and the severity letter of the cell, so the
// grid reads without colour.
func (r *risks) heatMapView() string {
	st := r.h.Styles()
	var open []assessment.Risk
	for _, x := range r.h.Assessment().Risks {
		if x.Status == "open" {
			open = append(open, x)
		}
	}
	grid, unrated := assessment.HeatMap(open, r.residual)
	what := "inherent"
	if r.residual {
		what = "residual"
	}
	var b strings.Builder
	b.WriteString(st.Label.Render("Open risks · "+what+" L×I") + "\n")
	b.WriteString(st.Subtle.Render("L\\I  1    2    3    4    5") + "\n")
	for l := 5; l >= 1; l-- {
		b.WriteString(st.Subtle.Render(fmt.Sprintf(" %d  ", l)))
		for i := 1; i <= 5; i++ {
			sev := assessment.Severity(l, i)
			count := "·"
			switch n := grid[l-1][i-1]; {
			case n > 99:
				count = "9+"
			case n > 0:
				count = fmt.Sprint(n)
			}
			above := " "
			if r.appetite() > 0 && l*i > r.appetite() {
				above = aboveMark
			}
			cell := fmt.Sprintf("%2s %s%s", count, strings.ToUpper(sev[:1]), above)
			if count == "·" {
				b.WriteString(st.Subtle.Render(cell))
			} else {
				b.WriteString(severityStyle(st, sev).Bold(true).Render(cell))
			}
		}
		b.WriteString("\n")
	}
	legend := "H/M/L high/medium/low · m " + map[bool]string{true: "inherent", false: "residual"}[r.residual]
	if unrated > 0 {
		legend = fmt.Sprintf("%d not rated · %s", unrated, legend)
	}
	b.WriteString(st.Subtle.Render(kit.Truncate(legend, heatMapWidth)) + "\n")
	appetite := "no risk appetite recorded · c sets it"
	if r.appetite() > 0 {
		appetite = fmt.Sprintf("%s above appetite (L×I over %d)", aboveMark, r.appetite())
	}
	b.WriteString(st.Subtle.Render(kit.Truncate(appetite, heatMapWidth)))
	return b.String()
}

// detailView shows the whole of the selected row in a few lines.
func (r *risks) detailView(lines int) string {
	st := r.h.Styles()
	sys, i := r.selected()
	var parts []string
	switch {
	case sys != nil:
		problem := assessment.ImpactAssessmentProblem(*sys, r.h.Now())
		state := "current"
		if problem != "" {
			state = "not current: " + problem
		}
		linked := 0
		for _, x := range r.h.Assessment().Risks {
			if x.SystemID == sys.ID {
				linked++
			}
		}
		parts = append(parts,
			st.Label.Render(kit.Vis(sys.Name))+fmt.Sprintf(" · %s impact · AISIA %s (%s) · last change %s · risks in the register %d · impact→risk trace %s",
				sys.Impact, kit.DateText(sys.AISIADate), state, kit.DateText(sys.LastChange), linked, yesNo(sys.ImpactToRiskTrace)),
			st.Label.Render("Groups: ")+kit.OrDash(kit.Vis(sys.AffectedGroups)),
			st.Label.Render("Harms: ")+kit.OrDash(kit.Vis(sys.Harms)))
	case i >= 0:
		x := r.h.Assessment().Risks[i]
		parts = append(parts,
			st.Label.Render(kit.RiskLabel(x)+" ")+kit.Vis(x.Title),
			fmt.Sprintf("Source %s · Objective %s · raised %s · owner %s", r.termName(x.Source, true), r.termName(x.Objective, false), kit.DateText(x.Raised), kit.OrDash(kit.Vis(x.Owner))),
			r.residualText(x),
			"Controls: "+r.controlsText(x.Controls))
	default:
		parts = append(parts, st.Subtle.Render("Press a to add a risk."))
	}
	return fitLines(parts, lines, r.width)
}

// fitLines shows the parts wrapped when they fit in the given lines, else one line each,
// dropping the first parts when even that is too much.
func fitLines(parts []string, lines, width int) string {
	if wrapped := kit.Wrap(strings.Join(parts, "\n"), width); strings.Count(wrapped, "\n") < lines {
		return wrapped
	}
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	for i := range parts {
		parts[i] = kit.Truncate(parts[i], width)
	}
	return strings.Join(parts, "\n")
}

// residualText says where the risk's residual score stands against the appetite.
func (r *risks) residualText(x assessment.Risk) string {
	score, ok := x.ResidualScore()
	if !ok {
		return "Residual risk not rated"
	}
	what := "Residual"
	if x.ResidualLikelihood == 0 || x.ResidualImpact == 0 {
		what = "Residual (not rated after treatment, so before it)"
	}
	switch vs := r.versusAppetite(x); vs {
	case "":
		return fmt.Sprintf("%s score %d · no risk appetite recorded (c sets it)", what, score)
	case "above":
		return fmt.Sprintf("%s score %d · %s above appetite (%d)", what, score, aboveMark, r.appetite())
	default:
		return fmt.Sprintf("%s score %d · within appetite (%d)", what, score, r.appetite())
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (r *risks) termName(id string, source bool) string {
	terms := r.h.Catalogue().AnnexCObjectives
	if source {
		terms = r.h.Catalogue().AnnexCRiskSources
	}
	for _, t := range terms {
		if t.ID == id {
			return t.ID + " " + t.Title
		}
	}
	return kit.OrDash(kit.Vis(id))
}

// controlsText lists the linked controls with their SoA decision, so a treatment that relies
// on an excluded control stands out.
func (r *risks) controlsText(ids []string) string {
	if len(ids) == 0 {
		return "none linked"
	}
	var out []string
	for _, id := range ids {
		item, ok := r.h.Catalogue().Item(id)
		if !ok {
			out = append(out, kit.Vis(id)+" (unknown)")
			continue
		}
		if r.h.Assessment().Result(item).Decision == assessment.Excluded {
			out = append(out, id+" ! excluded in the SoA")
			continue
		}
		out = append(out, id)
	}
	return strings.Join(out, ", ")
}
