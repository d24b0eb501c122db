package records

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// The six field registers (SPEC §11), each described once: its table's most telling
// columns, its detail and its form. Lists of values are typed separated by commas and read
// back on submit; a value the catalogue or the registers do not know is refused in one
// sentence under its field.

var audits = registerSpec[assessment.InternalAudit]{
	tab: "Audits", noun: "internal audit", plural: "internal audits",
	list: func(a *assessment.Assessment) []assessment.InternalAudit { return a.Audits },
	name: func(x assessment.InternalAudit) string { return x.Title },
	columns: []column[assessment.InternalAudit]{
		{"Ref", 7, func(_ steps.Host, x assessment.InternalAudit) string { return x.Label() }},
		{"Date", 11, func(_ steps.Host, x assessment.InternalAudit) string { return kit.DateText(x.Date()) }},
		{"State", 8, func(_ steps.Host, x assessment.InternalAudit) string { return heldOrPlanned(x) }},
		{"Auditor", 18, func(_ steps.Host, x assessment.InternalAudit) string { return kit.OrDash(x.Auditor) }},
		{"Covers", 16, func(_ steps.Host, x assessment.InternalAudit) string { return strings.Join(x.Items, ", ") }},
		{"Audit", 0, func(_ steps.Host, x assessment.InternalAudit) string { return x.Title }},
	},
	detail: func(h steps.Host, x assessment.InternalAudit) []field {
		return []field{{"State", heldOrPlanned(x)}, {"Independence", independence(h, x)}, {"Planned", kit.DateText(x.Planned)}, {"Held", kit.DateText(x.Held)},
			{"Auditor", x.Auditor}, {"Auditor's area", x.AuditorArea}, {"Areas", strings.Join(x.Areas, ", ")},
			{"Covers", strings.Join(x.Items, ", ")}, {"Findings", ncLabels(x.Findings)}, {"Conclusion", x.Conclusion}}
	},
	blank: func(h steps.Host) assessment.InternalAudit { return assessment.InternalAudit{Planned: today(h)} },
	form: func(h steps.Host, x *assessment.InternalAudit) ([]huh.Field, func() error) {
		title, planned, held, auditor, area := x.Title, kit.DateInput(x.Planned), kit.DateInput(x.Held), x.Auditor, x.AuditorArea
		areas, items, findings, conclusion := strings.Join(x.Areas, ", "), strings.Join(x.Items, ", "), ncLabels(x.Findings), x.Conclusion
		cat, a := h.Catalogue(), h.Assessment()
		fields := []huh.Field{
			huh.NewInput().Title("What the audit covers, in a few words").Value(&title).CharLimit(300).Validate(required("give the audit a title")),
			huh.NewInput().Title("Planned for (YYYY-MM-DD; empty: not planned)").Value(&planned).Validate(kit.OptionalDate),
			huh.NewInput().Title("Held on (YYYY-MM-DD; empty: not held yet)").Value(&held).Validate(kit.OptionalDate),
			huh.NewInput().Title("Auditor").Value(&auditor).CharLimit(200),
			huh.NewInput().Title("Auditor's own function or area").Value(&area).CharLimit(200),
			huh.NewInput().Title("Functions or processes audited (separated by commas)").Value(&areas).CharLimit(1000),
			huh.NewInput().Title("Clauses and controls covered (IDs separated by commas)").Placeholder("e.g. 9.2, A.6.2.4").Value(&items).
				Validate(func(s string) error { return atLeastOne(itemIDs(cat, s)) }),
			huh.NewInput().Title("Nonconformities it raised (NC numbers separated by commas)").Placeholder("e.g. NC-003, NC-004").Value(&findings).
				Validate(func(s string) error { _, err := ncNumbers(a, s); return err }),
			huh.NewText().Title("Conclusion").Value(&conclusion).CharLimit(5000).Lines(3),
		}
		return fields, func() error {
			var err1, err2 error
			x.Items, err1 = itemIDs(cat, items)
			x.Findings, err2 = ncNumbers(a, findings)
			x.Title, x.Auditor, x.AuditorArea, x.Conclusion = trim(title), trim(auditor), trim(area), trim(conclusion)
			x.Planned, x.Held, x.Areas = kit.DateValue(planned), kit.DateValue(held), splitList(areas)
			return errors.Join(err1, err2)
		}
	},
}

