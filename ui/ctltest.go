package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/kit"
)

// ctlTests is the control-testing step (SPEC §5): the included Annex A controls with the
// state of their operating-effectiveness test, beside the selected control's test — its
// design, the seeded sample and each sample's result — and the conclusion the rule draws.
type ctlTests struct {
	w         *workspace
	cursor    int  // index into the included controls
	sample    int  // index into the selected test's samples
	inSamples bool // the samples have the keyboard
	editing   *huh.Form
	onDone    func() tea.Cmd // applies the open form's values
	ask       *kit.Confirm
	onYes     func() tea.Cmd // what a yes to the open confirmation does
	width     int
	height    int
	keys      ctlTestKeyMap
}

// ctlTestKeyMap holds every key of the step; updateKeys enables those of the current state.
type ctlTestKeyMap struct {
	Up, Down, PgUp, PgDown                 key.Binding
	Edit, Draw, Samples, Override, RaiseNC key.Binding
	Pass, Exception, NotTested, Note, Back key.Binding
	dialogKeys
}

func newCtlTestKeyMap() ctlTestKeyMap {
	return ctlTestKeyMap{
		Up:         kit.NewBinding("up k", "↑/k", "up"),
		Down:       kit.NewBinding("down j", "↓/j", "down"),
		PgUp:       kit.NewBinding("pgup ctrl+u", "pgup", "page up"),
		PgDown:     kit.NewBinding("pgdown ctrl+d", "pgdn", "page down"),
		Edit:       kit.NewBinding("enter e", "enter", "edit test"),
		Draw:       kit.NewBinding("r", "r", "draw sample"),
		Samples:    kit.NewBinding("right l", "→/l", "mark samples"),
		Override:   kit.NewBinding("o", "o", "override conclusion"),
		RaiseNC:    kit.NewBinding("N", "N", "raise NC"),
		Pass:       kit.NewBinding("p", "p", "pass"),
		Exception:  kit.NewBinding("x", "x", "exception"),
		NotTested:  kit.NewBinding("u", "u", "not tested"),
		Note:       kit.NewBinding("enter", "enter", "note & evidence"),
		Back:       kit.NewBinding("left h", "←/h", "controls"),
		dialogKeys: newDialogKeys("yes"),
	}
}

func newTesting(w *workspace) step { return &ctlTests{w: w, keys: newCtlTestKeyMap()} }

func (c *ctlTests) Name() string { return "Control testing" }

func (c *ctlTests) Typing() bool { return c.editing != nil || c.ask != nil }

func (c *ctlTests) SetSize(w, h int) { c.width, c.height = w, h }

// Progress counts the included controls whose test reached a conclusion.
func (c *ctlTests) Progress() (int, int) {
	controls := c.controls()
	done := 0
	for _, item := range controls {
		if t := c.w.a.TestOf(item.ID); t != nil && t.Conclusion(c.w.c.Cat.Sampling) != assessment.NotConcluded {
			done++
		}
	}
	return done, len(controls)
}

// controls are the Annex A controls the SoA includes, in catalogue order.
func (c *ctlTests) controls() []checklists.Item {
	var out []checklists.Item
	for _, item := range c.w.c.Cat.Assessable() {
		if item.IsControl() && c.w.a.InReadinessScope(item) {
			out = append(out, item)
		}
	}
	return out
}

// selected is the control under the cursor and its test (nil when it has none).
func (c *ctlTests) selected() (checklists.Item, *assessment.ControlTest, bool) {
	controls := c.controls()
	if len(controls) == 0 {
		return checklists.Item{}, nil, false
	}
	c.cursor = max(0, min(c.cursor, len(controls)-1))
	item := controls[c.cursor]
	t := c.w.a.TestOf(item.ID)
	n := 0
	if t != nil {
		n = len(t.Samples)
	}
	c.sample = max(0, min(c.sample, n-1))
	if n == 0 {
		c.inSamples = false
	}
	return item, t, true
}

