package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// controlTesting prints each operating-effectiveness test, its exceptions and the overrides
// the assessor made.
func (d *doc) controlTesting() {
	if len(d.a.Tests) == 0 {
		d.none("No operating-effectiveness test has been recorded yet. Controls judged conformant rest on design and documentation evidence only until they are tested.")
		return
	}
	d.paraf("%s recorded. The sample size follows the table in the methodology unless the assessor overrode it; "+
		"the seed lets anyone repeat the random selection.", capitalise(plural(len(d.a.Tests), "test is", "tests are")))
	var rows [][]cell
	for i := range d.a.Tests {
		t := &d.a.Tests[i]
		rows = append(rows, []cell{bold(d.itemRef(t.ControlID)), txt(d.testMethod(t)), txt(d.testPopulation(t)),
			txt(d.testSample(t)), txt(fmt.Sprint(t.Exceptions())), conclusionCell(t.Conclusion(d.cat.Sampling))})
	}
	d.table([]column{{"Control", 38, ""}, {"Procedure and method", 46, ""}, {"Population and period", 26, ""},
		{"Sample", 26, ""}, {"Exceptions", 14, "C"}, {"Conclusion", 20, ""}}, rows)
	d.testExceptions()
	d.testOverrides()
}

func (d *doc) testMethod(t *assessment.ControlTest) string {
	var parts []string
	if p := strings.TrimSpace(t.Procedure); p != "" {
		parts = append(parts, p)
	}
	how := strings.Join(t.Methods, ", ")
	if t.Nature != "" {
		how = strings.TrimPrefix(how+"; "+t.Nature, "; ")
	}
	if how != "" {
		parts = append(parts, capitalise(how)+".")
	}
	return orDash(strings.Join(parts, "\n"))
}

func (d *doc) testPopulation(t *assessment.ControlTest) string {
	freq := t.Frequency
	for _, f := range d.cat.Sampling.Frequencies {
		if f.ID == t.Frequency {
			freq = f.Title
		}
	}
	if t.Frequency == assessment.EventDriven {
		freq = "Event-driven"
	}
	risk := "normal risk"
	if t.Elevated {
		risk = "elevated risk"
	}
	return fmt.Sprintf("%s, %s\n%s occurrences\n%s", orDash(freq), risk, populationText(t.Population), period(t.PeriodStart, t.PeriodEnd))
}

func populationText(n int) string {
	if n == 0 {
		return "unknown number of"
	}
	return fmt.Sprint(n)
}

func (d *doc) testSample(t *assessment.ControlTest) string {
	size, suggested := t.Size(d.cat.Sampling), t.SuggestedSize(d.cat.Sampling)
	text := fmt.Sprintf("%d tested of %d", t.Tested(), size)
	if t.SizeOverride > 0 && size != suggested {
		text += fmt.Sprintf(" (table: %d)", suggested)
	}
	if len(t.Samples) > 0 {
		text += fmt.Sprintf("\nseed %d", t.Seed)
	}
	return text
}

// testExceptions lists every sample that failed, with the assessor's note.
func (d *doc) testExceptions() {
	var rows [][]cell
	for _, t := range d.a.Tests {
		for _, s := range t.Samples {
			if s.Result == assessment.Exception {
				rows = append(rows, texts(t.ControlID, s.Ref, orDash(s.Note), orDash(s.Evidence)))
			}
		}
	}
	if len(rows) == 0 {
		d.subheading("Exceptions found", 10)
		d.none("No sample failed its test.")
		return
	}
	d.titledTable("Exceptions found", []column{{"Control", 18, ""}, {"Sample", 34, ""}, {"What was found", 78, ""}, {"Evidence", 40, ""}}, rows)
}

// testOverrides lists sample sizes and conclusions the assessor set by hand, with the reasons.
func (d *doc) testOverrides() {
	var rows [][]cell
	for _, t := range d.a.Tests {
		if t.SizeOverride > 0 {
			rows = append(rows, texts(t.ControlID, fmt.Sprintf("Sample size set to %d", t.SizeOverride), orDash(t.OverrideReason)))
		}
		if t.ConclusionOverride != "" && t.ConclusionOverride != assessment.NotConcluded {
			rows = append(rows, texts(t.ControlID, "Conclusion set to "+strings.ToLower(conclusionLabel(t.ConclusionOverride))+
				" (by the samples: "+strings.ToLower(conclusionLabel(t.RuleConclusion(d.cat.Sampling)))+")", orDash(t.OverrideJustification)))
		}
	}
	if len(rows) == 0 {
		d.subheading("Assessor overrides", 10)
		d.none("Every sample size follows the table and every conclusion follows from the samples.")
		return
	}
	d.titledTable("Assessor overrides", []column{{"Control", 18, ""}, {"Override", 62, ""}, {"Reason given", 90, ""}}, rows)
}
