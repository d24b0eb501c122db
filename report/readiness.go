package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// readinessChecklist prints the readiness checklist, each line decided from the data.
func (d *doc) readinessChecklist() {
	met := 0
	var rows [][]cell
	for _, c := range d.sum.Checklist {
		result := marked("Not met", badFill)
		why := d.countLongLists(strings.Join(c.Why, "; "))
		if c.Holds {
			met++
			result, why = marked("Met", goodFill), "—"
		}
		rows = append(rows, []cell{result, bold(c.ID + " " + c.Title), txt(capitalise(why))})
	}
	d.paraf("%d of the %d checklist items are met. Each is decided from the assessment data; where an item is not met, the last column says what is missing.", met, len(d.sum.Checklist))
	d.table([]column{{"Result", 18, ""}, {"Checklist item", 62, ""}, {"What is missing", 90, ""}}, rows)
}

// kpis prints the key performance indicators, computed ones with their formula and entered
// ones with their date.
func (d *doc) kpis() {
	d.para("Indicators marked computed are worked out from the assessment data by the formula shown; the others are " +
		"figures the organisation reported, entered by the assessor with the date they refer to.")
	var rows [][]cell
	for _, k := range d.sum.KPIs {
		source := "Computed"
		if k.Source == "manual" {
			source = "Reported"
			if !k.Date.IsZero() {
				source += "\n" + date(k.Date)
			}
		}
		rows = append(rows, []cell{bold(k.Title), txt(k.Value), txt(orDash(k.Target)), txt(source), txt(k.Formula)})
	}
	d.table([]column{{"Indicator", 44, ""}, {"Value", 40, ""}, {"Target", 18, ""}, {"Source", 18, ""}, {"How it is measured", 50, ""}}, rows)
}

// commonGaps prints each frequent weakness found in the data with what triggered it.
func (d *doc) commonGaps() {
	found := d.sum.CommonGaps
	d.paraf("The assessment data was checked for the %d weaknesses most often seen in organisations preparing for "+
		"ISO/IEC 42001 certification; %s.", len(d.cat.CommonGaps), plural(len(found), "was found", "were found"))
	if len(found) == 0 {
		d.none("None of these weaknesses shows in the data.")
		return
	}
	for _, g := range found {
		description := ""
		for _, cg := range d.cat.CommonGaps {
			if cg.ID == g.ID {
				description = cg.Description
			}
		}
		pairs := [][2]string{{"Found because", capitalise(orDash(d.countLongLists(g.Detail)))}}
		if len(g.Items) > 0 {
			pairs = append(pairs, [2]string{"Items", strings.Join(g.Items, ", ")})
		}
		if len(g.Systems) > 0 && !mentionsAll(g.Detail, g.Systems) {
			pairs = append(pairs, [2]string{"AI systems", shortList(g.Systems, 20, "the inventory")})
		}
		d.minorHeading(g.ID+" "+g.Title, min(d.textHeight(description, styleItalic)+d.fieldsHeight(pairs), 120))
		if description != "" {
			d.paragraph(description, styleItalic)
		}
		d.fields(pairs)
	}
}

// mentionsAll reports whether text already names every one of names.
func mentionsAll(text string, names []string) bool {
	for _, n := range names {
		if !strings.Contains(text, n) {
			return false
		}
	}
	return true
}

// shortList joins names, stopping after limit with how many more there are and, when where
// is given, where to find them all: a long list becomes a count and a pointer.
func shortList(names []string, limit int, where string) string {
	if len(names) <= limit+1 { // "and 1 more" would take as long as the name
		return joinAnd(names)
	}
	text := fmt.Sprintf("%s and %d more", strings.Join(names[:limit], ", "), len(names)-limit)
	if where != "" {
		text += " (see " + where + ")"
	}
	return text
}

// quality lists the consistency checks that were run and every point they found, which a
// reviewer should look at before relying on the judgements.
func (d *doc) quality() {
	found := map[string]int{}
	for _, w := range d.sum.Warnings {
		found[w.Kind]++
	}
	d.paraf("These checks look for judgements that contradict each other or the data. They do not change the verdict by "+
		"themselves, but each point found should be reviewed before the report is finalised. %s.",
		capitalise(plural(len(d.sum.Warnings), "point was", "points were"))+" found")
	var checks [][]cell
	names := map[string]string{}
	for _, c := range assessment.ConsistencyChecks() {
		names[c.Kind] = c.Name
		checks = append(checks, []cell{bold(c.Name), txt(capitalise(c.LooksFor) + "."), txt(fmt.Sprint(found[c.Kind]))})
	}
	d.titledTable("Checks run", []column{{"Check", 50, ""}, {"What it looks for", 100, ""}, {"Found", 20, "C"}}, checks)
	if len(d.sum.Warnings) == 0 {
		return
	}
	var rows [][]cell
	for _, w := range d.sum.Warnings {
		name := names[w.Kind]
		if name == "" {
			name = capitalise(strings.ReplaceAll(w.Kind, "_", " "))
		}
		rows = append(rows, []cell{bold(orDash(w.Item)), txt(name), txt(capitalise(d.countLongLists(w.Detail)))})
	}
	d.titledTable("Points to review", []column{{"Item", 18, ""}, {"Check", 42, ""}, {"What was found", 110, ""}}, rows)
}
