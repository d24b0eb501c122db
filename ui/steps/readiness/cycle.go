package readiness

import (
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
)

// certificationWarnings are the kinds of warning the rules give about the timing of the
// certification plan: work or an open nonconformity due after the audit it must precede, an
// audit or review of the cycle planned after Stage 1.
var certificationWarnings = map[string]bool{
	"phase_after_certification_audit":  true,
	"nc_due_after_certification_audit": true,
	"audit_after_stage1":               true,
	"review_after_stage1":              true,
}

// cycleLines are the management cycle as the field records show it (the internal audits'
// coverage of the items over the 12 months to today, the last management review's inputs),
// then the certification path and the warnings about its timing.
func (r *readiness) cycleLines(sum *assessment.Summary) []readinessLine {
	out := r.auditLines()
	out = append(out, r.reviewLines()...)
	return append(out, r.pathLines(sum)...)
}

// auditLines: which audits were held in the cycle, how much of the clauses and controls they
// covered, and the items none covered, listed compactly.
func (r *readiness) auditLines() []readinessLine {
	a, now := r.h.Assessment(), r.h.Now()
	cov := assessment.InternalAuditCoverage(r.h.Catalogue(), a, now)
	out := []readinessLine{{text: fmt.Sprintf("Internal audits over the cycle (%s to %s)", cov.From.Format(time.DateOnly), cov.To.Format(time.DateOnly)), header: true}}
	held := readinessLine{text: "Held in the cycle: " + strings.Join(cov.Held, ", "), mark: "✓"}
	if len(cov.Held) == 0 {
		held = readinessLine{text: "No internal audit was held in the cycle", mark: "✗"}
	}
	out = append(out, held)
	if last := lastAuditHeld(a, now); last != nil {
		out = append(out, readinessLine{text: fmt.Sprintf("Last held: %s on %s, %s", last.Label(), last.Held.Format(time.DateOnly), kit.Vis(last.Title)), mark: "·"})
	}
	out = append(out, coverageLine("Clauses", cov.Clauses), coverageLine("Controls", cov.Controls))
	missing := cov.Uncovered()
	if len(missing) == 0 {
		return out
	}
	ids := make([]string, len(missing))
	for i, m := range missing {
		ids[i] = m.Item.ID
	}
	return append(out, r.wrapped(fmt.Sprintf("Not audited in the cycle (%d): %s", len(ids), r.someIDs(ids)), "✗")...)
}

// coverageLine counts the items of one kind the audits of the cycle covered.
func coverageLine(kind string, c assessment.CoverageCount) readinessLine {
	l := readinessLine{text: fmt.Sprintf("%s audited: %d of %d", kind, c.Audited, c.Total), mark: "✓"}
	if c.Audited < c.Total {
		l.mark = "✗"
	}
	if c.Planned > 0 {
		l.text += fmt.Sprintf(" (%d more due in a planned audit)", c.Planned)
	}
	return l
}

// lastAuditHeld is the latest internal audit held by now, in the cycle or before it.
func lastAuditHeld(a *assessment.Assessment, now time.Time) *assessment.InternalAudit {
	var last *assessment.InternalAudit
	for i := range a.Audits {
		x := &a.Audits[i]
		if x.WasHeld() && !x.Held.After(now) && (last == nil || x.Held.After(last.Held)) {
			last = x
		}
	}
	return last
}

// someIDs lists as many IDs as fit on three lines of the screen and counts the rest.
func (r *readiness) someIDs(ids []string) string {
	room := 3*r.textWidth() - 60 // the line's own words and "and 99 more"
	for n := len(ids); n > 0; n-- {
		if len(strings.Join(ids[:n], ", ")) <= room {
			if n == len(ids) {
				return strings.Join(ids, ", ")
			}
			return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
		}
	}
	return fmt.Sprintf("%d items", len(ids))
}

// reviewLines: the last management review held by today and each input it considered or
// did not.
func (r *readiness) reviewLines() []readinessLine {
	rv := assessment.LastManagementReview(r.h.Catalogue(), r.h.Assessment(), r.h.Now())
	out := []readinessLine{{text: "Last management review", header: true}}
	if rv.Review == nil {
		return append(out, readinessLine{text: "No management review was held by " + r.h.Now().Format(time.DateOnly), mark: "✗"})
	}
	missing := len(rv.Missing())
	l := readinessLine{text: fmt.Sprintf("%s on %s considered %d of %d inputs", rv.Review.Label(), rv.Review.Date.Format(time.DateOnly),
		len(rv.Inputs)-missing, len(rv.Inputs)), mark: "✓"}
	if missing > 0 {
		l.mark, l.text = "✗", l.text+fmt.Sprintf("; %d not considered", missing)
	}
	out = append(out, l)
	for _, in := range rv.Inputs {
		if in.Considered {
			out = append(out, readinessLine{text: "considered: " + in.Input.Title, mark: "✓", indent: true})
		} else {
			out = append(out, readinessLine{text: "not considered: " + in.Input.Title, mark: "✗", indent: true})
		}
	}
	return out
}

// pathLines: the certification audits with their dates, and the rules' warnings about the
// plan's timing.
func (r *readiness) pathLines(sum *assessment.Summary) []readinessLine {
	plan := r.h.Assessment().Certification
	title := "Certification path"
	if body := strings.TrimSpace(plan.Body); body != "" {
		title += " with " + kit.Vis(body)
	}
	out := []readinessLine{{text: title, header: true}}
	for _, m := range assessment.CertificationPath(plan) {
		when := "not planned"
		if !m.Date.IsZero() {
			when = m.Date.Format(time.DateOnly)
		}
		out = append(out, readinessLine{text: m.Title + ": " + when, mark: "·"})
	}
	for _, w := range sum.Warnings {
		if certificationWarnings[w.Kind] {
			out = append(out, r.wrapped(kit.Vis(w.Detail), "!")...)
		}
	}
	return out
}

// textWidth is the room for a line's text after its mark.
func (r *readiness) textWidth() int { return max(r.width-4, 30) }

// wrapped is a long text as several lines, the mark on the first, so nothing is cut off.
func (r *readiness) wrapped(text, mark string) []readinessLine {
	var out []readinessLine
	for i, part := range strings.Split(kit.Wrap(text, r.textWidth()), "\n") {
		if i > 0 {
			mark = " "
		}
		out = append(out, readinessLine{text: part, mark: mark})
	}
	return out
}
