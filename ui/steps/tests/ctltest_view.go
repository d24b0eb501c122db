package tests

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// listWidth is the width of the controls list; while samples are marked it narrows, so the
// samples and their counts have the room.
func (c *ctlTests) listWidth() int {
	if c.inSamples {
		return min(max(c.width/4, 26), 46)
	}
	return min(max(c.width/3, 34), 46)
}

// View draws the controls on the left and the selected test on the right; a form takes the
// right pane and a confirmation the whole step.
func (c *ctlTests) View() string {
	st := c.h.Styles()
	if c.ask != nil {
		return lipgloss.Place(c.width, c.height, lipgloss.Center, lipgloss.Center, c.ask.View(st))
	}
	listW := c.listWidth()
	right := c.detailView(c.width - listW - 3)
	if c.editing != nil {
		right = c.editing.View(c.h.Styles())
	}
	return kit.JoinColumns(c.listView(listW), right, listW, c.height, st)
}

// testBadge is the state of a control's test in a few cells, with a glyph so colour is not
// needed; the style says how to colour it.
func (c *ctlTests) testBadge(t *assessment.ControlTest) (string, lipgloss.Style) {
	st := c.h.Styles()
	sampling := c.h.Catalogue().Sampling
	if t == nil {
		return "· no test", st.Subtle
	}
	mark := ""
	if t.ConclusionOverride == assessment.Effective || t.ConclusionOverride == assessment.Ineffective {
		mark = "*"
	}
	switch t.Conclusion(sampling) {
	case assessment.Effective:
		return "✓ effective" + mark, st.Good
	case assessment.Ineffective:
		return "✗ ineffective" + mark, st.Bad
	}
	if len(t.Samples) == 0 {
		return "○ not drawn", st.Subtle
	}
	pass, _, _ := sampleCounts(*t)
	return fmt.Sprintf("◐ %d/%d passed", pass, t.Size(sampling)), st.Mid
}

func (c *ctlTests) listView(width int) string {
	st := c.h.Styles()
	controls := c.controls()
	done, total := c.Progress()
	head := fmt.Sprintf("Included controls · %d/%d concluded", done, total)
	for _, t := range c.h.Assessment().Tests {
		if t.ConclusionOverride == assessment.Effective || t.ConclusionOverride == assessment.Ineffective {
			head += " · * override"
			break
		}
	}
	lines := []string{st.Subtle.Render(kit.Truncate(head, width))}
	if len(controls) == 0 {
		lines = append(lines, st.Subtle.Render(kit.Wrap("No Annex A control is included in the SoA, so there is nothing to test.", width)))
		return strings.Join(lines, "\n")
	}
	rows := max(c.height-1, 1)
	first := kit.ScrollStart(c.cursor, rows, len(controls))
	for i := first; i < len(controls) && i < first+rows; i++ {
		item := controls[i]
		badge, style := c.testBadge(c.h.Assessment().TestOf(item.ID))
		id := fmt.Sprintf(" %-8s ", item.ID)
		title := kit.Truncate(item.Title, width-lipgloss.Width(id)-15)
		if i == c.cursor {
			marker := "▸"
			if c.inSamples {
				marker = "▹"
			}
			lines = append(lines, st.Selected.Render(kit.Pad(kit.Truncate(marker+id[1:]+kit.Pad(badge, 14)+" "+title, width), width)))
			continue
		}
		lines = append(lines, id+style.Render(kit.Pad(badge, 14))+" "+title)
	}
	return strings.Join(lines, "\n")
}

// detailView shows the selected control's test: conclusion, design, sample size and why, the
// seed, and the samples with their results.
func (c *ctlTests) detailView(width int) string {
	st := c.h.Styles()
	item, t, ok := c.selected()
	if !ok {
		return ""
	}
	head := []string{st.Title.Render(kit.Truncate(item.ID+"  "+item.Title, width))}
	if t == nil {
		head = append(head, "", kit.Wrap("No operating-effectiveness test is recorded for this control. Press enter to describe the test "+
			"(procedure, methods, frequency, period, population), then r to draw a random sample.", width))
		if linked := assessment.LinkedRisks(c.h.Assessment(), item.ID); len(linked) > 0 {
			head = append(head, "", kit.Wrap("Risks treated by this control: "+riskList(linked), width))
		}
		return strings.Join(head, "\n")
	}
	head = append(head, c.conclusionLines(*t, width)...)
	design := c.designLines(*t, width)
	if c.inSamples && c.height-len(head)-len(design) < min(len(t.Samples), 6)+7 {
		design = design[len(design)-2:] // marking samples: the sample size and risk suffice
	}
	head = append(head, design...)
	samples := c.samplesView(*t, width, max(c.height-len(head)-1, 3))
	return strings.Join(head, "\n") + "\n" + samples
}

