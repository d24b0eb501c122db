package readiness

import (
	"fmt"
	"strconv"
	"strings"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// readinessLine is one selectable line of the readiness screen.
type readinessLine struct {
	text   string
	jump   *steps.JumpTo // where enter goes: the item, system or NC behind the line
	kpi    string        // manual KPI to edit on enter
	group  string        // a group of blockers enter opens or closes
	header bool
	indent bool   // a blocker inside an open group
	mark   string // ✓, ✗, ! or ▸/▾ shown before the text
}

// belowGroup names the group of items rated below level 3 among the blocker groups.
const belowGroup = "below_level_3"

// lines builds the selectable list from the summary: the ladder to levels 3, 4 and 5, the
// blockers grouped by kind (each group opens on enter), the items rated below level 3, the
// readiness checklist, the common gaps and the KPIs.
func (r *readiness) lines() []readinessLine {
	sum := r.h.Summary()
	out := []readinessLine{{text: "What stands between this assessment and each level", header: true}}
	for _, rung := range sum.Ladder() {
		l := readinessLine{text: fmt.Sprintf("Level %d %s: ", rung.Level, assessment.LevelName(r.h.Catalogue(), rung.Level)), mark: "✓"}
		if rung.Reached() {
			l.text += "nothing stands in the way"
		} else {
			l.mark = "✗"
			l.text += fmt.Sprintf("%s, %s below %d", kit.Plural(len(rung.Blockers), "blocker"), kit.Plural(len(rung.Below), "item"), rung.Level)
		}
		out = append(out, l)
	}
	out = append(out, readinessLine{text: fmt.Sprintf("What holds the level down: %s by kind, %s below level 3 (enter opens a group)",
		kit.Plural(len(sum.Blockers), "blocker"), kit.Plural(len(sum.BelowLevel3), "item")), header: true})
	if len(sum.Blockers)+len(sum.BelowLevel3) == 0 {
		out = append(out, readinessLine{text: "Nothing: no blocker and no item below level 3.", mark: "✓"})
	}
	out = append(out, r.blockerLines(sum)...)
	out = append(out, r.cycleLines(sum)...)
	return append(out, r.outcomeLines(sum)...)
}

// blockerLines are the blockers grouped by kind in the rule table's order, then the items
// rated below level 3; an open group lists each with where it is fixed.
func (r *readiness) blockerLines(sum *assessment.Summary) []readinessLine {
	var out []readinessLine
	group := func(key, title string, members []readinessLine) {
		if len(members) == 0 {
			return
		}
		mark := "▸"
		if r.open[key] {
			mark = "▾"
		}
		out = append(out, readinessLine{text: fmt.Sprintf("%s · %d", title, len(members)), group: key, mark: mark})
		if r.open[key] {
			out = append(out, members...)
		}
	}
	for _, rule := range assessment.VerdictRules() {
		var members []readinessLine
		for _, b := range sum.Blockers {
			if b.Kind == rule.Kind {
				members = append(members, readinessLine{text: kit.Vis(b.Detail), jump: r.blockerJump(b), mark: "✗", indent: true})
			}
		}
		group(rule.Kind, fmt.Sprintf("%s (caps the level at %d)", kindWords(rule.Kind), rule.Cap), members)
	}
	var below []readinessLine
	for _, it := range sum.BelowLevel3 {
		below = append(below, readinessLine{text: fmt.Sprintf("%s %s is rated %d", it.Item, it.Title, it.Maturity),
			jump: &steps.JumpTo{Step: steps.GapAnalysis, Item: it.Item}, mark: "!", indent: true})
	}
	group(belowGroup, "Rated below level 3", below)
	return out
}

// kindWords is a blocker kind as words: "partial_without_action" → "Partial without action".
func kindWords(kind string) string {
	w := kindTerms.Replace(" " + strings.ReplaceAll(kind, "_", " ") + " ")
	w = strings.TrimSpace(w)
	return strings.ToUpper(w[:1]) + w[1:]
}

// kindTerms spell the abbreviations of blocker kinds as a reader writes them.
var kindTerms = strings.NewReplacer(" nc ", " nonconformity ", " kpis ", " KPIs ", " ai ", " AI ")

// outcomeLines are the readiness checklist, the common gaps and the KPIs.
func (r *readiness) outcomeLines(sum *assessment.Summary) []readinessLine {
	holds, total := r.Progress()
	out := []readinessLine{{text: fmt.Sprintf("Readiness checklist (%d of %d hold)", holds, total), header: true}}
	for _, c := range sum.Checklist {
		l := readinessLine{text: c.Title, mark: "✓"}
		if !c.Holds {
			l.mark, l.text = "✗", c.Title+" — "+kit.Vis(strings.Join(c.Why, "; "))
		}
		out = append(out, l)
	}
	out = append(out, readinessLine{text: fmt.Sprintf("Common gaps detected (%d of %d)", len(sum.CommonGaps), len(r.h.Catalogue().CommonGaps)), header: true})
	if len(sum.CommonGaps) == 0 {
		out = append(out, readinessLine{text: "None of the common gaps is present.", mark: "✓"})
	}
	for _, g := range sum.CommonGaps {
		l := readinessLine{text: g.Title + " — " + kit.Vis(g.Detail), mark: "!"}
		if len(g.Items) > 0 {
			l.jump = &steps.JumpTo{Step: steps.GapAnalysis, Item: g.Items[0]}
		}
		out = append(out, l)
	}
	out = append(out, readinessLine{text: "KPIs", header: true})
	for _, k := range sum.KPIs {
		l := readinessLine{text: fmt.Sprintf("%s: %s", k.Title, kit.Vis(k.Value)), mark: "·"}
		if k.Source == "manual" {
			l.kpi = k.ID
			l.text += " (entered by the assessor"
			if k.Target != "" {
				l.text += ", target " + kit.Vis(k.Target)
			}
			l.text += "; enter to edit)"
		}
		out = append(out, l)
	}
	return out
}

// blockerJump is where a blocker is fixed: the register for a nonconformity, the AI system
// on the risk and impact step or in the inventory, the SoA for an exclusion, the control
// testing step for a test, and the gap analysis for an item.
func (r *readiness) blockerJump(b assessment.Blocker) *steps.JumpTo {
	a := r.h.Assessment()
	if n, ok := strings.CutPrefix(b.Ref, "NC-"); ok {
		if number, err := strconv.Atoi(n); err == nil {
			return &steps.JumpTo{Step: steps.Nonconformities, NC: number}
		}
	}
	system := func(step steps.ID) *steps.JumpTo {
		first, _, _ := strings.Cut(b.System, ", ")
		for _, sys := range a.Systems {
			if sys.Name == first {
				return &steps.JumpTo{Step: step, System: sys.ID}
			}
		}
		return &steps.JumpTo{Step: step}
	}
	switch b.Kind {
	case "missing_impact_assessment", "stale_impact_assessment":
		return system(steps.Risks)
	case "no_ai_system_in_scope", "high_impact_out_of_scope":
		return system(steps.Scoping)
	case "open_major_nc", "overdue_nc":
		for _, nc := range a.NCs {
			if nc.ItemID == b.Item && nc.IsOpen() {
				return &steps.JumpTo{Step: steps.Nonconformities, NC: nc.Number}
			}
		}
	case "unjustified_exclusion", "required_control_excluded", "exclusion_contradicts_risk_treatment":
		return &steps.JumpTo{Step: steps.SoA, Item: b.Item}
	case "ineffective_control", "controls_not_tested":
		return &steps.JumpTo{Step: steps.ControlTesting, Item: b.Item}
	}
	if b.Item != "" {
		return &steps.JumpTo{Step: steps.GapAnalysis, Item: b.Item}
	}
	return nil
}