var reviews = registerSpec[assessment.ManagementReview]{
	tab: "Reviews", noun: "management review", plural: "management reviews",
	list: func(a *assessment.Assessment) []assessment.ManagementReview { return a.Reviews },
	name: func(x assessment.ManagementReview) string { return "held " + kit.DateText(x.Date) },
	columns: []column[assessment.ManagementReview]{
		{"Ref", 7, func(_ steps.Host, x assessment.ManagementReview) string { return x.Label() }},
		{"Date", 11, func(_ steps.Host, x assessment.ManagementReview) string { return kit.DateText(x.Date) }},
		{"People", 7, func(_ steps.Host, x assessment.ManagementReview) string { return strconv.Itoa(len(x.Attendees)) }},
		{"Inputs", 8, func(h steps.Host, x assessment.ManagementReview) string {
			return fmt.Sprintf("%d/%d", len(x.Inputs), len(h.Catalogue().ManagementReviewInputs))
		}},
		{"Decisions", 0, func(_ steps.Host, x assessment.ManagementReview) string { return firstLine(x.Decisions) }},
	},
	detail: func(h steps.Host, x assessment.ManagementReview) []field {
		var missing []string
		for _, in := range h.Catalogue().ManagementReviewInputs {
			if !slices.Contains(x.Inputs, in.ID) {
				missing = append(missing, in.ID+" "+in.Title)
			}
		}
		return []field{{"Date", kit.DateText(x.Date)}, {"Attendees", strings.Join(x.Attendees, ", ")},
			{"Inputs", strings.Join(x.Inputs, ", ")}, {"Not considered", strings.Join(missing, "; ")}, {"Decisions", x.Decisions}}
	},
	blank: func(h steps.Host) assessment.ManagementReview { return assessment.ManagementReview{Date: today(h)} },
	form: func(h steps.Host, x *assessment.ManagementReview) ([]huh.Field, func() error) {
		date, attendees, inputs, decisions := kit.DateInput(x.Date), strings.Join(x.Attendees, ", "), slices.Clone(x.Inputs), x.Decisions
		var opts []huh.Option[string]
		for _, in := range h.Catalogue().ManagementReviewInputs {
			opts = append(opts, huh.NewOption(in.ID+" "+in.Title, in.ID).Selected(slices.Contains(inputs, in.ID)))
		}
		fields := []huh.Field{
			huh.NewInput().Title("Held (or to be held) on (YYYY-MM-DD)").Value(&date).Validate(requiredDate("give the day of the review")),
			huh.NewInput().Title("Attendees (separated by commas)").Value(&attendees).CharLimit(1000),
			huh.NewMultiSelect[string]().Title("Inputs it considered (space to mark)").Options(opts...).Value(&inputs).Height(len(opts) + 2),
			huh.NewText().Title("Decisions and actions").Value(&decisions).CharLimit(5000).Lines(3),
		}
		return fields, func() error {
			x.Date, x.Attendees, x.Inputs, x.Decisions = kit.DateValue(date), splitList(attendees), inputs, trim(decisions)
			return nil
		}
	},
}

