package assessment

import (
	"fmt"
	"strings"
	"time"

	"aimsbench/checklists"
)

// Judgement is one edit of a requirement's result. Nil fields are left as they are, so the
// command line, the TUI and imports all go through the same refusals.
type Judgement struct {
	Status         *Status
	Maturity       *int
	Target         *int
	Decision       *Decision
	Justification  *string
	Finding        *string
	Recommendation *string
	Owner          *string
	Due            *time.Time
	Priority       *Priority
	AddEvidence    []Evidence
	EditEvidence   *EvidenceEdit
}

// NewResult is the result of an item nobody has judged yet.
func NewResult(item checklists.Item) *Result {
	r := &Result{ItemID: item.ID, Status: NotAssessed}
	if item.IsControl() {
		r.Decision = Included
	}
	return r
}

// Apply checks a judgement against the rules of §4.1 and, only when all of it is acceptable,
// applies it to a copy of r. The original is never half-changed.
func (j Judgement) Apply(item checklists.Item, r *Result) (*Result, error) {
	if !item.Assessable() {
		return nil, fmt.Errorf("%s is a heading, not a requirement; judge its sub-clauses or controls instead", item.ID)
	}
	next := *r
	evidence, err := j.EvidenceOn(item.ID, r.Evidence)
	if err != nil {
		return nil, err
	}
	next.Evidence = evidence
	if j.Maturity != nil {
		if err := CheckMaturity("maturity", *j.Maturity); err != nil {
			return nil, err
		}
		next.Maturity = *j.Maturity
	}
	if j.Target != nil {
		if err := CheckMaturity("target", *j.Target); err != nil {
			return nil, err
		}
		next.Target = *j.Target
	}
	if err := j.applyDecision(item, r, &next); err != nil {
		return nil, err
	}
	if j.Status != nil {
		if err := checkStatus(item, next.Decision, *j.Status); err != nil {
			return nil, err
		}
		next.Status = *j.Status
	}
	for _, s := range []struct {
		field *string
		to    *string
	}{{&next.Finding, j.Finding}, {&next.Recommendation, j.Recommendation}, {&next.Owner, j.Owner}} {
		if s.to != nil {
			*s.field = *s.to
		}
	}
	if j.Priority != nil {
		next.Priority = *j.Priority
	}
	if j.Due != nil {
		next.Due = *j.Due
	}
	return &next, nil
}

// applyDecision applies the SoA decision and its justification. The justification belongs to
// the decision: a changed decision without a new justification drops the old one, an
// exclusion needs one that passes CheckJustification, and an inclusion may carry one
// (SPEC §10a) as long as it is not a placeholder.
func (j Judgement) applyDecision(item checklists.Item, r, next *Result) error {
	if j.Decision != nil {
		if !item.IsControl() {
			return fmt.Errorf("%s is a clause requirement; only Annex A controls have a Statement of Applicability decision", item.ID)
		}
		next.Decision = *j.Decision
		switch {
		case next.Decision == Excluded:
			next.Status = NotApplicable
		case r.Decision == Excluded:
			next.Status = NotAssessed // back in the SoA: judge it afresh
		}
		if next.Decision != r.Decision && j.Justification == nil {
			next.Justification = ""
		}
	}
	if j.Justification != nil {
		next.Justification = strings.TrimSpace(*j.Justification)
	}
	switch {
	case next.Decision == Excluded:
		return CheckJustification(fmt.Sprintf("excluding %s from the Statement of Applicability", item.ID), next.Justification)
	case j.Justification != nil && next.Justification != "" && isPlaceholder(next.Justification):
		return fmt.Errorf("%q is a placeholder, not a reason; say why %s is included in the Statement of Applicability, or leave the justification empty", next.Justification, item.ID)
	}
	return nil
}

// checkStatus refuses statuses the standard does not allow: clause requirements are mandatory,
// and a control is not applicable exactly when the SoA excludes it.
func checkStatus(item checklists.Item, d Decision, s Status) error {
	switch {
	case s == NotApplicable && !item.IsControl():
		return fmt.Errorf("%s is a mandatory clause requirement and cannot be marked not applicable", item.ID)
	case s == NotApplicable && d != Excluded:
		return fmt.Errorf("%s is included in the Statement of Applicability; to mark it not applicable, exclude it with a justification", item.ID)
	case s != NotApplicable && d == Excluded:
		return fmt.Errorf("%s is excluded in the Statement of Applicability, so it is not applicable; include it first to judge it", item.ID)
	}
	return nil
}

// EffectiveTarget is the result's target, or the default when none was set.
func (r *Result) EffectiveTarget() int {
	if r.Target == 0 {
		return DefaultTarget
	}
	return r.Target
}

// Result returns the stored result of an item, or a fresh one when it has not been judged.
func (a *Assessment) Result(item checklists.Item) *Result {
	if r, ok := a.Results[item.ID]; ok {
		return r
	}
	return NewResult(item)
}
