package workspace

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/steps"
	"aimsbench/ui/theme"
)

// host is one step's window on the workspace: it knows the step's ID, so intents and
// background work are answered to that step.
type host struct {
	w  *Model
	id steps.ID
}

// The methods below are steps.Host's; its documentation says what each means.

func (h *host) Assessment() *assessment.Assessment { return h.w.a }
func (h *host) Summary() *assessment.Summary       { return &h.w.sum }
func (h *host) Catalogue() *checklists.Catalogue   { return h.w.c.Cat }
func (h *host) Styles() theme.Styles               { return h.w.c.Styles }
func (h *host) Now() time.Time                     { return h.w.c.Now() }
func (h *host) WorkDir() string                    { return h.w.c.WorkDir }
func (h *host) Apply(in steps.Intent) tea.Cmd      { return h.w.apply(h.id, in) }
func (h *host) Say(text string)                    { h.w.say(text) }
func (h *host) Refuse(err error) tea.Cmd           { return h.w.refuse(err) }
func (h *host) Copy() *assessment.Assessment       { return h.w.a.Clone() }

// Background runs work off the UI goroutine and addresses its message to the step.
func (h *host) Background(work func() tea.Msg) tea.Cmd {
	id := h.id
	return func() tea.Msg {
		msg := work()
		if msg == nil {
			return nil
		}
		return steps.Reply{To: id, Msg: msg}
	}
}