var interviews = registerSpec[assessment.Interview]{
	tab: "Interviews", noun: "interview", plural: "interviews",
	list: func(a *assessment.Assessment) []assessment.Interview { return a.Interviews },
	name: func(x assessment.Interview) string { return x.Name },
	columns: []column[assessment.Interview]{
		{"Ref", 7, func(_ steps.Host, x assessment.Interview) string { return x.Label() }},
		{"Date", 11, func(_ steps.Host, x assessment.Interview) string { return kit.DateText(x.Date) }},
		{"Person", 20, func(_ steps.Host, x assessment.Interview) string { return x.Name }},
		{"Role", 20, func(_ steps.Host, x assessment.Interview) string { return kit.OrDash(x.Role) }},
		{"Items discussed", 0, func(_ steps.Host, x assessment.Interview) string { return strings.Join(x.Items, ", ") }},
	},
	detail: func(h steps.Host, x assessment.Interview) []field {
		cited := h.Assessment().InterviewCitations(x.Number)
		return []field{{"Person", x.Name}, {"Role", x.Role}, {"Date", kit.DateText(x.Date)},
			{"Items", strings.Join(x.Items, ", ")}, {"Cited for", strings.Join(cited, ", ")}, {"Notes", x.Notes}}
	},
	blank: func(h steps.Host) assessment.Interview { return assessment.Interview{Date: today(h)} },
	form: func(h steps.Host, x *assessment.Interview) ([]huh.Field, func() error) {
		name, role, date, items, notes := x.Name, x.Role, kit.DateInput(x.Date), strings.Join(x.Items, ", "), x.Notes
		cat := h.Catalogue()
		fields := []huh.Field{
			huh.NewInput().Title("Person interviewed").Value(&name).CharLimit(200).Validate(required("give the name of the person interviewed")),
			huh.NewInput().Title("Their role").Value(&role).CharLimit(200),
			huh.NewInput().Title("Held on (YYYY-MM-DD)").Value(&date).Validate(requiredDate("give the day of the interview")),
			huh.NewInput().Title("Items discussed (IDs separated by commas)").Placeholder("e.g. 6.1.2, A.5.2").Value(&items).
				Validate(func(s string) error { return atLeastOne(itemIDs(cat, s)) }),
			huh.NewText().Title("Notes").Value(&notes).CharLimit(5000).Lines(3),
		}
		return fields, func() error {
			var err error
			x.Items, err = itemIDs(cat, items)
			x.Name, x.Role, x.Date, x.Notes = trim(name), trim(role), kit.DateValue(date), trim(notes)
			return err
		}
	},
	canDelete: func(a *assessment.Assessment, x assessment.Interview) error {
		return assessment.CheckDeleteInterview(a.Results, x.Number)
	},
}

