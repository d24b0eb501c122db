// Package workspace is one open assessment: the header, the step bar, the footer, the
// ordered writer's queue and the routing of messages to steps. It holds the assessment as
// an immutable snapshot: steps read it through their Host and change it only by intents,
// which the workspace applies (rules first, then the writer) by making a new snapshot, so
// no map or slice a step or a background goroutine reads is ever written.
package workspace

import (
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// Factory builds a step on its host; the root package lists the steps in workflow order.
type Factory func(steps.Host) steps.Step

// Model is one open assessment: a header, the step bar, the active step and a footer.
type Model struct {
	c       *kit.Session
	a       *assessment.Assessment // the snapshot on screen; replaced, never changed
	sum     assessment.Summary
	steps   []steps.Step
	active  int
	width   int
	height  int
	status  kit.Status
	pending int          // writes queued and not yet confirmed
	retry   *queuedWrite // the last failed write, kept for ctrl+s
	seen    int64        // the audit trail's last sequence number when the data was read
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
	countKey, count   string
}

// CloseMsg asks the root model to go back to the home screen.
type CloseMsg struct{}

// New opens the workspace on an assessment as just loaded; seen is the audit trail's last
// sequence number read with it. The first step shown is the first with work left.
func New(c *kit.Session, a *assessment.Assessment, seen int64, factories []Factory) *Model {
	w := &Model{c: c, a: a, seen: seen}
	w.refresh()
	for i, f := range factories {
		w.steps = append(w.steps, f(&host{w: w, id: steps.ID(i)}))
	}
	w.active = w.firstWithWorkLeft()
	return w
}

// firstWithWorkLeft is the first step, in workflow order, whose progress shows entries still
// to make: an empty scope opens on scoping, a scoped assessment on the gap analysis, and so
// on to maturity. The nonconformities' progress is the client's work and the readiness and
// report steps show outcomes, so an assessment with nothing left to enter opens on readiness.
func (w *Model) firstWithWorkLeft() int {
	for i := steps.Scoping; i <= steps.Maturity && int(i) < len(w.steps); i++ {
		if done, total := w.steps[i].Progress(); done < total {
			return int(i)
		}
	}
	return min(int(steps.Readiness), len(w.steps)-1)
}

// refresh re-evaluates every rule after a change.
func (w *Model) refresh() {
	w.sum = assessment.Evaluate(w.c.Cat, w.a, w.c.Now())
	w.version++
}

// Assessment is the snapshot on screen.
func (w *Model) Assessment() *assessment.Assessment { return w.a }

// Summary is the rules' evaluation of the snapshot on screen.
func (w *Model) Summary() assessment.Summary { return w.sum }

// Active is the step on screen.
func (w *Model) Active() steps.ID { return steps.ID(w.active) }

// Show puts a step on screen.
func (w *Model) Show(id steps.ID) { w.active = int(id) }

// Step is one of the steps, by ID.
func (w *Model) Step(id steps.ID) steps.Step { return w.steps[id] }

// Pending is the number of writes not yet confirmed.
func (w *Model) Pending() int { return w.pending }

func (w *Model) current() steps.Step { return w.steps[w.active] }

// has reports whether a step of that ID is open.
func (w *Model) has(id steps.ID) bool { return id >= 0 && int(id) < len(w.steps) }

// Typing reports whether a field of the step on screen has the keyboard.
func (w *Model) Typing() bool { return w.current().Typing() }

// Name is the name of the step on screen, for the help's title.
func (w *Model) Name() string { return w.current().Name() }

// SetSize gives the step the room left by header (2 lines) and footer (2 lines).
func (w *Model) SetSize(width, height int) {
	w.width, w.height = width, height
	for _, s := range w.steps {
		s.SetSize(width, max(height-5, 1))
	}
}

// say shows a line in the footer until the next key.
func (w *Model) say(text string) { w.status = kit.Status{Text: text} }

// refuse shows why something was not done.
func (w *Model) refuse(err error) tea.Cmd {
	w.status = kit.Status{Text: err.Error(), Err: true}
	return nil
}

// Update routes messages: replies to the step they are addressed to, whichever is on
// screen; moves between steps; the workspace's keys; the rest to the step on screen.
func (w *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case steps.Reply:
		if !w.has(msg.To) {
			return nil
		}
		return w.steps[msg.To].Update(msg.Msg)
	case steps.JumpTo:
		if !w.has(msg.Step) {
			return nil
		}
		w.active = int(msg.Step)
		w.status = kit.Status{}
		return w.steps[msg.Step].Update(msg)
	case savedMsg:
		return w.saved(msg)
	case reloadedMsg:
		return w.reloaded(msg)
	case changeCheckedMsg:
		if msg.err == nil && msg.seq != w.seen {
			return w.reload("")
		}
		return nil
	case tea.FocusMsg:
		return w.checkForChanges()
	case tea.KeyPressMsg:
		if cmd, handled := keys.Dispatch(w, msg); handled {
			return cmd
		}
		if !w.status.Err {
			w.status = kit.Status{}
		}
	}
	return w.current().Update(msg)
}
