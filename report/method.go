package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// methodology says how the work was done, from what the data shows, then the scales, the
// roll-up and verdict rules, the gap definition, the sampling approach when controls were
// tested, and the copyright position, so a reader can check every figure.
func (d *doc) methodology() {
	d.subheading("How the work was done", 20)
	d.para(d.workDone())
	d.para("Each judgement carries a status, a maturity level and the evidence seen. The figures in this report are " +
		"computed from those judgements by fixed rules, set out below, so two people applying them to the same data " +
		"reach the same verdict. Section " + d.numbers["limits"] + " says what the work did not cover.")
	d.interviewLog()
	d.subheading("Status", 40)
	d.table([]column{{"Status", 40, ""}, {"Meaning", 130, ""}}, [][]cell{
		{statusCell(assessment.Conformant), txt("The requirement is met, and evidence that it is met is on file.")},
		{statusCell(assessment.Partial), txt("The requirement is partly met: something is missing in how the process is designed, documented or carried out.")},
		{statusCell(assessment.Nonconformant), txt("The requirement is not met.")},
		{txt("Not applicable"), txt("Used only for an Annex A control that the Statement of Applicability excludes with a justification. Clause requirements are mandatory and can never be not applicable.")},
		{txt("Not assessed"), txt("No judgement has been recorded yet.")},
	})
	d.subheading("Maturity", 40)
	d.paraf("Maturity is rated from 1 to 5 on the scale below. Each item has a target level, %d unless the assessor set "+
		"another; level 3 is the point at which a certification audit can be expected to succeed.", assessment.DefaultTarget)
	var rows [][]cell
	for _, m := range d.cat.MaturityLevels {
		rows = append(rows, []cell{bold(fmt.Sprint(m.Level)), bold(m.Name), txt(m.Readiness), txt(m.Description)})
	}
	d.table([]column{{"Level", 14, "C"}, {"Name", 30, ""}, {"Readiness", 36, ""}, {"What the assessor sees", 90, ""}}, rows)
	d.rollUpRules()
	d.verdictRules()
	d.samplingMethod()
	d.subheading("Copyright", 20)
	d.para("ISO/IEC 42001:2023 is copyright of ISO and IEC. This report uses only the standard's clause and control " +
		"numbers and their short official titles, which identify the requirements, and describes them in its own " +
		"words; it does not reproduce the text of the standard. Readers who need the requirements themselves " +
		"should consult a licensed copy of the standard.")
}

func (d *doc) rollUpRules() {
	d.subheading("Roll-up by clause and objective", 30)
	d.para("Results are summarised for each clause (4 to 10) and each Annex A objective (A.2 to A.10) over the items " +
		"that count towards the verdict: every clause requirement and every control the Statement of Applicability " +
		"includes. For each group the report gives how many items have been judged, how many carry each status, the " +
		"mean maturity rounded to one decimal and the lowest maturity. Excluded controls are left out of every " +
		"figure, and an item without a maturity rating is left out of the mean and the lowest value.")
}

// themes are the headings the executive summary groups blockers under, in a board's words,
// by blocker kind; a test proves every kind of assessment.VerdictRules has one.
var themes = map[string]string{
	"no_ai_system_in_scope":                "No AI system in scope",
	"missing_impact_assessment":            "Impact assessments missing",
	"stale_impact_assessment":              "Impact assessments out of date",
	"high_impact_out_of_scope":             "Every high-impact AI system left out of scope",
	"nonconformant":                        "Requirements not met",
	"partial_without_action":               "Requirements partly met with no corrective action planned",
	"management_cycle_incomplete":          "Internal audit and management review cycle not complete",
	"open_major_nc":                        "Major nonconformities not yet closed and verified",
	"unsupported_conformity":               "Conformity claimed without valid evidence",
	"unjustified_exclusion":                "Controls excluded without an acceptable justification",
	"required_control_excluded":            "Controls excluded that the organisation's situation requires",
	"exclusion_contradicts_risk_treatment": "Controls excluded that the risk treatment relies on",
	"ineffective_control":                  "Controls that failed their operating-effectiveness test",
	"partial_conformity":                   "Requirements partly met, with corrective action planned",
	"controls_not_tested":                  "Controls without a test concluded effective",
	"kpis_not_measured":                    "KPIs not measured",
	"overdue_nc":                           "Findings past their due date",
}

// theme is the summary heading of a blocker kind.
func theme(kind string) string {
	if t, ok := themes[kind]; ok {
		return t
	}
	return capitalise(strings.ReplaceAll(kind, "_", " "))
}

