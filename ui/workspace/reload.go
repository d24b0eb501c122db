package workspace

import (
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/steps"
)

// reloadedMsg carries the assessment as stored, replacing the one on screen.
type reloadedMsg struct {
	a   *assessment.Assessment
	seq int64
	say string
	err error
}

// changeCheckedMsg carries the audit trail's last sequence number, read when the terminal
// regained focus.
type changeCheckedMsg struct {
	seq int64
	err error
}

// reload reads the assessment again, after every write queued before it, and shows say
// when it is on screen.
func (w *Model) reload(say string) tea.Cmd {
	s, id := w.c.Store, w.a.ID
	return w.c.Writer.Queue(func() tea.Msg {
		seq, err := s.LastChange()
		if err != nil {
			return reloadedMsg{err: err}
		}
		a, err := s.Load(id)
		return reloadedMsg{a: a, seq: seq, say: say, err: err}
	})
}

// checkForChanges asks the store, cheaply, whether anyone wrote since the data was read:
// another program (the command line, a second workbench) may have while the terminal was
// in the background.
func (w *Model) checkForChanges() tea.Cmd {
	s := w.c.Store
	return func() tea.Msg {
		seq, err := s.LastChange()
		return changeCheckedMsg{seq: seq, err: err}
	}
}

// Init tells every step the assessment is open.
func (w *Model) Init() tea.Cmd { return w.tell(steps.Opened{}) }

// tell gives every step a message, on screen or not.
func (w *Model) tell(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range w.steps {
		cmds = append(cmds, s.Update(msg))
	}
	return tea.Batch(cmds...)
}

// reloaded replaces the snapshot with the one read from the store and tells every step.
func (w *Model) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		return w.refuse(msg.err)
	}
	w.a, w.seen = msg.a, msg.seq
	w.refresh()
	if msg.say != "" {
		w.say(msg.say)
	}
	return w.tell(steps.Reloaded{})
}