var incidents = registerSpec[assessment.Incident]{
	tab: "Incidents", noun: "AI incident", plural: "AI incidents",
	list: func(a *assessment.Assessment) []assessment.Incident { return a.Incidents },
	name: func(x assessment.Incident) string { return x.Title },
	columns: []column[assessment.Incident]{
		{"Ref", 8, func(_ steps.Host, x assessment.Incident) string { return x.Label() }},
		{"Detected", 11, func(_ steps.Host, x assessment.Incident) string { return kit.DateText(x.Detected) }},
		{"Resolved", 11, func(_ steps.Host, x assessment.Incident) string {
			if x.Open() {
				return "open"
			}
			return kit.DateText(x.Resolved)
		}},
		{"AI system", 18, func(h steps.Host, x assessment.Incident) string { return systemName(h.Assessment(), x.SystemID) }},
		{"Incident", 0, func(_ steps.Host, x assessment.Incident) string { return x.Title }},
	},
	detail: func(h steps.Host, x assessment.Incident) []field {
		return []field{{"AI system", systemName(h.Assessment(), x.SystemID)}, {"Began", kit.DateText(x.Occurred)},
			{"Detected", kit.DateText(x.Detected)}, {"Reported", kit.DateText(x.Reported)}, {"Resolved", kit.DateText(x.Resolved)},
			{"What happened", x.Description}}
	},
	blank: func(h steps.Host) assessment.Incident { return assessment.Incident{Detected: today(h)} },
	form: func(h steps.Host, x *assessment.Incident) ([]huh.Field, func() error) {
		title, system, description := x.Title, x.SystemID, x.Description
		occurred, detected, reported, resolved := kit.DateInput(x.Occurred), kit.DateInput(x.Detected), kit.DateInput(x.Reported), kit.DateInput(x.Resolved)
		systems := []huh.Option[int64]{huh.NewOption("— not tied to one system", int64(0))}
		for _, s := range h.Assessment().Systems {
			systems = append(systems, huh.NewOption(kit.Vis(s.Name), s.ID))
		}
		fields := []huh.Field{
			huh.NewInput().Title("What happened, in a few words").Value(&title).CharLimit(300).Validate(required("give the incident a title")),
			huh.NewSelect[int64]().Title("AI system").Options(systems...).Value(&system).Height(6),
			huh.NewInput().Title("Began on (YYYY-MM-DD; empty: not known)").Value(&occurred).Validate(kit.OptionalDate),
			huh.NewInput().Title("Detected on (YYYY-MM-DD)").Value(&detected).Validate(func(s string) error {
				return errors.Join(requiredDate("give the day the incident was detected")(s), kit.NotBefore(&occurred, "the detection", "the day it began")(s))
			}),
			huh.NewInput().Title("Reported on (YYYY-MM-DD; empty: not reported)").Value(&reported).Validate(kit.NotBefore(&detected, "the report", "the detection")),
			huh.NewInput().Title("Resolved on (YYYY-MM-DD; empty: still open)").Value(&resolved).Validate(kit.NotBefore(&detected, "the resolution", "the detection")),
			huh.NewText().Title("Description").Value(&description).CharLimit(5000).Lines(3),
		}
		return fields, func() error {
			x.Title, x.SystemID, x.Description = trim(title), system, trim(description)
			x.Occurred, x.Detected, x.Reported, x.Resolved = kit.DateValue(occurred), kit.DateValue(detected), kit.DateValue(reported), kit.DateValue(resolved)
			return nil
		}
	},
}

var training = registerSpec[assessment.TrainingRecord]{
	tab: "Training", noun: "training record", plural: "training records",
	list: func(a *assessment.Assessment) []assessment.TrainingRecord { return a.Training },
	name: func(x assessment.TrainingRecord) string { return x.Group + ": " + x.Training },
	columns: []column[assessment.TrainingRecord]{
		{"Ref", 7, func(_ steps.Host, x assessment.TrainingRecord) string { return x.Label() }},
		{"Done", 11, func(_ steps.Host, x assessment.TrainingRecord) string {
			return fmt.Sprintf("%d/%d", x.Completed, x.Due)
		}},
		{"Share", 6, func(_ steps.Host, x assessment.TrainingRecord) string {
			return fmt.Sprintf("%d%%", x.Completed*100/max(x.Due, 1))
		}},
		{"As of", 11, func(_ steps.Host, x assessment.TrainingRecord) string { return kit.DateText(x.Date) }},
		{"Group", 22, func(_ steps.Host, x assessment.TrainingRecord) string { return x.Group }},
		{"Training", 0, func(_ steps.Host, x assessment.TrainingRecord) string { return x.Training }},
	},
	detail: func(_ steps.Host, x assessment.TrainingRecord) []field {
		return []field{{"Group", x.Group}, {"Training", x.Training}, {"Completed", fmt.Sprintf("%d of %d people", x.Completed, x.Due)},
			{"As of", kit.DateText(x.Date)}}
	},
	blank: func(h steps.Host) assessment.TrainingRecord { return assessment.TrainingRecord{Due: 1, Date: today(h)} },
	form: func(h steps.Host, x *assessment.TrainingRecord) ([]huh.Field, func() error) {
		group, course, due, completed, date := x.Group, x.Training, strconv.Itoa(x.Due), strconv.Itoa(x.Completed), kit.DateInput(x.Date)
		fields := []huh.Field{
			huh.NewInput().Title("Role or group of people").Value(&group).CharLimit(200).Validate(required("name the role or group of people")),
			huh.NewInput().Title("Training they need").Value(&course).CharLimit(300).Validate(required("name the training")),
			huh.NewInput().Title("People who must complete it").Value(&due).Validate(func(s string) error { return count(s, 1, -1) }),
			huh.NewInput().Title("People who have completed it").Value(&completed).Validate(func(s string) error {
				d, _ := strconv.Atoi(strings.TrimSpace(due))
				return count(s, 0, d)
			}),
			huh.NewInput().Title("Figures as of (YYYY-MM-DD)").Value(&date).Validate(requiredDate("give the day the figures were taken")),
		}
		return fields, func() error {
			x.Group, x.Training, x.Date = trim(group), trim(course), kit.DateValue(date)
			x.Due, _ = strconv.Atoi(trim(due))
			x.Completed, _ = strconv.Atoi(trim(completed))
			return nil
		}
	},
}

