package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// limitations says, near the front, what the assessment did not do, so no reader takes the
// report for more than the data behind it (SPEC §10a). Every line comes from the data.
func (d *doc) limitations() {
	d.paraf("This is a readiness assessment of %s as the assessor found it up to %s. It is not a certification "+
		"audit, and only an accredited certification body can certify the management system. What the assessment "+
		"did not cover limits what the report can support:", orDash(d.a.Organisation.Name), date(d.asOf))
	d.bullets(d.limitationLines())
	d.paragraph("The methodology (section "+d.numbers["method"]+") describes the work that was done; Appendix 1 lists "+
		"every judgement with the evidence it rests on.", styleSmall)
}

// limitationLines are the limits the data shows, most serious first.
func (d *doc) limitationLines() []string {
	w := d.work
	var out []string
	if n := w.Items - w.Judged; n > 0 {
		out = append(out, fmt.Sprintf("%s of the %d clause requirements and included controls %s not been judged, so their "+
			"status is unknown and the readiness level is provisional.", capitalise(fmt.Sprint(n)), w.Items, map[bool]string{true: "has", false: "have"}[n == 1]))
	}
	out = append(out, d.testingLimit())
	if n := len(w.WithoutEvidence); n > 0 {
		out = append(out, fmt.Sprintf("%s judged without any evidence item on record (%s); those judgements rest on the assessor's word alone.",
			capitalise(plural(n, "item was", "items were")), shortList(w.WithoutEvidence, 8, "Appendix 1")))
	}
	if missing := w.Requests.Total - w.Requests.InHand(); missing > 0 {
		out = append(out, fmt.Sprintf("%d of the %d documents on the evidence request list are not in hand: %d requested and awaited, "+
			"%d not requested, %d reported as not available.", missing, w.Requests.Total, w.Requests.Requested, w.Requests.NotRequested, w.Requests.NotAvailable))
	}
	if w.Evidence["interview"] == 0 {
		out = append(out, "No interview is on record: no judgement rests on what the people who run the management system said.")
	}
	if w.Risks == 0 {
		out = append(out, "The AI risk register is empty, so the Statement of Applicability could not be checked against risk treatment.")
	}
	if n := w.SystemsInScope - w.ImpactCurrent; n > 0 {
		out = append(out, fmt.Sprintf("%s in scope %s no current impact assessment, so the impacts of %s on people could not be reviewed.",
			capitalise(plural(n, "AI system", "AI systems")), map[bool]string{true: "has", false: "have"}[n == 1], map[bool]string{true: "it", false: "them"}[n == 1]))
	}
	if w.Files == 0 {
		out = append(out, "No evidence file was fingerprinted: documents are cited by the references the assessor recorded, which a reader cannot check against the files themselves.")
	} else {
		out = append(out, fmt.Sprintf("%s referenced by path and SHA-256 when attached, not copied; 'aimsbench verify' shows whether any has changed since.",
			capitalise(plural(w.Files, "evidence file is", "evidence files are"))))
	}
	return out
}

// testingLimit says how far operating effectiveness was tested, and never claims a test that
// is not on record.
func (d *doc) testingLimit() string {
	w := d.work
	switch {
	case w.ControlsIncluded == 0:
		return "No Annex A control is included in the Statement of Applicability, so no control could be tested."
	case w.ControlsTested == 0:
		return "No control was tested for operating effectiveness: the conformity of the Annex A controls rests on design, " +
			"documentation and what the assessor was told, not on samples of the controls at work."
	case len(w.Untested) > 0:
		return fmt.Sprintf("%d of the %d included controls were tested for operating effectiveness; the other %d (%s) rest on "+
			"design and documentation only.", w.ControlsTested, w.ControlsIncluded, len(w.Untested), shortList(w.Untested, 6, "the Statement of Applicability"))
	}
	return fmt.Sprintf("Every included control was tested for operating effectiveness, on samples: a sample can miss an exception "+
		"that the whole population holds (%s concluded).", plural(w.TestsConcluded, "test is", "tests are"))
}

// workDone describes, for the methodology, the work the data shows was done.
func (d *doc) workDone() string {
	w := d.work
	var kinds []string
	for _, k := range assessment.EvidenceKinds {
		if n := w.Evidence[k]; n > 0 {
			kinds = append(kinds, plural(n, evidenceKindNames[k][0], evidenceKindNames[k][1]))
		}
	}
	text := fmt.Sprintf("The assessor judged %d of the %d clause requirements and included Annex A controls, %d of them on "+
		"recorded evidence", w.Judged, w.Items, w.OnEvidence)
	if len(kinds) > 0 {
		text += " (" + joinAnd(kinds) + ")"
	}
	text += fmt.Sprintf(" and %d without any. ", len(w.WithoutEvidence))
	if w.ControlsTested == 0 {
		text += "No control was tested for operating effectiveness, so no sample was drawn. "
	} else {
		text += fmt.Sprintf("%d of the %d included controls were tested for operating effectiveness on %s; %d of the tests are "+
			"concluded, %d of them effective. ", w.ControlsTested, w.ControlsIncluded, plural(w.SamplesTested, "sample", "samples"),
			w.TestsConcluded, w.TestsEffective)
	}
	r := w.Requests
	text += fmt.Sprintf("Of the %d documents on the evidence request list, %d are in hand (%d of them reviewed). ", r.Total, r.InHand(), r.Reviewed)
	text += fmt.Sprintf("The risk register holds %s, and %d of the %s in scope have a current impact assessment.",
		plural(w.Risks, "risk", "risks"), w.ImpactCurrent, plural(w.SystemsInScope, "AI system", "AI systems"))
	return strings.TrimSpace(text)
}

// evidenceKindNames are the kinds of evidence as counted in a sentence: one, many.
var evidenceKindNames = map[string][2]string{
	"document":    {"document", "documents"},
	"record":      {"record", "records"},
	"interview":   {"interview citation", "interview citations"}, // one interview may be cited for many items
	"observation": {"observation", "observations"},
	"system":      {"system view", "system views"},
}
