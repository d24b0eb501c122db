package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// executiveSummary prints the verdict with what holds it down, the key figures, the counts
// by status, the most serious gaps and the path to certification.
func (d *doc) executiveSummary() {
	d.verdictPanel()
	d.keyFigures()
	s := d.sum
	scope := fmt.Sprintf("%d clause requirements and included Annex A controls", s.Total)
	if s.Floor == 0 {
		d.paraf("As of %s, no maturity has been rated among the %s of %s, so no readiness level can be given yet.",
			date(d.asOf), scope, orDash(d.a.Organisation.Name))
	} else {
		d.paraf("As of %s, %s stands at readiness level %d, %s. The level is the lowest maturity found across the %s "+
			"(the floor, here %d), held at 2 or below for as long as any blocking issue remains. The mean maturity is %s.",
			date(d.asOf), orDash(d.a.Organisation.Name), s.Level, s.LevelName, scope, s.Floor, s.Mean)
	}
	if !s.Complete {
		d.paraf("The assessment is not finished: %d of %d items have both a status and a maturity. The level above is "+
			"provisional and can still fall as the remaining items are judged.", s.Assessed, s.Total)
	}
	d.titledTable("Results by status", []column{{"Status", 60, ""}, {"Items", 25, "R"}, {"Share", 25, "R"}}, d.statusRows())
	d.holdsDown()
	d.topGaps()
	d.pathToCertification()
}

// verdictPanel prints the level and the verdict in a shaded box.
func (d *doc) verdictPanel() {
	y := d.y()
	d.fill(panel)
	d.pdf.Rect(marginLeft, y, contentWidth, 26, "F")
	d.fill(navy)
	d.pdf.Rect(marginLeft, y, 26, 26, "F")
	d.font(textStyle{"B", 30, white, 12})
	d.pdf.SetXY(marginLeft, y+5)
	d.pdf.CellFormat(26, 12, maturity(d.sum.Level), "", 0, "C", false, 0, "")
	d.font(textStyle{"", 7, white, 3})
	d.pdf.SetXY(marginLeft, y+18)
	d.pdf.CellFormat(26, 3, "READINESS LEVEL", "", 0, "C", false, 0, "")
	d.font(styleLabel)
	d.pdf.SetXY(marginLeft+31, y+4)
	d.pdf.CellFormat(contentWidth-35, 4.5, "Readiness verdict", "", 1, "L", false, 0, "")
	d.pdf.SetY(y + 9)
	d.textBlock(d.sum.Verdict, marginLeft+31, contentWidth-35, textStyle{"B", 15, navy, 6.5})
	line := fmt.Sprintf("Level %d — %s", d.sum.Level, d.sum.LevelName)
	switch {
	case d.sum.Level == 0:
		line = "No item has a maturity rating yet"
	case !d.sum.Complete:
		line += " (provisional)"
	}
	d.textBlock(line, marginLeft+31, contentWidth-35, styleBody)
	d.pdf.SetY(y + 30)
}

// keyFigures prints a row of figures a board member reads first.
func (d *doc) keyFigures() {
	s := d.sum
	figures := [][2]string{
		{maturity(s.Floor), "floor maturity"},
		{meanText(s.Overall), "mean maturity"},
		{fmt.Sprintf("%d/%d", s.Assessed, s.Total), "items assessed"},
		{fmt.Sprint(len(d.capping)), "blocking issues"},
		{fmt.Sprint(len(d.gaps)), "gaps"},
		{fmt.Sprint(d.ncs.Open), "open nonconformities"},
	}
	w := contentWidth / float64(len(figures))
	y := d.y()
	for i, f := range figures {
		x := marginLeft + float64(i)*w
		d.stroke(rule)
		d.pdf.Rect(x+0.8, y, w-1.6, 17, "D")
		d.font(textStyle{"B", 15, navy, 7})
		d.pdf.SetXY(x, y+2)
		d.pdf.CellFormat(w, 7, f[0], "", 0, "C", false, 0, "")
		d.font(textStyle{"", 7, muted, 3.5})
		d.pdf.SetXY(x, y+10.5)
		d.pdf.CellFormat(w, 3.5, f[1], "", 0, "C", false, 0, "")
	}
	d.pdf.SetY(y + 22)
	d.font(styleBody)
}