var suppliers = registerSpec[assessment.Supplier]{
	tab: "Suppliers", noun: "supplier", plural: "suppliers",
	list: func(a *assessment.Assessment) []assessment.Supplier { return a.Suppliers },
	name: func(x assessment.Supplier) string { return x.Name },
	columns: []column[assessment.Supplier]{
		{"Ref", 7, func(_ steps.Host, x assessment.Supplier) string { return x.Label() }},
		{"Due diligence", 15, func(_ steps.Host, x assessment.Supplier) string { return dueDiligence(x.Result) }},
		{"Assessed", 11, func(_ steps.Host, x assessment.Supplier) string { return kit.DateText(x.Assessed) }},
		{"Systems", 8, func(_ steps.Host, x assessment.Supplier) string { return strconv.Itoa(len(x.Systems)) }},
		{"Supplier", 22, func(_ steps.Host, x assessment.Supplier) string { return x.Name }},
		{"Provides", 0, func(_ steps.Host, x assessment.Supplier) string { return x.Provides }},
	},
	detail: func(h steps.Host, x assessment.Supplier) []field {
		var names []string
		for _, id := range x.Systems {
			names = append(names, systemName(h.Assessment(), id))
		}
		return []field{{"Provides", x.Provides}, {"AI systems", strings.Join(names, ", ")},
			{"Due diligence", dueDiligence(x.Result) + " · " + kit.DateText(x.Assessed)}, {"Note", x.Note}}
	},
	blank: func(steps.Host) assessment.Supplier { return assessment.Supplier{} },
	form: func(h steps.Host, x *assessment.Supplier) ([]huh.Field, func() error) {
		name, provides, systems, assessed, result, note := x.Name, x.Provides, slices.Clone(x.Systems), kit.DateInput(x.Assessed), x.Result, x.Note
		var opts []huh.Option[int64]
		for _, s := range h.Assessment().Systems {
			opts = append(opts, huh.NewOption(kit.Vis(s.Name), s.ID).Selected(slices.Contains(systems, s.ID)))
		}
		results := []huh.Option[assessment.DueDiligence]{huh.NewOption("— not assessed", assessment.DueDiligence(""))}
		for _, r := range []assessment.DueDiligence{assessment.Satisfactory, assessment.Conditional, assessment.Unsatisfactory} {
			results = append(results, huh.NewOption(string(r), r))
		}
		fields := []huh.Field{
			huh.NewInput().Title("Supplier").Value(&name).CharLimit(200).Validate(required("give the supplier's name")),
			huh.NewInput().Title("What it supplies").Value(&provides).CharLimit(500),
			huh.NewMultiSelect[int64]().Title("AI systems that rely on it (space to mark)").Options(opts...).Value(&systems).Height(min(len(opts)+2, 8)),
			huh.NewSelect[assessment.DueDiligence]().Title("Due-diligence result").Options(results...).Value(&result).Inline(true),
			huh.NewInput().Title("Due diligence completed on (YYYY-MM-DD; empty: not assessed)").Value(&assessed).Validate(kit.OptionalDate),
			huh.NewText().Title("Note").Value(&note).CharLimit(5000).Lines(3),
		}
		return fields, func() error {
			x.Name, x.Provides, x.Systems, x.Result, x.Note = trim(name), trim(provides), systems, result, trim(note)
			x.Assessed = kit.DateValue(assessed)
			return nil
		}
	},
}

