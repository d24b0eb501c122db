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
	b.WriteString(w.headerView() + "\n" + w.stepBar() + "\n\n")
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
	text := kit.FooterText(w.current().FullHelp())
	if !w.Typing() { // while a field has the keyboard these keys are letters
		text += " · tab step · ? help · esc home · q quit"
	}
	if key := strconv.Itoa(w.width) + "\x00" + text; key != w.frame.footerKey {
		w.frame.footerKey, w.frame.footer = key, w.c.Styles.Footer.Render(kit.Truncate(text, w.width))
	}
	return w.frame.footer
}

func (w *Model) headerView() string {
	key := fmt.Sprintf("%d\x00%s\x00%s\x00%d/%d\x00%s\x00%d\x00%t", w.width, w.a.Organisation.Name, w.a.Title,
		w.sum.Assessed, w.sum.Total, w.sum.Verdict, w.sum.Level, w.sum.Complete)
	if key != w.frame.headerKey {
		w.frame.headerKey, w.frame.header = key, w.drawHeader()
	}
	return w.frame.header
}

func (w *Model) drawHeader() string {
	st := w.c.Styles
	left := st.Header.Render(kit.Vis(w.a.Organisation.Name)) + st.HeaderDim.Render(" · "+kit.Vis(w.a.Title))
	right := fmt.Sprintf("%d/%d assessed · ", w.sum.Assessed, w.sum.Total) + theme.Level(w.sum.Level).Render(w.sum.Verdict)
	if w.sum.Complete {
		right = fmt.Sprintf("%d/%d assessed · ", w.sum.Assessed, w.sum.Total) + theme.Level(w.sum.Level).Render("Level "+strconv.Itoa(w.sum.Level)+" "+w.sum.Verdict)
	}
	room := w.width - kit.Width(right) - 1
	return kit.Pad(kit.Truncate(left, room), room) + " " + right
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

func (w *Model) drawStepBar() string {
	st := w.c.Styles
	var parts []string
	for i, s := range w.steps {
		done, total := w.stepProgress(i)
		label := fmt.Sprintf("%d %s %d/%d", i+1, s.Name(), done, total)
		if i == w.active {
			parts = append(parts, st.StepActive.Render(label))
		} else {
			parts = append(parts, st.StepIdle.Render(label))
		}
	}
	bar := strings.Join(parts, "")
	if kit.Width(bar) > w.width {
		// Narrow terminals: number and progress only, the active step keeps its name.
		parts = parts[:0]
		for i, s := range w.steps {
			done, total := w.stepProgress(i)
			label := fmt.Sprintf("%d %d/%d", i+1, done, total)
			if i == w.active {
				parts = append(parts, st.StepActive.Render(fmt.Sprintf("%d %s %d/%d", i+1, s.Name(), done, total)))
			} else {
				parts = append(parts, st.StepIdle.Render(label))
			}
		}
		bar = kit.Truncate(strings.Join(parts, ""), w.width)
	}
	return bar
}
