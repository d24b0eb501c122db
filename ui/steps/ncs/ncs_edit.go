package ncs

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// ncSources are the origins of a nonconformity, as stored and as read.
var (
	ncSources     = []string{"gap", "test", "internal_audit", "other"}
	ncSourceNames = []string{"gap analysis", "control test", "internal audit", "other"}
)

func ncSourceLabel(s string) string {
	for i, v := range ncSources {
		if v == s {
			return ncSourceNames[i]
		}
	}
	return kit.Vis(s)
}

// openWithdrawal asks why the selected NC is withdrawn: a slip of the key, the wrong item, a
// finding the evidence disproved. The NC stays in the register, marked withdrawn.
func (n *ncs) openWithdrawal() {
	nc, ok := n.selected()
	if !ok {
		return
	}
	n.editing, n.base, n.reason = nc.Number, &nc, true
	n.sheet = kit.NewSheet("Withdraw "+nc.Label()+" ("+kit.Vis(nc.ItemID)+", "+nc.Grade.Label()+")", min(n.width, 110)).
		LongField("reason", "Why", "").Tall(4)
	n.sheet.Intro = "Withdraw a nonconformity raised in error. It stays in the register and the audit trail, marked withdrawn with " +
		"your reason, and no longer counts in the verdict, the KPIs or a comparison of cycles. It cannot be undone."
}

// openSheet edits nc, or a new NC when nc is nil.
func (n *ncs) openSheet(nc *assessment.Nonconformity) {
	title := "New nonconformity (the register numbers it when it is saved)"
	n.editing, n.base, n.reason = 0, nc, false
	if nc == nil {
		nc = &assessment.Nonconformity{Source: "gap", Grade: assessment.MinorNC}
	} else {
		n.editing = nc.Number
		title = fmt.Sprintf("%s — %s (status changes with the keys of the register)", nc.Label(), nc.Status.Label())
	}
	grades, gradeNames := make([]string, len(assessment.Grades)), make([]string, len(assessment.Grades))
	for i, g := range assessment.Grades {
		grades[i], gradeNames[i] = string(g), g.Label()
	}
	cat := n.h.Catalogue()
	n.sheet = kit.NewSheet(title, min(n.width, 110)).
		LineField("item", "Requirement/control", nc.ItemID, "e.g. 9.2.2 or A.7.5").
		WithNote(func(id string) string {
			if id == "" {
				return "Which clause requirement or Annex A control is not met?"
			}
			if it, ok := cat.Item(id); ok {
				return it.Title
			}
			return "✗ not in the catalogue"
		}).
		ChoiceField("source", "Source", ncSources, ncSourceNames, nc.Source).
		ChoiceField("grade", "Grade", grades, gradeNames, string(nc.Grade)).
		LongField("description", "Description", nc.Description).
		LongField("cause", "Root cause", nc.RootCause).
		LongField("correction", "Correction", nc.Correction).
		LongField("action", "Corrective action", nc.CorrectiveAction).
		LineField("owner", "Owner", nc.Owner, "who carries out the action").
		LineField("due", "Due date", kit.DateInput(nc.Due), "YYYY-MM-DD").
		LineField("checkdate", "Check date", kit.DateInput(nc.CheckDate), "YYYY-MM-DD: effectiveness check").
		LineField("checkby", "Checked by", nc.CheckBy, "who verified the effectiveness").
		LongField("checkresult", "Check result", nc.CheckResult)
}

func (n *ncs) updateSheet(msg tea.Msg) tea.Cmd {
	switch n.sheet.Update(msg) {
	case kit.Cancelled:
		n.sheet = nil
		n.h.Say("Cancelled; the register is unchanged.")
	case kit.Saved:
		nc, err := n.applySheet()
		if err != nil {
			n.sheet.Err = err.Error()
			return nil
		}
		n.sheet = nil
		switch {
		case n.reason:
			n.show(nc)
			n.h.Say(nc.Label() + " withdrawn; it stays in the register, marked withdrawn, and no longer counts.")
		case n.base != nil:
			n.show(nc)
			n.h.Say(nc.Label() + " saved.")
		}
		return n.h.Apply(steps.PutNC{Base: n.base, Next: nc})
	}
	return nil
}

// applySheet is the NC with the sheet's values, refusing what the register cannot hold:
// an unknown requirement, no description, a malformed date or one before the NC was raised,
// a closed NC stripped of its action, a withdrawal without a reason. A new NC has number 0
// until the store numbers it.
func (n *ncs) applySheet() (assessment.Nonconformity, error) {
	s := n.sheet
	nc := assessment.NewNonconformity(0, nil, "", n.h.Now())
	if n.base != nil {
		nc = *n.base
	}
	if n.reason {
		err := nc.Withdraw(s.Get("reason"), n.h.Now())
		return nc, err
	}
	nc.ItemID = s.Get("item")
	if _, ok := n.h.Catalogue().Item(nc.ItemID); nc.ItemID != "" && !ok {
		return nc, fmt.Errorf("%q is not a requirement or control of the catalogue; use an ID such as 9.2.2 or A.7.5", kit.Vis(nc.ItemID))
	}
	nc.Source, nc.Grade = s.Get("source"), assessment.Grade(s.Get("grade"))
	nc.Description, nc.RootCause = s.Get("description"), s.Get("cause")
	nc.Correction, nc.CorrectiveAction = s.Get("correction"), s.Get("action")
	nc.Owner, nc.CheckBy, nc.CheckResult = s.Get("owner"), s.Get("checkby"), s.Get("checkresult")
	for _, d := range []struct {
		label string
		to    *time.Time
		text  string
	}{{"due date", &nc.Due, s.Get("due")}, {"check date", &nc.CheckDate, s.Get("checkdate")}} {
		*d.to = time.Time{}
		if d.text == "" {
			continue
		}
		t, err := assessment.ParseDate(d.text)
		if err != nil {
			return nc, fmt.Errorf("the %s %v", d.label, err)
		}
		*d.to = t
	}
	if err := nc.Check(); err != nil {
		return nc, err
	}
	return nc, nil
}

// ncText joins stored paragraphs for a one-line cell.
func ncText(s string) string { return kit.Vis(strings.Join(strings.Fields(s), " ")) }