// independence is the rules' warning that the audit's auditor audits their own area, if any.
func independence(h steps.Host, x assessment.InternalAudit) string {
	for _, w := range h.Summary().Warnings {
		if w.Kind == "auditor_not_independent" && strings.Contains(w.Detail, "internal audit "+x.Label()+" ") {
			return "! " + w.Detail
		}
	}
	return "no conflict found"
}

func heldOrPlanned(x assessment.InternalAudit) string {
	if x.WasHeld() {
		return "held"
	}
	return "planned"
}

func dueDiligence(r assessment.DueDiligence) string {
	if r == "" {
		return "not assessed"
	}
	return string(r)
}

func systemName(a *assessment.Assessment, id int64) string {
	if id == 0 {
		return "—"
	}
	if i := slices.IndexFunc(a.Systems, func(s assessment.AISystem) bool { return s.ID == id }); i >= 0 {
		return a.Systems[i].Name
	}
	return fmt.Sprintf("system %d (not in the inventory)", id)
}

func ncLabels(numbers []int) string {
	var out []string
	for _, n := range numbers {
		out = append(out, assessment.Nonconformity{Number: n}.Label())
	}
	return strings.Join(out, ", ")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func trim(s string) string { return strings.TrimSpace(s) }

// today is the calendar day a new entry starts on.
func today(h steps.Host) time.Time {
	y, m, d := h.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// splitList reads values separated by commas or semicolons, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// itemIDs reads catalogue item IDs separated by commas, accepting "a.6.2.4" for A.6.2.4,
// and refuses one the catalogue does not hold.
func itemIDs(cat *checklists.Catalogue, s string) ([]string, error) {
	var out []string
	for _, f := range splitList(s) {
		id := strings.ToUpper(f[:1]) + f[1:]
		if _, ok := cat.Item(id); !ok {
			return nil, fmt.Errorf("%q is not a clause or control of the catalogue; write IDs such as 9.2 or A.6.2.4", kit.Vis(f))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// atLeastOne refuses an empty list of items.
func atLeastOne(ids []string, err error) error {
	if err == nil && len(ids) == 0 {
		return errors.New("name at least one clause or control")
	}
	return err
}

// ncNumbers reads nonconformity references (NC-003 or 3) separated by commas and refuses one
// the register does not hold.
func ncNumbers(a *assessment.Assessment, s string) ([]int, error) {
	var out []int
	for _, f := range splitList(s) {
		digits := strings.TrimPrefix(strings.ToUpper(f), "NC-")
		n, err := strconv.Atoi(digits)
		if err != nil || !slices.ContainsFunc(a.NCs, func(nc assessment.Nonconformity) bool { return nc.Number == n }) {
			return nil, fmt.Errorf("%q is not a nonconformity of the register; write references such as NC-003", kit.Vis(f))
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// required refuses an empty text field with the sentence given.
func required(say string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(say)
		}
		return nil
	}
}

// requiredDate refuses an empty or unreadable date field.
func requiredDate(say string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(say + " (YYYY-MM-DD)")
		}
		return kit.OptionalDate(s)
	}
}

// count refuses what is not a whole number from least to most (most < 0: no upper bound).
func count(s string, least, most int) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil:
		return errors.New("write a whole number of people")
	case n < least:
		return fmt.Errorf("write at least %d", least)
	case most >= 0 && n > most:
		return fmt.Errorf("%d completed is more than the %d due", n, most)
	}
	return nil
}
