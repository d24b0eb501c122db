package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/assessment"
)

// assessFlags are the flags of `assess`, as the user typed them.
type assessFlags struct {
	status, soa, justification, note, recommendation, owner, due, priority string
	maturity, target                                                       int
	evidence, evidenceRefs                                                 []string
	evidenceCollected, evidenceValidUntil                                  string
}

// judgement turns the flags the user gave into a judgement; flags not given stay nil.
func (fl *assessFlags) judgement(set func(string) bool) (assessment.Judgement, error) {
	var j assessment.Judgement
	if len(fl.evidence) == 0 && (set("evidence-collected") || set("evidence-valid-until") || set("evidence-ref")) {
		return j, usageError{errors.New("--evidence-ref, --evidence-collected and --evidence-valid-until describe the --evidence items of the same call; add --evidence TITLE")}
	}
	if len(fl.evidenceRefs) > len(fl.evidence) {
		return j, usageError{fmt.Errorf("%d --evidence-ref given for %d --evidence; give each reference after the title it belongs to", len(fl.evidenceRefs), len(fl.evidence))}
	}
	if !slices.ContainsFunc(assessFlagNames, set) {
		return j, usageError{errors.New("nothing to record; give at least one of --status, --maturity, --target, --note, --recommendation, --owner, --due, --priority, --evidence, --soa, --justification")}
	}
	if set("status") {
		st, err := assessment.ParseStatus(fl.status)
		if err != nil {
			return j, err
		}
		j.Status = &st
	}
	for _, m := range []struct {
		flag string
		val  int
		to   **int
	}{{"maturity", fl.maturity, &j.Maturity}, {"target", fl.target, &j.Target}} {
		if set(m.flag) {
			if m.val < 1 || m.val > 5 {
				return j, fmt.Errorf("--%s %d is outside the scale; use 1 to 5", m.flag, m.val)
			}
			v := m.val
			*m.to = &v
		}
	}
	if set("soa") {
		d, err := assessment.ParseDecision(fl.soa)
		if err != nil {
			return j, err
		}
		j.Decision = &d
	}
	for _, t := range []struct {
		flag string
		val  *string
		to   **string
	}{{"justification", &fl.justification, &j.Justification}, {"note", &fl.note, &j.Finding},
		{"recommendation", &fl.recommendation, &j.Recommendation}, {"owner", &fl.owner, &j.Owner}} {
		if set(t.flag) {
			*t.to = t.val
		}
	}
	if err := fl.remediation(set, &j); err != nil {
		return j, err
	}
	return j, fl.addEvidence(&j)
}

// assessFlagNames are the flags that record something; at least one must be given.
var assessFlagNames = []string{"status", "maturity", "target", "note", "recommendation", "owner", "due", "priority",
	"evidence", "soa", "justification"}

// remediation reads the due date and the priority.
func (fl *assessFlags) remediation(set func(string) bool, j *assessment.Judgement) error {
	if set("due") {
		due, err := optionalDate("--due", fl.due)
		if err != nil {
			return err
		}
		j.Due = &due
	}
	if set("priority") {
		p, err := assessment.ParsePriority(fl.priority)
		if err != nil {
			return err
		}
		j.Priority = &p
	}
	return nil
}

// addEvidence adds an evidence item per --evidence title, dated with --evidence-collected and
// --evidence-valid-until when given; the n-th --evidence-ref is the n-th title's reference
// (a document number, a path on the client's intranet).
func (fl *assessFlags) addEvidence(j *assessment.Judgement) error {
	collected, err := optionalDate("--evidence-collected", fl.evidenceCollected)
	if err != nil {
		return err
	}
	if collected.After(today()) {
		return fmt.Errorf("--evidence-collected %s is after today: evidence not yet obtained cannot support a judgement; check the date", fl.evidenceCollected)
	}
	validUntil, err := optionalDate("--evidence-valid-until", fl.evidenceValidUntil)
	if err != nil {
		return err
	}
	for i, title := range fl.evidence {
		ev := assessment.Evidence{Title: title, Kind: "document", AttachedAt: today(), Collected: collected, ValidUntil: validUntil}
		if i < len(fl.evidenceRefs) {
			ev.Reference = fl.evidenceRefs[i]
		}
		j.AddEvidence = append(j.AddEvidence, ev)
	}
	return nil
}

// optionalDate reads a YYYY-MM-DD flag value; an empty value is no date.
func optionalDate(flag, value string) (time.Time, error) {
	if strings.TrimSpace(value) == "" {
		return time.Time{}, nil
	}
	t, err := assessment.ParseDate(value)
	if err != nil {
		return t, fmt.Errorf("%s %w", flag, err)
	}
	return t, nil
}
