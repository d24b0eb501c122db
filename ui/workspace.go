package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// workspace is one open assessment: a header, the step bar, the active step and a footer.
// It owns the in-memory assessment and its summary; steps edit through it so every change
// is saved in order and the verdict follows.
type workspace struct {
	c       *Common
	a       *assessment.Assessment
	sum     assessment.Summary
	steps   []step
	active  int
	width   int
	height  int
	status  kit.Status
	pending int       // saves queued and not yet confirmed
	retry   *saveTask // the last failed save, kept for ctrl+s
	frame   frameCache
	// version counts changes to the data the steps show: each save reply and each
	// re-evaluation. progress holds each step's progress as of a version.
	version  int
	progress []stepProgress
}

// stepProgress is one step's progress as of a data version.
type stepProgress struct{ version, done, total int }

// frameCache keeps the header, step bar and footer as last drawn, each with the text it was
// drawn from: measuring and cutting them again on every keypress is most of a frame's cost.
type frameCache struct {
	headerKey, header string
	barKey, bar       string
	footerKey, footer string
}

// saveTask is one queued write and how to describe it.
type saveTask struct {
	what  string
	write func(*store.Store) error
}

// savedMsg reports the outcome of one queued write.
type savedMsg struct {
	task saveTask
	err  error
}

var (
	keyNextStep = kit.NewBinding("tab", "tab", "next step")
	keyPrevStep = kit.NewBinding("shift+tab", "shift+tab", "previous step")
	keyRetry    = kit.NewBinding("ctrl+s", "ctrl+s", "retry failed save")
	keyHome     = kit.NewBinding("esc", "esc", "home")
)

func newWorkspace(c *Common, a *assessment.Assessment) *workspace {
	w := &workspace{c: c, a: a}
	w.refresh()
	w.steps = []step{
		newScoping(w), newGaps(w), newSoA(w), newRisks(w), newTesting(w),
		newMaturity(w), newNCs(w), newReadiness(w), newReportStep(w),
	}
	w.active = 1 // gap analysis: where an assessor spends the day
	return w
}

// refresh re-evaluates every rule after a change.
func (w *workspace) refresh() {
	w.sum = assessment.Evaluate(w.c.Cat, w.a, w.c.Now())
	w.version++
}

// stepProgress is a step's progress for the step bar. The active step is asked on every
// frame; the others only after the data changed, since messages reach the active step only
// and counting progress can mean walking the whole inventory. Like the verdict in the
// header, the step bar follows an edit once its save is confirmed.
func (w *workspace) stepProgress(i int) (done, total int) {
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

func (w *workspace) current() step { return w.steps[w.active] }

func (w *workspace) Typing() bool { return w.current().Typing() }

func (w *workspace) FullHelp() [][]key.Binding {
	return append(w.current().FullHelp(), []key.Binding{keyNextStep, keyPrevStep, keyHome, keyRetry})
}

// SetSize gives the step the room left by header (2 lines) and footer (2 lines).
func (w *workspace) SetSize(width, height int) {
	w.width, w.height = width, height
	for _, s := range w.steps {
		s.SetSize(width, max(height-5, 1))
	}
}

// save queues a write through the ordered writer. In a read-only session nothing is written:
// the edit is refused and the assessment reloaded, so the screen shows what is stored.
func (w *workspace) save(what string, write func(*store.Store) error) tea.Cmd {
	if w.c.ReadOnly != "" {
		w.status = kit.Status{Text: "Not saved: this session is read-only. " + w.c.ReadOnly, Err: true}
		return w.reload()
	}
	task := saveTask{what: what, write: write}
	w.pending++
	s := w.c.Store
	return w.c.saver.save(func() error { return task.write(s) }, func(err error) tea.Msg { return savedMsg{task: task, err: err} })
}

// reloadedMsg carries the assessment as stored, replacing the one on screen.
type reloadedMsg struct {
	a   *assessment.Assessment
	err error
}

// reload reads the assessment again off the UI goroutine.
func (w *workspace) reload() tea.Cmd {
	s, id := w.c.Store, w.a.ID
	return func() tea.Msg {
		a, err := s.Load(id)
		return reloadedMsg{a: a, err: err}
	}
}

// refuse shows why an edit was not accepted.
func (w *workspace) refuse(err error) tea.Cmd {
	w.status = kit.Status{Text: err.Error(), Err: true}
	return nil
}

// judge applies a judgement to the in-memory result through the rules (so a refusal shows
// at once) and queues the same judgement for the store.
func (w *workspace) judge(item checklists.Item, j assessment.Judgement) tea.Cmd {
	next, err := j.Apply(item, w.a.Result(item))
	if err != nil {
		return w.refuse(err)
	}
	if w.a.Results == nil {
		w.a.Results = map[string]*assessment.Result{}
	}
	w.a.Results[item.ID] = next
	aid := w.a.ID
	return w.save(item.ID, func(s *store.Store) error {
		_, err := s.SaveJudgement(aid, item, j)
		return err
	})
}

// Update handles step switching and save replies, and passes the rest to the active step.
func (w *workspace) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reloadedMsg:
		if msg.err == nil {
			w.a = msg.a
			w.refresh()
		}
		return nil
	case savedMsg:
		w.pending--
		w.version++
		if msg.err != nil {
			w.retry = &msg.task
			w.status = kit.Status{Text: fmt.Sprintf("Not saved (%s): %v. Your edit is still on screen; press ctrl+s to retry.", msg.task.what, msg.err), Err: true}
			return nil
		}
		if w.retry != nil && w.retry.what == msg.task.what {
			w.retry = nil
		}
		w.refresh()
		if w.status.Err && w.retry == nil {
			w.status = kit.Status{}
		}
		return nil
	case tea.KeyPressMsg:
		if cmd, handled := w.globalKey(msg); handled {
			return cmd
		}
		if !w.status.Err {
			w.status = kit.Status{}
		}
	}
	return w.current().Update(msg)
}