// conclusionLines state the conclusion, the rule's reason, and any override.
func (c *ctlTests) conclusionLines(t assessment.ControlTest, width int) []string {
	st := c.h.Styles()
	sampling := c.h.Catalogue().Sampling
	badge, style := c.testBadge(&t)
	if t.Conclusion(sampling) == assessment.NotConcluded {
		badge, style = "◐ not concluded", st.Mid
	}
	badge = strings.TrimSuffix(badge, "*")
	rule := conclusionWord(t.RuleConclusion(sampling))
	var lines []string
	if t.ConclusionOverride == assessment.Effective || t.ConclusionOverride == assessment.Ineffective {
		lines = append(lines, kit.Wrap(style.Bold(true).Render(badge)+" by the assessor's override — the rule says "+rule+": "+ruleReason(t, sampling), width))
		lines = append(lines, st.Subtle.Render(kit.Wrap("Justification: "+kit.VisText(t.OverrideJustification), width)))
	} else {
		lines = append(lines, kit.Wrap(style.Bold(true).Render(badge)+" — "+ruleReason(t, sampling), width))
	}
	if t.Conclusion(sampling) == assessment.Ineffective {
		lines = append(lines, st.Warning.Render(kit.Truncate("! Press N to raise a nonconformity linked to "+t.ControlID+".", width)))
	}
	return lines
}

// designLines describe how the control is tested and where the sample size comes from.
func (c *ctlTests) designLines(t assessment.ControlTest, width int) []string {
	st := c.h.Styles()
	sampling := c.h.Catalogue().Sampling
	methods := make([]string, len(t.Methods))
	for i, m := range t.Methods {
		methods[i] = strings.Replace(kit.Vis(m), "reperformance", "re-performance", 1)
	}
	proc := strings.Split(kit.Wrap("Procedure: "+kit.OrDash(kit.VisText(t.Procedure)), width), "\n")
	if len(proc) > 3 {
		proc = append(proc[:2], kit.Truncate(strings.TrimRight(proc[2], " ")+" …", width))
	}
	lines := append([]string{""}, proc...)
	lines = append(lines,
		kit.Truncate(fmt.Sprintf("Methods %s · %s · %s", kit.OrDash(strings.Join(methods, ", ")), kit.OrDash(kit.Vis(t.Nature)), frequencyTitle(sampling, t.Frequency)), width),
		kit.Truncate(fmt.Sprintf("Period %s – %s · population %s", kit.DateText(t.PeriodStart), kit.DateText(t.PeriodEnd), countText(t.Population)), width))
	high := kit.VisibleNames(assessment.HighImpactInScope(c.h.Assessment()))
	risk := "Risk normal — no in-scope AI system is high impact"
	switch {
	case t.Elevated && len(high) > 0:
		risk = "Risk elevated — in-scope high-impact systems: " + strings.Join(high, ", ")
	case t.Elevated:
		risk = "Risk elevated — the assessor's choice; no in-scope system is high impact"
	case len(high) > 0:
		risk = "Risk normal — the assessor's choice, although high-impact systems are in scope: " + strings.Join(high, ", ")
	}
	size := fmt.Sprintf("Sample %d — suggested %d by the table (%s, %s risk)", t.Size(sampling), t.SuggestedSize(sampling), frequencyTitle(sampling, t.Frequency), map[bool]string{true: "elevated", false: "normal"}[t.Elevated])
	if t.SuggestedSize(sampling) == 0 {
		size = "Sample size unknown — choose the frequency (and the population when event-driven): press enter"
	}
	if t.SizeOverride > 0 {
		size = fmt.Sprintf("Sample %d by override (table: %d) — %s", t.SizeOverride, t.SuggestedSize(sampling), kit.Vis(t.OverrideReason))
	}
	if linked := assessment.LinkedRisks(c.h.Assessment(), t.ControlID); len(linked) > 0 {
		lines = append(lines, st.Subtle.Render(kit.Truncate("Treats "+riskList(linked), width)))
	}
	return append(lines, kit.Truncate(risk, width), kit.Truncate(size, width))
}