func (d *doc) verdictRules() {
	d.subheading("Readiness verdict", 60)
	d.paraf("The verdict is worked out over the %d clause requirements and the Annex A controls included in the "+
		"Statement of Applicability (%d items in this assessment). The floor is the lowest maturity among them and the "+
		"mean their average. While any of them lacks a status or a maturity, the verdict reads \"Incomplete — n of m "+
		"assessed\" and the level is provisional. The readiness level is the floor, capped by every blocker found:",
		d.clauseCount(), d.sum.Total)
	var rows [][]cell
	for _, r := range assessment.VerdictRules() {
		rows = append(rows, []cell{txt(r.When), bold(fmt.Sprintf("Level %d at most", r.Cap)), cell{text: r.Kind, style: &styleCode}})
	}
	rows = append(rows, []cell{txt("An item is rated below maturity 3: it is not a blocker, but it holds the floor, and so the level, below 3."),
		bold("Holds the floor"), cell{text: "below_level_3", style: &styleCode}})
	d.table([]column{{"When", 110, ""}, {"Effect on the level", 30, ""}, {"Code in summary --json", 30, ""}}, rows)
	var names []string
	for _, m := range d.cat.MaturityLevels {
		names = append(names, fmt.Sprintf("%d %s", m.Level, m.Readiness))
	}
	d.paraf("The levels are named %s. The executive summary groups every blocker and every item rated below 3, which "+
		"together are what must change for the level to rise; the roadmap turns each into an action.", joinAnd(names))
	d.subheading("Gaps", 25)
	d.para("An item is a gap when it counts towards the verdict and is nonconformant or partially conformant, is " +
		"judged conformant without evidence, or is rated below its target maturity. Items not yet assessed are " +
		"listed separately, since nothing is known about them.")
}

func (d *doc) clauseCount() int {
	n := 0
	for _, it := range d.cat.Assessable() {
		if !it.IsControl() {
			n++
		}
	}
	return n
}

// samplingMethod prints the sample-size table and its source when controls were tested; with
// no test on record it says so, and claims nothing about testing.
func (d *doc) samplingMethod() {
	s := d.cat.Sampling
	d.subheading("Control testing and sampling", 50)
	if d.work.ControlsTested == 0 {
		d.para("No operating-effectiveness test is on record, so no sample was drawn and no control's conformity rests on " +
			"testing. When tests are recorded, the workbench suggests sample sizes from the catalogue's table, drawn at " +
			"random with a recorded seed, and this section then sets the table out.")
		return
	}
	d.paraf("%d of the included Annex A controls were tested for operating effectiveness over a test period, using the "+
		"methods recorded with each test (%s). The number of occurrences examined depends on how often the control "+
		"operates. The normal column applies the minimum sample sizes published by ISACA in \"IT Control Objectives "+
		"for Sarbanes-Oxley\", 2nd edition (2006); the elevated column, used when a control covers an in-scope "+
		"high-impact AI system, takes the upper end of sizes common in audit practice. The assessor may set another "+
		"size, and must record why.", d.work.ControlsTested, d.sectionRef("testing"))
	var rows [][]cell
	for _, f := range s.Frequencies {
		rows = append(rows, texts(f.Title, fmt.Sprint(f.Normal), fmt.Sprint(f.Elevated)))
	}
	low := 1
	for _, b := range s.EventDriven {
		band := fmt.Sprintf("Event-driven, population %d to %d", low, b.MaxPopulation)
		if b.MaxPopulation == 0 {
			band = fmt.Sprintf("Event-driven, population above %d", low-1)
		}
		if b.All {
			rows = append(rows, texts(band, "all", "all"))
		} else {
			rows = append(rows, texts(band, fmt.Sprint(b.Normal), fmt.Sprint(b.Elevated)))
		}
		low = b.MaxPopulation + 1
	}
	d.table([]column{{"How often the control operates", 100, ""}, {"Normal", 35, "C"}, {"Elevated", 35, "C"}}, rows)
	if src := strings.TrimSpace(s.Source); src != "" {
		d.paragraph("Source of the table as recorded in the catalogue: "+src, styleSmall)
	}
	d.para("Samples are drawn at random from the population with a recorded seed, so anyone can repeat the same " +
		"selection. A test is effective when the whole sample has been tested without exception, ineffective as " +
		"soon as one exception is found, and not concluded otherwise. An assessor who overrides a conclusion must " +
		"give a justification, which is shown with the result.")
}