func (c *ctlTests) updateKeys() {
	k := &c.keys
	_, t, ok := c.selected()
	browsing := ok && c.editing == nil && c.ask == nil
	hasSamples := t != nil && len(t.Samples) > 0
	ineffective := t != nil && t.Conclusion(c.w.c.Cat.Sampling) == assessment.Ineffective
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PgUp, &k.PgDown} {
		b.SetEnabled(c.editing == nil && c.ask == nil)
	}
	k.Edit.SetEnabled(browsing && !c.inSamples)
	k.Samples.SetEnabled(browsing && !c.inSamples && hasSamples)
	k.Draw.SetEnabled(browsing)
	k.Override.SetEnabled(browsing && t != nil)
	k.RaiseNC.SetEnabled(browsing && ineffective)
	for _, b := range []*key.Binding{&k.Pass, &k.Exception, &k.NotTested, &k.Note, &k.Back} {
		b.SetEnabled(browsing && c.inSamples)
	}
	k.enable(c.editing != nil, c.ask != nil)
}

func (c *ctlTests) ShortHelp() []key.Binding {
	c.updateKeys()
	k := c.keys
	return []key.Binding{k.Edit, k.Samples, k.Pass, k.Exception, k.Draw, k.Override, k.RaiseNC, k.FormNext, k.FormCancel, k.Yes, k.No}
}

func (c *ctlTests) FullHelp() [][]key.Binding {
	c.updateKeys()
	k := c.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PgUp, k.PgDown, k.Samples, k.Back},
		{k.Pass, k.Exception, k.NotTested, k.Note},
		{k.Edit, k.Draw, k.Override, k.RaiseNC},
		{k.FormNext, k.FormPrev, k.FormCancel, k.Yes, k.No, k.Toggle},
	}
}

// Update routes keys to the open dialog or form first, then to the list or the samples.
func (c *ctlTests) Update(msg tea.Msg) tea.Cmd {
	switch {
	case c.ask != nil:
		return c.updateConfirm(msg)
	case c.editing != nil:
		return c.updateForm(msg)
	}
	switch msg := msg.(type) {
	case sampleRefsMsg:
		if msg.err != nil {
			return c.w.refuse(msg.err)
		}
		return c.draw(msg.control, msg.refs, msg.seed)
	case tea.KeyPressMsg:
		return c.updateKey(msg)
	}
	return nil
}

func (c *ctlTests) updateConfirm(msg tea.Msg) tea.Cmd {
	done, yes := c.ask.Update(msg)
	if !done {
		return nil
	}
	c.ask = nil
	if !yes {
		c.w.status = kit.Status{Text: "Nothing changed."}
		return nil
	}
	return c.onYes()
}

func (c *ctlTests) updateForm(msg tea.Msg) tea.Cmd {
	return updateForm(c.w, &c.editing, &c.onDone, msg)
}

// updateKey handles the keys of the list and of the samples.
func (c *ctlTests) updateKey(kp tea.KeyPressMsg) tea.Cmd {
	c.updateKeys()
	item, t, ok := c.selected()
	if !ok {
		return nil
	}
	k := c.keys
	page := max(c.height/2, 1)
	switch {
	case key.Matches(kp, k.Down):
		c.move(1)
	case key.Matches(kp, k.Up):
		c.move(-1)
	case key.Matches(kp, k.PgDown):
		c.move(page)
	case key.Matches(kp, k.PgUp):
		c.move(-page)
	case key.Matches(kp, k.Samples):
		c.inSamples = true
	case key.Matches(kp, k.Back):
		c.inSamples = false
	case key.Matches(kp, k.Edit):
		return c.openTest(item, t)
	case key.Matches(kp, k.Draw):
		return c.startDraw(item, t)
	case key.Matches(kp, k.Override):
		return c.openOverride(item, *t)
	case key.Matches(kp, k.RaiseNC):
		return c.startNC(item, *t)
	case key.Matches(kp, k.Pass):
		return c.mark(item, *t, assessment.Pass)
	case key.Matches(kp, k.Exception):
		return c.mark(item, *t, assessment.Exception)
	case key.Matches(kp, k.NotTested):
		return c.mark(item, *t, assessment.NotTested)
	case key.Matches(kp, k.Note):
		return c.openNote(*t)
	}
	c.selected() // clamp the cursors
	return nil
}

// move steps the cursor of the samples or of the controls.
func (c *ctlTests) move(delta int) {
	if c.inSamples {
		c.sample += delta
		return
	}
	c.cursor += delta
	c.sample = 0
}

