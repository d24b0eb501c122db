package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// MergeInput is a bundle to merge into an assessment: the other copy as the bundle holds it
// (decoded and checked against the catalogue, its ID the assessment it was exported from),
// the origin the bundle carries, and the file it was read from, for the audit trail.
type MergeInput struct {
	Theirs *assessment.Assessment
	Origin *assessment.Origin
	File   string
	SHA256 string
}

// UnsettledError refuses a merge while conflicts are unsettled; nothing was written. Plan
// lists them.
type UnsettledError struct{ Plan *assessment.MergePlan }

func (e *UnsettledError) Error() string {
	n := len(e.Plan.Unsettled())
	what := fmt.Sprintf("%d conflicts are", n)
	if n == 1 {
		what = "1 conflict is"
	}
	return fmt.Sprintf("%s not settled, so nothing was merged; settle each with --take ours=REF or --take theirs=REF (REF as listed by --dry-run)", what)
}

// PlanMerge works out what merging the bundle into the assessment would do, and writes
// nothing (assessment.MergePlan): the fields and records it takes, the new entries it numbers
// anew, and the conflicts to settle. A bundle of another assessment's copies, or one whose
// common start with this assessment is not known, is refused with one sentence; so is a
// finalised assessment.
func (s *Store) PlanMerge(aid string, in MergeInput) (*assessment.MergePlan, error) {
	m, err := planMerge(s.db, aid, in)
	if err != nil {
		return nil, err
	}
	return m.plan, nil
}

// Merge merges the bundle into the assessment in one transaction: it works out the merge
// again on the data as it is inside the transaction, applies the sides chosen for the
// conflicts (settled, by Conflict.Ref), and refuses with an *UnsettledError, writing nothing,
// while a conflict is left. The merged assessment must pass the rules an import meets
// (assessment.Validate). Every change is audited with the actor, and one audit row records the
// merge itself (assessment.MergeNote). It returns the plan as applied.
func (s *Store) Merge(cat *checklists.Catalogue, aid string, in MergeInput, settled map[string]assessment.Side) (*assessment.MergePlan, error) {
	var plan *assessment.MergePlan
	err := s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		m, err := planMerge(t.Tx, aid, in)
		if err != nil {
			return err
		}
		plan = m.plan
		for ref, side := range settled {
			if err := plan.Settle(ref, side); err != nil {
				return err
			}
		}
		if len(plan.Unsettled()) > 0 {
			return &UnsettledError{Plan: plan}
		}
		return m.apply(t, cat)
	})
	return plan, err
}

// apply writes the merge: the settled conflicts, then every part that differs from ours,
// through the store's audited writes, and the note of the merge.
func (m *merger) apply(t *tx, cat *checklists.Catalogue) error {
	note := assessment.MergeNote{From: m.plan.From, File: m.in.File, SHA256: m.in.SHA256, At: t.when(), By: t.s.actor, Numbers: m.numbers}
	for _, c := range m.plan.Conflicts {
		fix := m.fixes[c.Ref]
		if c.Take == assessment.Ours {
			if c.Theirs.Value != "" {
				note.Kept = append(note.Kept, assessment.KeptValue{Ref: c.Ref, Theirs: c.Theirs.Value})
			}
			continue
		}
		if err := m.takeTheirs(fix); err != nil {
			return err
		}
	}
	merged, err := assessment.AssembleParts(m.merged)
	if err != nil {
		return err
	}
	merged.ID = m.aid
	if err := newProblems(cat, m.oursState, merged); err != nil {
		return fmt.Errorf("the merged assessment would have %w; settle the conflicts behind these the other way, or correct them in one copy and export it again", err)
	}
	if err := m.write(t, merged); err != nil {
		return err
	}
	body, err := json.Marshal(note)
	if err != nil {
		return fmt.Errorf("cannot record the merge: %w", err)
	}
	return t.audit(m.aid, kindMerge, m.plan.From, fieldMerged, "", string(body), "")
}

// newProblems checks the merged assessment with the rules an import meets
// (assessment.Validate): a merge may join two valid edits of one record into one the rules
// refuse. Only problems the merge brings in refuse it; any the assessment had before are not
// the merge's to mend.
func newProblems(cat *checklists.Catalogue, before, after *assessment.Assessment) error {
	var was, is *assessment.Invalid
	if !errors.As(assessment.Validate(cat, after), &is) {
		return nil
	}
	errors.As(assessment.Validate(cat, before), &was)
	problems := is.Problems
	if was != nil {
		problems = slices.DeleteFunc(slices.Clone(problems), func(p string) bool { return slices.Contains(was.Problems, p) })
	}
	if len(problems) == 0 {
		return nil
	}
	return &assessment.Invalid{Problems: problems}
}

// takeTheirs applies a conflict settled for the bundle: its value of the field, or its
// version of the whole record (none: deleted).
func (m *merger) takeTheirs(fix conflictFix) error {
	if fix.field == "" {
		if fix.theirs == nil {
			delete(m.merged, fix.part)
		} else {
			m.merged[fix.part] = fix.theirs
		}
		return nil
	}
	body, err := setField(m.merged[fix.part], fix.field, fix.theirs)
	if err != nil {
		return fmt.Errorf("cannot merge %s: %w", assessment.PartLabel(fix.part), err)
	}
	m.merged[fix.part] = body
	return nil
}

// write stores every record of the merged assessment whose part differs from ours, and
// deletes ours' records the merge leaves out.
func (m *merger) write(t *tx, merged *assessment.Assessment) error {
	parts, err := assessment.PartsOf(merged)
	if err != nil {
		return err
	}
	for _, r := range recordsOf(merged) {
		name := partName(r.kind, r.key)
		if old, ok := m.ours[name]; ok && assessment.SameJSON(old, parts[name]) {
			continue
		}
		if err := t.put(m.aid, r.kind, r.key, r.value); err != nil {
			return err
		}
	}
	for name := range m.ours {
		if _, kept := parts[name]; !kept {
			kind, key := assessment.SplitPartName(name)
			if err := t.remove(m.aid, kind, key); err != nil {
				return err
			}
		}
	}
	return nil
}