// samplesView lists the samples with their results, keeping the sample cursor in view.
func (c *ctlTests) samplesView(t assessment.ControlTest, width, rows int) string {
	st := c.h.Styles()
	if len(t.Samples) == 0 {
		return "\n" + st.Subtle.Render(kit.Wrap("No sample drawn. Press r to draw a random sample with a recorded seed.", width))
	}
	pass, exc, untested := sampleCounts(t)
	head := fmt.Sprintf("%s: %d pass · %s · %d to test · seed %d", kit.Plural(len(t.Samples), "sample"), pass, kit.Plural(exc, "exception"), untested, t.Seed)
	if !c.inSamples {
		head += " · → to mark"
	}
	lines := []string{"", st.Label.Render(kit.Truncate(head, width))}
	rows -= 2
	var foot []string
	if c.inSamples {
		s := t.Samples[c.sample]
		note := strings.Split(kit.Wrap(st.Label.Render("Note: ")+kit.OrDash(kit.Vis(s.Note)), width), "\n")
		if len(note) > 2 {
			note = append(note[:1], kit.Truncate(strings.TrimRight(note[1], " ")+" …", width))
		}
		foot = append(note, kit.Truncate(st.Label.Render("Evidence: ")+kit.OrDash(kit.Vis(s.Evidence)), width))
		rows = max(rows-len(foot)-1, 1)
	}
	refW := 0
	for _, s := range t.Samples {
		refW = max(refW, lipgloss.Width(kit.Vis(s.Ref)))
	}
	refW = min(refW, max(width/3, 10))
	first := kit.ScrollStart(c.sample, rows, len(t.Samples))
	for i := first; i < len(t.Samples) && i < first+rows; i++ {
		s := t.Samples[i]
		badge, style := sampleBadge(st, s.Result)
		num := fmt.Sprintf(" %2d ", i+1)
		note := kit.Vis(s.Note)
		if note == "" && s.Evidence != "" {
			note = "evidence: " + kit.Vis(s.Evidence)
		}
		text := kit.Pad(kit.Truncate(kit.Vis(s.Ref), refW), refW) + " "
		if c.inSamples && i == c.sample {
			lines = append(lines, st.Selected.Render(kit.Pad(kit.Truncate("▸"+num[1:]+text+badge+" "+note, width), width)))
			continue
		}
		lines = append(lines, kit.Truncate(num+text+style.Render(badge)+" "+note, width))
	}
	if len(foot) > 0 {
		lines = append(append(lines, ""), foot...)
	}
	return strings.Join(lines, "\n")
}

// sampleBadge is a sample's result with a glyph, padded to one width.
func sampleBadge(st theme.Styles, r assessment.SampleResult) (string, lipgloss.Style) {
	switch r {
	case assessment.Pass:
		return "✓ pass      ", st.Good
	case assessment.Exception:
		return "✗ exception ", st.Bad
	}
	return "· not tested", st.Subtle
}

func frequencyTitle(s checklists.Sampling, id string) string {
	if id == assessment.EventDriven {
		return "event-driven"
	}
	for _, f := range s.Frequencies {
		if f.ID == id {
			return strings.ToLower(f.Title[:1]) + f.Title[1:]
		}
	}
	if id == "" {
		return "frequency not set"
	}
	return kit.Vis(id)
}

func countText(n int) string {
	if n <= 0 {
		return "unknown"
	}
	return fmt.Sprint(n)
}

func riskList(list []assessment.Risk) string {
	var out []string
	for _, r := range list {
		out = append(out, kit.RiskLabel(r)+" ("+r.Status+")")
	}
	return strings.Join(out, ", ")
}