func (d *doc) statusRows() [][]cell {
	var rows [][]cell
	total := d.sum.Overall.Total
	for _, st := range []assessment.Status{assessment.Conformant, assessment.Partial, assessment.Nonconformant, assessment.NotAssessed} {
		n := d.sum.Overall.ByStatus[st]
		rows = append(rows, []cell{statusCell(st), txt(fmt.Sprint(n)), txt(percentOf(n, total))})
	}
	return append(rows, []cell{bold("Total"), bold(fmt.Sprint(total)), bold("100%")})
}

// holdsDown lists each blocker and each item rated below level 3.
func (d *doc) holdsDown() {
	d.subheading("What holds the level down", 20)
	var capping, low []string
	for _, b := range d.capping {
		capping = append(capping, fmt.Sprintf("%s (caps the level at %d).", capitalise(b.Detail), b.Cap))
	}
	for _, b := range d.low {
		low = append(low, b.Item)
	}
	if len(capping) == 0 && len(low) == 0 {
		d.para("Nothing holds the level down: no blocking issue was found and no item is rated below level 3.")
		return
	}
	if len(capping) > 0 {
		d.paraf("%s the level until resolved:", plural(len(capping), "issue caps", "issues cap"))
		d.bullets(capping)
	} else {
		d.para("No blocking issue caps the level.")
	}
	if len(low) > 0 {
		d.paraf("%s rated below level 3, which keeps the floor below certification-ready: %s.",
			plural(len(low), "item is", "items are"), strings.Join(low, ", "))
	}
}

// topGaps prints the most serious gaps.
func (d *doc) topGaps() {
	if len(d.top) == 0 {
		d.subheading("Most serious gaps", 10)
		d.none("No gaps were recorded: every judged item is conformant, supported by evidence and at or above its target maturity.")
		return
	}
	var rows [][]cell
	for _, g := range d.top {
		r := g.Result
		rows = append(rows, []cell{txt(itemTitle(g.Item)), statusCell(r.Status),
			txt(fmt.Sprintf("%s / %d", maturity(r.Maturity), r.EffectiveTarget())),
			txt(capitalise(orDash(string(r.Priority)))), txt(orDash(r.Owner)), txt(date(r.Due))})
	}
	d.titledTable("Most serious gaps", []column{{"Requirement or control", 62, ""}, {"Status", 26, ""}, {"Maturity / target", 18, "C"},
		{"Priority", 16, ""}, {"Owner", 30, ""}, {"Due", 18, ""}}, rows)
	if len(d.gaps) > len(d.top) {
		d.paraStyled(fmt.Sprintf("The %d most serious of %d gaps, ranked by status, priority and distance from target; "+
			"the gap register lists all of them.", len(d.top), len(d.gaps)), styleSmall)
	}
}

// pathToCertification says what has to happen before a certification audit.
func (d *doc) pathToCertification() {
	d.subheading("Path to certification", 25)
	var steps []string
	if n := len(d.unassessed); n > 0 {
		steps = append(steps, fmt.Sprintf("finish the assessment of the %s still without a status or maturity", plural(n, "item", "items")))
	}
	if n := len(d.capping); n > 0 {
		steps = append(steps, fmt.Sprintf("clear the %s listed above", plural(n, "blocking issue", "blocking issues")))
	}
	if low := len(d.low); low > 0 {
		steps = append(steps, fmt.Sprintf("raise the %s below level 3 to at least the defined level", plural(low, "item", "items")))
	}
	if len(steps) == 0 {
		d.para("No step is outstanding for level 3: the organisation can move to its certification audit, keeping the evidence current.")
	} else {
		d.paraf("To reach level 3, certification-ready, the organisation needs to %s.", joinAnd(steps))
	}
	if len(d.phases) > 0 {
		last := d.phases[len(d.phases)-1]
		d.paraf("The roadmap sets the %s and %s against %s of the implementation plan, running from %s to %s.",
			plural(len(d.gaps), "gap", "gaps"), plural(d.ncs.Open, "open nonconformity", "open nonconformities"),
			plural(len(d.phases), "phase", "phases"), date(d.phases[0].From), date(last.To))
	}
	c := d.a.Certification
	switch {
	case strings.TrimSpace(c.Body) == "" && c.Stage1.IsZero():
		d.para("No certification body or audit dates are recorded yet.")
	default:
		d.paraf("Certification body: %s. Stage 1 audit planned for %s; Stage 2 for %s.", orDash(c.Body), date(c.Stage1), date(c.Stage2))
	}
}

// meanText prints a group's mean maturity, or a dash when nothing in it is rated.
func meanText(g assessment.Group) string {
	if g.Min == 0 {
		return "—"
	}
	return g.Mean.String()
}

// joinAnd joins phrases as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