// cloneTest copies a test deeply, so an edit never touches a value a queued save still holds.
func cloneTest(t assessment.ControlTest) assessment.ControlTest {
	t.Methods = slices.Clone(t.Methods)
	t.Samples = slices.Clone(t.Samples)
	return t
}

// putTest stores a test: in memory at once, then on disk.
func (c *ctlTests) putTest(t assessment.ControlTest) tea.Cmd {
	a := c.w.a
	if cur := a.TestOf(t.ControlID); cur != nil {
		*cur = t
	} else {
		a.Tests = append(a.Tests, t)
	}
	c.w.refresh()
	saved := cloneTest(t)
	aid := a.ID
	return c.w.save(t.ControlID+" test", func(s *store.Store) error { _, err := s.SaveTest(aid, nil, saved); return err })
}

// mark records one sample's result and says what it did to the conclusion.
func (c *ctlTests) mark(item checklists.Item, t assessment.ControlTest, result assessment.SampleResult) tea.Cmd {
	sampling := c.w.c.Cat.Sampling
	before := t.Conclusion(sampling)
	next := cloneTest(t)
	smp := &next.Samples[c.sample]
	smp.Result = result
	cmd := c.putTest(next)
	after := next.Conclusion(sampling)
	switch {
	case after == assessment.Ineffective && before != assessment.Ineffective:
		c.w.status = kit.Status{Text: fmt.Sprintf("%s now concludes ineffective (exception in %s). Press enter to describe it, N to raise a nonconformity.", item.ID, kit.Vis(smp.Ref))}
	case after != before:
		c.w.status = kit.Status{Text: fmt.Sprintf("%s now concludes %s.", item.ID, conclusionWord(after))}
	default:
		c.w.status = kit.Status{Text: fmt.Sprintf("%s: %s.", kit.Vis(smp.Ref), sampleWord(result))}
	}
	if result == assessment.Pass && c.sample < len(next.Samples)-1 {
		c.sample++
	}
	return cmd
}

// startNC raises a nonconformity for an ineffective test, asking first when the control
// already has an open one from a test.
func (c *ctlTests) startNC(item checklists.Item, t assessment.ControlTest) tea.Cmd {
	for _, nc := range c.w.a.NCs {
		if nc.ItemID == item.ID && nc.Source == "test" && nc.IsOpen() {
			c.ask = kit.NewConfirm(kit.Wrap(fmt.Sprintf("%s is already open for %s from a test. Raise another nonconformity?", nc.Label(), item.ID), kit.DialogWidth(c.width)), item.ID)
			c.onYes = func() tea.Cmd { return c.raiseNC(item, t) }
			return nil
		}
	}
	return c.raiseNC(item, t)
}

// raiseNC creates a nonconformity linked to the control, pre-filled from the test.
func (c *ctlTests) raiseNC(item checklists.Item, t assessment.ControlTest) tea.Cmd {
	a := c.w.a
	nc := assessment.NewNonconformity(a.NextNCNumber(), a.Result(item), item.Title, c.w.c.Now())
	nc.Source = "test"
	nc.Description = testFindingText(item, t, c.w.c.Cat.Sampling)
	a.NCs = append(a.NCs, nc)
	c.w.refresh()
	c.w.status = kit.Status{Text: fmt.Sprintf("%s raised against %s from the failed test (%s); complete it on step 7 Nonconformities.", nc.Label(), item.ID, nc.Grade.Label())}
	aid := a.ID
	return c.w.save(nc.Label(), func(s *store.Store) error { _, err := s.SaveNC(aid, nil, nc); return err })
}

// conclusionWord is a conclusion as a reader sees it.
func conclusionWord(cn assessment.Conclusion) string {
	switch cn {
	case assessment.Effective:
		return "effective"
	case assessment.Ineffective:
		return "ineffective"
	}
	return "not concluded"
}

func sampleWord(r assessment.SampleResult) string {
	switch r {
	case assessment.Pass:
		return "pass"
	case assessment.Exception:
		return "exception"
	}
	return "not tested"
}

// Back leaves the samples for the list of controls; esc then goes home as on other steps.
func (c *ctlTests) Back() bool {
	if !c.inSamples {
		return false
	}
	c.inSamples = false
	return true
}
