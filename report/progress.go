package report

import (
	"fmt"

	"aimsbench/assessment"
)

// progressSection compares this cycle with the one it was copied from.
func (d *doc) progressSection() {
	p := d.progress
	d.paraf("This cycle was started from the earlier assessment \"%s\" (ID %s). The earlier cycle is judged as of %s, "+
		"this one as of %s, each by the same rules.", p.Previous.Title, p.Previous.ID, date(p.Previous.AsOf), date(p.Current.AsOf))
	d.table([]column{{"", 50, ""}, {"Previous cycle", 60, ""}, {"This cycle", 60, ""}}, [][]cell{
		{bold("Verdict"), txt(p.Previous.Verdict), txt(p.Current.Verdict)},
		{bold("Readiness level"), txt(levelLine(p.Previous)), txt(levelLine(p.Current))},
		{bold("Floor / mean maturity"), txt(floorMean(p.Previous)), txt(floorMean(p.Current))},
		{bold("Items assessed"), txt(fmt.Sprintf("%d of %d", p.Previous.Assessed, p.Previous.Total)),
			txt(fmt.Sprintf("%d of %d", p.Current.Assessed, p.Current.Total))},
	})
	var rows [][]cell
	for _, g := range p.Groups {
		rows = append(rows, []cell{txt(g.ID + " " + g.Title), txt(meanOrDash(g.Previous)), txt(meanOrDash(g.Current)), txt(changeText(g.Change))})
	}
	d.titledTable("Mean maturity by clause and objective", []column{{"Clause or objective", 95, ""}, {"Previous", 25, "C"}, {"This cycle", 25, "C"}, {"Change", 25, "C"}}, rows)
	d.itemChanges("Items that improved", p.Improved, "No item improved between the cycles, or too few items have been judged in both to tell.")
	d.itemChanges("Items that regressed", p.Regressed, "No item regressed between the cycles.")
	d.ncChanges("Nonconformities closed since the last cycle", p.NCsClosed, "None of the earlier cycle's open nonconformities has been closed yet.")
	d.ncChanges("Nonconformities still open from the last cycle", p.NCsStillOpen, "No nonconformity from the earlier cycle remains open.")
	d.ncChanges("Nonconformities raised in this cycle", p.NCsNew, "No new nonconformity has been raised in this cycle.")
}

func levelLine(s assessment.CycleSnapshot) string {
	line := fmt.Sprintf("%d — %s", s.Level, s.LevelName)
	if !s.Complete {
		line += " (provisional)"
	}
	return line
}

// floorMean prints a cycle's floor and mean maturity, or a dash when nothing was rated.
func floorMean(s assessment.CycleSnapshot) string {
	if s.Floor == 0 {
		return "—"
	}
	return fmt.Sprintf("%d / %s", s.Floor, s.Mean)
}

func meanOrDash(m *assessment.Mean) string {
	if m == nil {
		return "—"
	}
	return m.String()
}

func changeText(m *assessment.Mean) string {
	switch {
	case m == nil:
		return "—"
	case *m > 0:
		return "+" + m.String()
	case *m == 0:
		return "no change"
	}
	return m.String()
}

func (d *doc) itemChanges(title string, list []assessment.ItemChange, empty string) {
	if len(list) == 0 {
		d.subheading(title, 10)
		d.none(empty)
		return
	}
	var rows [][]cell
	for _, c := range list {
		rows = append(rows, []cell{txt(c.Item + " " + c.Title), txt(status(c.PreviousStatus)), txt(status(c.CurrentStatus)),
			txt(maturity(c.PreviousMaturity) + " → " + maturity(c.CurrentMaturity))})
	}
	d.titledTable(title, []column{{"Requirement or control", 74, ""}, {"Status before", 34, ""}, {"Status now", 34, ""}, {"Maturity", 28, "C"}}, rows)
}

func (d *doc) ncChanges(title string, list []assessment.NCChange, empty string) {
	if len(list) == 0 {
		d.subheading(title, 10)
		d.none(empty)
		return
	}
	var rows [][]cell
	for _, c := range list {
		before := "—"
		if c.PreviousStatus != "" {
			before = capitalise(c.PreviousStatus.Label())
		}
		rows = append(rows, []cell{bold(c.ID), txt(c.Item), txt(capitalise(c.Grade.Label())), txt(c.Description),
			txt(before), txt(capitalise(c.CurrentStatus.Label()))})
	}
	d.titledTable(title, []column{{"NC", 16, ""}, {"Item", 16, ""}, {"Grade", 24, ""}, {"Description", 66, ""}, {"Then", 22, ""}, {"Now", 26, ""}}, rows)
}