// globalKey handles the keys that work on every step unless a field has the keyboard.
func (w *workspace) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if key.Matches(msg, keyRetry) && w.retry != nil {
		t := *w.retry
		w.retry, w.status = nil, kit.Status{Text: "Retrying…"}
		return w.save(t.what, t.write), true
	}
	if w.Typing() {
		return nil, false
	}
	s := msg.String()
	switch {
	case key.Matches(msg, keyNextStep):
		w.active = (w.active + 1) % len(w.steps)
	case key.Matches(msg, keyPrevStep):
		w.active = (w.active + len(w.steps) - 1) % len(w.steps)
	case key.Matches(msg, keyHome):
		if b, ok := w.current().(backer); ok && b.Back() {
			return nil, true
		}
		return func() tea.Msg { return closeMsg{} }, true
	case strings.HasPrefix(s, "alt+") && len(s) == 5 && s[4] >= '1' && s[4] <= '9':
		w.active = int(s[4] - '1')
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9' && !(s[0] <= '5' && usesDigits(w.current())):
		w.active = int(s[0] - '1')
	default:
		return nil, false
	}
	w.status = kit.Status{}
	return nil, true
}

// backer is a step with an inner level (e.g. the samples of a control test) that esc leaves
// before it leaves the assessment. Back reports whether it went back.
type backer interface{ Back() bool }

// digitUser is a step that uses the digit keys 1–5 itself (maturity); 6–9 still switch steps.
type digitUser interface{ UsesDigits() bool }

func usesDigits(s step) bool {
	d, ok := s.(digitUser)
	return ok && d.UsesDigits()
}

// View draws header, step bar, the step, and the footer.
func (w *workspace) View() string {
	st := w.c.Styles
	var b strings.Builder
	b.WriteString(w.headerView() + "\n" + w.stepBar() + "\n\n")
	body := w.current().View()
	lines := strings.Split(body, "\n")
	room := max(w.height-5, 1)
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	b.WriteString(strings.Join(lines, "\n") + "\n")
	switch {
	case w.status.Err:
		b.WriteString(st.Error.Render(kit.Truncate("✗ "+kit.Vis(w.status.Text), w.width)))
	case w.status.Text != "":
		b.WriteString(st.Saved.Render(kit.Truncate(kit.Vis(w.status.Text), w.width)))
	case w.pending > 0:
		b.WriteString(st.Subtle.Render("saving…"))
	default:
		b.WriteString(st.Saved.Render("✓ saved"))
	}
	b.WriteString("\n" + w.footerView())
	return b.String()
}

func (w *workspace) footerView() string {
	text := kit.FooterText(w.current().FullHelp()) + " · tab step · ? help · esc home · q quit"
	if key := strconv.Itoa(w.width) + "\x00" + text; key != w.frame.footerKey {
		w.frame.footerKey, w.frame.footer = key, w.c.Styles.Footer.Render(kit.Truncate(text, w.width))
	}
	return w.frame.footer
}

func (w *workspace) headerView() string {
	key := fmt.Sprintf("%d\x00%s\x00%s\x00%d/%d\x00%s\x00%d\x00%t", w.width, w.a.Organisation.Name, w.a.Title,
		w.sum.Assessed, w.sum.Total, w.sum.Verdict, w.sum.Level, w.sum.Complete)
	if key != w.frame.headerKey {
		w.frame.headerKey, w.frame.header = key, w.drawHeader()
	}
	return w.frame.header
}

func (w *workspace) drawHeader() string {
	st := w.c.Styles
	left := st.Header.Render(kit.Vis(w.a.Organisation.Name)) + st.HeaderDim.Render(" · "+kit.Vis(w.a.Title))
	right := fmt.Sprintf("%d/%d assessed · ", w.sum.Assessed, w.sum.Total) + theme.Level(w.sum.Level).Render(w.sum.Verdict)
	if w.sum.Complete {
		right = fmt.Sprintf("%d/%d assessed · ", w.sum.Assessed, w.sum.Total) + theme.Level(w.sum.Level).Render("Level "+strconv.Itoa(w.sum.Level)+" "+w.sum.Verdict)
	}
	room := w.width - kit.Width(right) - 1
	return kit.Pad(kit.Truncate(left, room), room) + " " + right
}

func (w *workspace) stepBar() string {
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

func (w *workspace) drawStepBar() string {
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
