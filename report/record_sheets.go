package report

import (
	"slices"
	"strings"

	"aimsbench/assessment"
)

// The field registers as sheets of the workbook, one each and every entry in full, in the
// order of their references; the PDF lists only the most recent entries of a long register
// and points here.

// recordTables are the field registers' sheets.
func recordTables(f *facts) []register {
	return []register{auditTable(f), reviewTable(f), trainingTable(f), supplierTable(f), incidentTable(f), interviewTable(f)}
}

func auditTable(f *facts) register {
	reg := register{name: sheetAudits, cols: []sheetColumn{textCol("Audit", 7), textCol("Title", 36), dateCol("Planned"), dateCol("Held"),
		textCol("Auditor", 22), textCol("Auditor's area", 20), textCol("Areas audited", 30), textCol("Clauses and controls covered", 30),
		textCol("Nonconformities raised", 14), textCol("Conclusion", 50)}}
	for _, x := range f.a.Audits {
		var findings []string
		for _, n := range x.Findings {
			findings = append(findings, assessment.Nonconformity{Number: n}.Label())
		}
		reg.rows = append(reg.rows, []any{x.Label(), x.Title, x.Planned, x.Held, x.Auditor, x.AuditorArea, strings.Join(x.Areas, "; "),
			strings.Join(x.Items, ", "), strings.Join(findings, ", "), x.Conclusion})
	}
	return reg
}

func reviewTable(f *facts) register {
	reg := register{name: sheetReviews, cols: []sheetColumn{textCol("Review", 7), dateCol("Date"), textCol("Attendees", 36),
		numberCol("Inputs considered", 10), numberCol("Inputs asked for", 10), textCol("Inputs not considered", 40),
		textCol("Decisions and actions", 60)}}
	for _, r := range f.a.Reviews {
		var missing []string
		for _, in := range f.cat.ManagementReviewInputs {
			if !slices.Contains(r.Inputs, in.ID) {
				missing = append(missing, in.Title)
			}
		}
		considered := len(f.cat.ManagementReviewInputs) - len(missing)
		reg.rows = append(reg.rows, []any{r.Label(), r.Date, strings.Join(r.Attendees, "; "), considered,
			len(f.cat.ManagementReviewInputs), strings.Join(missing, "; "), r.Decisions})
	}
	return reg
}

func trainingTable(f *facts) register {
	reg := register{name: sheetTraining, cols: []sheetColumn{textCol("Record", 7), textCol("Role or group", 30), textCol("Training", 40),
		numberCol("People due", 10), numberCol("Completed", 10), numberCol("Completion (%)", 11), dateCol("As of")}}
	for _, r := range f.a.Training {
		var share any
		if r.Due > 0 {
			share = float64(r.Completed*1000/r.Due) / 10
		}
		reg.rows = append(reg.rows, []any{r.Label(), r.Group, r.Training, r.Due, r.Completed, share, r.Date})
	}
	return reg
}

func supplierTable(f *facts) register {
	reg := register{name: sheetSuppliers, cols: []sheetColumn{textCol("Supplier", 8), textCol("Name", 30), textCol("Provides", 40),
		textCol("AI systems relying on it", 36), dateCol("Due diligence"), statusCol("Result", 14), textCol("Note", 50)}}
	for _, s := range f.a.Suppliers {
		var systems []string
		for _, id := range s.Systems {
			systems = append(systems, systemName(f.a, id))
		}
		result := string(s.Result)
		if result == "" {
			result = "no due diligence"
		}
		reg.rows = append(reg.rows, []any{s.Label(), s.Name, s.Provides, strings.Join(systems, "; "), s.Assessed, result, s.Note})
	}
	return reg
}

func incidentTable(f *facts) register {
	reg := register{name: sheetIncidents, cols: []sheetColumn{textCol("Incident", 9), textCol("Title", 36), textCol("AI system", 24),
		dateCol("Began"), dateCol("Detected"), dateCol("Reported"), dateCol("Resolved"), numberCol("Days to detect", 9),
		numberCol("Days to resolve", 9), textCol("Description", 60)}}
	for _, x := range f.a.Incidents {
		system := ""
		if x.SystemID != 0 {
			system = systemName(f.a, x.SystemID)
		}
		var toDetect, toResolve any // left empty when the register cannot say
		if d, ok := x.DaysToDetect(); ok {
			toDetect = d
		}
		if d, ok := x.DaysToResolve(); ok {
			toResolve = d
		}
		reg.rows = append(reg.rows, []any{x.Label(), x.Title, system, x.Occurred, x.Detected, x.Reported, x.Resolved, toDetect, toResolve, x.Description})
	}
	return reg
}

func interviewTable(f *facts) register {
	reg := register{name: sheetInterviews, cols: []sheetColumn{textCol("Interview", 9), textCol("Name", 26), textCol("Role", 30),
		dateCol("Date"), textCol("Items discussed", 40), textCol("Notes", 60)}}
	for _, x := range f.a.Interviews {
		reg.rows = append(reg.rows, []any{x.Label(), x.Name, x.Role, x.Date, strings.Join(x.Items, ", "), x.Notes})
	}
	return reg
}
