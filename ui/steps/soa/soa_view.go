package soa

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

func (s *soa) listWidth() int   { return min(max(s.width/2, 38), 60) }
func (s *soa) detailWidth() int { return max(s.width-s.listWidth()-3, 20) }

// View draws the controls on the left and the selected one, or the sheet, on the right.
func (s *soa) View() string {
	right := s.detail.View(s.detailView(s.detailWidth()), s.height, s.h.Styles())
	if s.sheet != nil {
		right = s.sheet.View(s.h.Styles())
	}
	return kit.JoinColumns(s.listView(s.listWidth()), right, s.listWidth(), s.height, s.h.Styles())
}

func (s *soa) listView(width int) string {
	st := s.h.Styles()
	included, excluded, unjustified := 0, 0, 0
	for _, c := range s.controls {
		r := s.h.Assessment().Result(c)
		switch {
		case r.Decision != assessment.Excluded:
			included++
		case strings.TrimSpace(r.Justification) == "":
			excluded++
			unjustified++
		default:
			excluded++
		}
	}
	required := 0
	for _, c := range s.controls {
		if len(s.required(c.ID)) > 0 {
			required++
		}
	}
	head := fmt.Sprintf("%d controls · %d included · %d excluded · R %d required", len(s.controls), included, excluded, required)
	if unjustified > 0 {
		head += fmt.Sprintf(" · %d without justification", unjustified)
	}
	var b strings.Builder
	b.WriteString(st.Subtle.Render(kit.Truncate(head, width)) + "\n")
	b.WriteString(st.Label.Render(kit.Truncate(soaHeader(width), width)) + "\n")
	room := max(s.height-2, 1)
	at := 0
	for i, r := range s.rows {
		if r.ID == s.controls[s.cursor].ID {
			at = i
		}
	}
	first := max(0, min(at-room/2, len(s.rows)-room))
	for i := first; i < len(s.rows) && i < first+room; i++ {
		b.WriteString(s.rowView(s.rows[i], i == at, width) + "\n")
	}
	return b.String()
}

// soaWide is the list width from which the risk and test columns are shown.
const soaWide = 56

func (s *soa) rowView(it checklists.Item, selected bool, width int) string {
	st := s.h.Styles()
	if !it.IsControl() {
		return st.Label.Render(kit.Truncate(it.ID+" "+it.Title, width))
	}
	r := s.h.Assessment().Result(it)
	decision, plainDecision := "incl", "incl"
	if r.Decision == assessment.Excluded {
		decision, plainDecision = st.Warning.Render("EXCL"), "EXCL"
	}
	warn, plainWarn := " ", " "
	if len(s.h.Summary().WarningsFor(it.ID)) > 0 {
		warn, plainWarn = st.Warning.Render("!"), "!"
	}
	req := " "
	if len(s.required(it.ID)) > 0 {
		req = "R"
		if r.Decision == assessment.Excluded {
			decision, plainDecision = st.Error.Render("EXCL"), "EXCL"
		}
	}
	id := fmt.Sprintf(" %-8s ", it.ID)
	cols, plainCols := "", ""
	if width >= soaWide {
		risks := fmt.Sprintf("%6s ", "–")
		if n := len(s.linkedRisks(it)); n > 0 {
			risks = fmt.Sprintf("%6d ", n)
		}
		mark, style := s.testMark(it)
		cols, plainCols = risks+style.Render(kit.Pad(mark, 7)), risks+kit.Pad(mark, 7)
	}
	rest := width - kit.Width(id) - 13 - kit.Width(plainCols)
	if selected {
		return st.Selected.Render(kit.Pad(kit.Truncate(id+plainDecision+req+" "+theme.PlainBadge(r.Status)+" "+plainWarn+plainCols+" "+it.Title, width), width))
	}
	return id + decision + req + " " + st.StatusBadge(r.Status) + " " + warn + cols + " " + kit.Truncate(it.Title, rest)
}

