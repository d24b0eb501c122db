package workspace

import (
	"fmt"
	"strconv"
	"strings"

	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// stepProgress is a step's progress for the step bar. The active step is asked on every
// frame; the others only after the data changed, since messages reach the active step only
// and counting progress can mean walking the whole inventory. Like the verdict in the
// header, the step bar follows an edit once its save is confirmed.
func (w *Model) stepProgress(i int) (done, total int) {
	if len(w.progress) != len(w.steps) {
		w.progress = make([]stepProgress, len(w.steps))
	}
	p := &w.progress[i]
	if i == w.active || p.version != w.version {
		done, total := w.steps[i].Progress()
		*p = stepProgress{w.version, done, total}
	}
	return p.done, p.total
}

// View draws header, step bar, the step, and the footer.
func (w *Model) View() string {
	var b strings.Builder
	b.WriteString(w.headerView() + "\n" + w.stepBar() + "\n" + w.countLine() + "\n")
	status := w.statusView()
	body := w.current().View()
	lines := strings.Split(body, "\n")
	room := max(w.height-4-strings.Count(status, "\n")-1, 1) // a long error takes a line of the step
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	b.WriteString(strings.Join(lines, "\n") + "\n" + status + "\n" + w.footerView())
	return b.String()
}

// statusView is the line above the footer: what the last edit did, or why it was not
// saved (an error wrapped onto up to three lines, see kit.ErrorLines).
func (w *Model) statusView() string {
	st := w.c.Styles
	switch {
	case w.status.Err:
		return kit.ErrorLines(st.Error, w.status.Text, w.width)
	case w.status.Text != "":
		return st.Saved.Render(kit.Truncate(kit.Vis(w.status.Text), w.width))
	case w.pending > 0:
		return st.Subtle.Render("saving…")
	}
	return st.Saved.Render("✓ saved")
}

func (w *Model) footerView() string {
	groups := w.current().FullHelp()
	tail := ""
	if !w.Typing() { // while a field has the keyboard these keys are letters
		switch {
		case w.width < 100:
			tail = "? all keys"
		case w.width < 140:
			tail = "? help · q quit"
		default:
			tail = "tab step · ? help · esc home · q quit"
		}
	}
	if key := strconv.Itoa(w.width) + "\x00" + kit.FooterText(groups) + "\x00" + tail; key != w.frame.footerKey {
		w.frame.footerKey, w.frame.footer = key, w.c.Styles.Footer.Render(kit.Footer(groups, tail, w.width))
	}
	return w.frame.footer
}

func (w *Model) headerView() string {
	key := fmt.Sprintf("%d\x00%s\x00%s\x00%d/%d\x00%s\x00%d\x00%t\x00%t", w.width, w.a.Organisation.Name, w.a.Title,
		w.sum.Assessed, w.sum.Total, w.sum.Verdict, w.sum.Level, w.sum.Complete, w.a.Finalised())
	if key != w.frame.headerKey {
		w.frame.headerKey, w.frame.header = key, w.drawHeader()
	}
	return w.frame.header
}

func (w *Model) drawHeader() string {
	st := w.c.Styles
	left := st.Header.Render(kit.Vis(w.a.Organisation.Name)) + st.HeaderDim.Render(" · "+kit.Vis(w.a.Title))
	right := theme.Level(w.sum.Level).Render(w.sum.Verdict) // "Incomplete — n of m assessed"
	if w.sum.Complete {
		right = fmt.Sprintf("%d/%d assessed · ", w.sum.Assessed, w.sum.Total) + theme.Level(w.sum.Level).Render("Level "+strconv.Itoa(w.sum.Level)+" "+w.sum.Verdict)
	}
	if w.a.Finalised() { // in words, so it reads without colour: edits are refused until it is reopened
		right = st.Label.Reverse(true).Render(" FINALISED ") + " " + right
	}
	room := w.width - kit.Width(right) - 1
	return kit.Pad(kit.Truncate(left, room), room) + " " + right
}

// countLine is the count every screen shares (assessment.Summary.CountLine): what stands
// between the assessment and levels 3 and 4, shortened when the terminal is narrow.
func (w *Model) countLine() string {
	text := w.sum.CountLine()
	if key := strconv.Itoa(w.width) + "\x00" + text; key != w.frame.countKey {
		if kit.Width(text) > w.width {
			text = fmt.Sprintf("%d blockers · %d below level 3 · %d to level 4", len(w.sum.Blockers), len(w.sum.BelowLevel3), w.sum.Steps)
		}
		w.frame.countKey, w.frame.count = key, w.c.Styles.Subtle.Render(kit.Truncate(text, w.width))
	}
	return w.frame.count
}

func (w *Model) stepBar() string {
	key := fmt.Sprintf("%d\x00%d", w.width, w.active)
	for i, s := range w.steps {
		done, total := w.stepProgress(i)
		key += fmt.Sprintf("\x00%s %d/%d", s.Name(), done, total)
	}
	if key != w.frame.barKey {
		w.frame.barKey, w.frame.bar = key, w.drawStepBar()
	}
	return w.frame.bar
}

// keyOnly labels an idle step by its digit alone.
func keyOnly(i int, _ string, _, _ int) string { return StepKey(i) }

// stepLabels are the ways of labelling an idle step in the step bar, longest first; the
// active step always has the first.
var stepLabels = []func(i int, name string, done, total int) string{
	func(i int, name string, done, total int) string {
		return fmt.Sprintf("%s %s %d/%d", StepKey(i), name, done, total)
	},
	func(i int, _ string, done, total int) string { return fmt.Sprintf("%s %d/%d", StepKey(i), done, total) },
	func(i int, _ string, done, total int) string {
		return fmt.Sprintf("%s %s", StepKey(i), percent(done, total))
	},
	keyOnly,
}

// drawStepBar lists the steps with their progress, the active one highlighted. A narrow
// terminal gets shorter labels for the idle steps, down to the number alone, so every
// step's number stays on screen; the labels are chosen for the width, not for the step on
// screen, so the bar keeps its shape from step to step.
func (w *Model) drawStepBar() string {
	st := w.c.Styles
	bar := func(label func(int, string, int, int) string, active int) string {
		var parts []string
		for i, s := range w.steps {
			done, total := w.stepProgress(i)
			if i == active {
				parts = append(parts, st.StepActive.Render(stepLabels[0](i, s.Name(), done, total)))
			} else {
				parts = append(parts, st.StepIdle.Render(label(i, s.Name(), done, total)))
			}
		}
		return strings.Join(parts, "")
	}
	widest := 0 // the step whose own label is longest
	for i, s := range w.steps {
		if len(s.Name()) > len(w.steps[widest].Name()) {
			widest = i
		}
	}
	for _, label := range stepLabels {
		if kit.Width(bar(label, widest)) <= w.width {
			return bar(label, w.active)
		}
	}
	return kit.Truncate(bar(stepLabels[len(stepLabels)-1], w.active), w.width)
}

// percent is progress in a few cells: "✓" when done, else the share done.
func percent(done, total int) string {
	if done >= total {
		return "✓"
	}
	return strconv.Itoa(done*100/total) + "%"
}