// soaHeader names the list's columns.
func soaHeader(width int) string {
	head := " " + kit.Pad("Control", 8) + " " + kit.Pad("SoA", 5) + " " + kit.Pad("Status", 6)
	if width >= soaWide {
		head += fmt.Sprintf("%6s ", "Risks") + kit.Pad("Test", 7)
	}
	return head + " Title"
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// linkedRisks are the risk register entries whose treatment relies on the control.
func (s *soa) linkedRisks(it checklists.Item) []assessment.Risk {
	var out []assessment.Risk
	for _, rk := range s.h.Assessment().Risks {
		if slices.Contains(rk.Controls, it.ID) {
			out = append(out, rk)
		}
	}
	return out
}

// testMark is the control test's conclusion in a word and glyph.
func (s *soa) testMark(it checklists.Item) (string, lipgloss.Style) {
	st := s.h.Styles()
	for i := range s.h.Assessment().Tests {
		if t := &s.h.Assessment().Tests[i]; t.ControlID == it.ID {
			switch t.Conclusion(s.h.Catalogue().Sampling) {
			case assessment.Effective:
				return "✓ eff.", st.Good
			case assessment.Ineffective:
				return "✗ ineff", st.Bad
			}
			return "… open", st.Subtle
		}
	}
	return "–", st.Subtle
}

// detailView shows the selected control's SoA entry and what it rests on.
func (s *soa) detailView(width int) string {
	st := s.h.Styles()
	it, ok := s.selected()
	if !ok {
		return st.Subtle.Render("The catalogue has no Annex A controls.")
	}
	r := s.h.Assessment().Result(it)
	var b strings.Builder
	b.WriteString(st.Title.Render(kit.Truncate(it.ID+"  "+it.Title, width)) + "\n")
	decision := "included"
	if r.Decision == assessment.Excluded {
		decision = st.Warning.Render("excluded")
	}
	b.WriteString(kit.Wrap(fmt.Sprintf("SoA %s · Status %s %s", decision, st.StatusBadge(r.Status), r.Status.Label()), width) + "\n")
	for _, req := range s.required(it.ID) {
		b.WriteString(kit.Wrap("R "+upperFirst(kit.Vis(req.String())), width) + "\n")
	}
	if len(s.required(it.ID)) > 0 && r.Decision == assessment.Excluded {
		b.WriteString(st.Error.Render(kit.Wrap("✗ Excluded although required: "+requiredCap()+". Include it (space) or change the situation.", width)) + "\n")
	}
	for _, w := range s.h.Summary().WarningsFor(it.ID) {
		b.WriteString(st.Warning.Render(kit.Wrap("! "+kit.Vis(w.Detail), width)) + "\n")
	}
	why := kit.VisText(r.Justification)
	if strings.TrimSpace(why) == "" {
		why = st.Subtle.Render("none recorded")
		if r.Decision == assessment.Excluded {
			why = st.Error.Render("✗ none — an exclusion needs a justification")
		}
	}
	b.WriteString("\n" + st.Label.Render("Justification") + st.Subtle.Render(" — enter to edit") + "\n" + kit.Wrap(why, width) + "\n")
	b.WriteString("\n" + st.Label.Render("Linked risks") + "\n" + s.risksView(it, width))
	b.WriteString("\n" + st.Label.Render("Control test") + "\n" + kit.Wrap(s.testView(it), width) + "\n")
	if it.Hint != "" {
		b.WriteString("\n" + st.Label.Render("Implementation hint") + "\n" + kit.Wrap(it.Hint, width) + "\n")
	}
	return b.String()
}

// risksView lists the risk register entries whose treatment relies on the control.
func (s *soa) risksView(it checklists.Item, width int) string {
	var b strings.Builder
	for _, rk := range s.linkedRisks(it) {
		b.WriteString(kit.Wrap(fmt.Sprintf("• %s (%s, %d×%d)", kit.Vis(rk.Title), kit.OrDash(kit.Vis(rk.Status)), rk.Likelihood, rk.Impact), width) + "\n")
	}
	if b.Len() == 0 {
		return s.h.Styles().Subtle.Render(kit.Wrap("No risk in the register names this control.", width)) + "\n"
	}
	return b.String()
}

// testView states the control test's conclusion and how far sampling has gone.
func (s *soa) testView(it checklists.Item) string {
	for i := range s.h.Assessment().Tests {
		t := &s.h.Assessment().Tests[i]
		if t.ControlID != it.ID {
			continue
		}
		tested := 0
		for _, smp := range t.Samples {
			if smp.Result == assessment.Pass || smp.Result == assessment.Exception {
				tested++
			}
		}
		text := fmt.Sprintf("%d of %d samples tested, %d exception(s)", tested, len(t.Samples), t.Exceptions())
		switch t.Conclusion(s.h.Catalogue().Sampling) {
		case assessment.Effective:
			return s.h.Styles().Good.Render("✓ effective") + " · " + text
		case assessment.Ineffective:
			return s.h.Styles().Bad.Render("✗ ineffective") + " · " + text
		}
		return "… not concluded · " + text
	}
	if s.h.Assessment().Result(it).Decision == assessment.Excluded {
		return "Not tested: excluded controls are not tested."
	}
	return "No test recorded yet (step 5 Control testing)."
}
