package tests

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// ctlTests is the control-testing step (SPEC §5): the included Annex A controls with the
// state of their operating-effectiveness test, beside the selected control's test — its
// design, the seeded sample and each sample's result — and the conclusion the rule draws.
type ctlTests struct {
	h         steps.Host
	cursor    int  // index into the included controls
	sample    int  // index into the selected test's samples
	inSamples bool // the samples have the keyboard
	editing   *kit.Form
	onDone    func() tea.Cmd // applies the open form's values
	ask       *kit.Confirm
	onYes     func() tea.Cmd // what a yes to the open confirmation does
	width     int
	height    int
}

// Keys of the step, listed in its key table.
var (
	ctlKeyEdit      = kit.NewBinding("enter e", "enter", "edit test")
	ctlKeyDraw      = kit.NewBinding("r", "r", "draw sample")
	ctlKeySamples   = kit.NewBinding("right l", "→/l", "mark samples")
	ctlKeyOverride  = kit.NewBinding("o", "o", "override conclusion")
	ctlKeyRaiseNC   = kit.NewBinding("N", "N", "raise NC")
	ctlKeyPass      = kit.NewBinding("p", "p", "pass")
	ctlKeyException = kit.NewBinding("x", "x", "exception")
	ctlKeyNotTested = kit.NewBinding("u", "u", "not tested")
	ctlKeyNote      = kit.NewBinding("enter", "enter", "note & evidence")
	ctlKeyBack      = kit.NewBinding("left h", "←/h", "controls")
)

// ctlKeys is the step's key table: dispatch, footer and help read it.
var ctlKeys = append(kit.Keys[*ctlTests]{
	{Binding: kit.KeyUp, Run: ctlMove(-1, 1), Enabled: (*ctlTests).open},
	{Binding: kit.KeyDown, Run: ctlMove(1, 1), Enabled: (*ctlTests).open},
	{Binding: kit.KeyPgUp, Run: ctlMove(-1, 0), Enabled: (*ctlTests).open},
	{Binding: kit.KeyPgDown, Run: ctlMove(1, 0), Enabled: (*ctlTests).open},
	{Binding: ctlKeySamples, Enabled: func(c *ctlTests) bool { _, t, _ := c.selected(); return c.onList() && t != nil && len(t.Samples) > 0 },
		Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd { c.inSamples = true; return nil }},
	{Binding: ctlKeyBack, Enabled: (*ctlTests).onSamples, Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd { c.inSamples = false; return nil }},
	{Binding: ctlKeyPass, Group: 1, Run: ctlMark(assessment.Pass), Enabled: (*ctlTests).onSamples},
	{Binding: ctlKeyException, Group: 1, Run: ctlMark(assessment.Exception), Enabled: (*ctlTests).onSamples},
	{Binding: ctlKeyNotTested, Group: 1, Run: ctlMark(assessment.NotTested), Enabled: (*ctlTests).onSamples},
	{Binding: ctlKeyNote, Group: 1, Enabled: (*ctlTests).onSamples, Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd {
		_, t, _ := c.selected()
		return c.openNote(*t)
	}},
	{Binding: ctlKeyEdit, Group: 2, Enabled: (*ctlTests).onList, Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd {
		item, t, _ := c.selected()
		return c.openTest(item, t)
	}},
	{Binding: ctlKeyDraw, Group: 2, Enabled: (*ctlTests).browsing, Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd {
		item, t, _ := c.selected()
		return c.startDraw(item, t)
	}},
	{Binding: ctlKeyOverride, Group: 2, Enabled: func(c *ctlTests) bool { _, t, _ := c.selected(); return c.browsing() && t != nil },
		Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd {
			item, t, _ := c.selected()
			return c.openOverride(item, *t)
		}},
	{Binding: ctlKeyRaiseNC, Group: 2, Enabled: func(c *ctlTests) bool {
		_, t, _ := c.selected()
		return c.browsing() && t != nil && t.Conclusion(c.h.Catalogue().Sampling) == assessment.Ineffective
	}, Run: func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd { item, t, _ := c.selected(); return c.startNC(item, *t) }},
}, kit.DialogRows(func(c *ctlTests) bool { return c.editing != nil }, func(c *ctlTests) bool { return c.ask != nil })...)

// open is true while no form or dialog is open.
func (c *ctlTests) open() bool { return c.editing == nil && c.ask == nil }

// browsing is true while no form or dialog is open and a control is selected.
func (c *ctlTests) browsing() bool {
	_, _, ok := c.selected()
	return ok && c.open()
}

// onList is true while the list of controls has the keyboard.
func (c *ctlTests) onList() bool { return c.browsing() && !c.inSamples }

// onSamples is true while the samples of the selected test have the keyboard.
func (c *ctlTests) onSamples() bool { return c.browsing() && c.inSamples }

// ctlMove moves by delta rows, or by delta half pages when rows is 0.
func ctlMove(delta, rows int) func(*ctlTests, tea.KeyPressMsg) tea.Cmd {
	return func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd {
		if rows == 0 {
			delta *= max(c.height/2, 1)
		}
		c.move(delta)
		c.selected() // clamp the cursors
		return nil
	}
}

func ctlMark(r assessment.SampleResult) func(*ctlTests, tea.KeyPressMsg) tea.Cmd {
	return func(c *ctlTests, _ tea.KeyPressMsg) tea.Cmd {
		item, t, _ := c.selected()
		return c.mark(item, *t, r)
	}
}

// New builds the control-testing step.
func New(h steps.Host) steps.Step { return &ctlTests{h: h} }

func (c *ctlTests) Name() string { return "Control testing" }

func (c *ctlTests) Typing() bool { return c.editing != nil || c.ask != nil }

func (c *ctlTests) SetSize(w, h int) { c.width, c.height = w, h }

// Progress counts the included controls whose test reached a conclusion.
func (c *ctlTests) Progress() (int, int) {
	controls := c.controls()
	done := 0
	for _, item := range controls {
		if t := c.h.Assessment().TestOf(item.ID); t != nil && t.Conclusion(c.h.Catalogue().Sampling) != assessment.NotConcluded {
			done++
		}
	}
	return done, len(controls)
}

// controls are the Annex A controls the SoA includes, in catalogue order.
func (c *ctlTests) controls() []checklists.Item {
	var out []checklists.Item
	for _, item := range c.h.Catalogue().Assessable() {
		if item.IsControl() && c.h.Assessment().InReadinessScope(item) {
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
	t := c.h.Assessment().TestOf(item.ID)
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

// FullHelp lists the keys that work now, from the key table.
func (c *ctlTests) FullHelp() [][]key.Binding { return ctlKeys.Help(c) }

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
			return c.h.Refuse(msg.err)
		}
		return c.draw(msg.control, msg.refs, msg.seed)
	case steps.Saved:
		if nc, ok := msg.Record.(assessment.Nonconformity); ok && msg.Err == nil {
			c.h.Say(fmt.Sprintf("%s raised against %s from the failed test (%s); complete it on step 7 Nonconformities.", nc.Label(), nc.ItemID, nc.Grade.Label()))
		}
	case steps.Reloaded:
		c.selected() // clamp the cursors
	case steps.JumpTo:
		for i, item := range c.controls() {
			if item.ID == msg.Item {
				c.cursor, c.sample, c.inSamples = i, 0, false
			}
		}
	case tea.KeyPressMsg:
		cmd, _ := ctlKeys.Dispatch(c, msg)
		return cmd
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
		c.h.Say("Nothing changed.")
		return nil
	}
	return c.onYes()
}

func (c *ctlTests) updateForm(msg tea.Msg) tea.Cmd {
	cmd, cancelled := kit.UpdateForm(&c.editing, msg)
	if cancelled {
		c.onDone = nil
		c.h.Say("Cancelled; nothing changed.")
	}
	return cmd
}

// form opens an embedded form; what submitting it does is set in onDone.
func (c *ctlTests) form(title string, width, height int, fields ...huh.Field) *kit.Form {
	return kit.NewForm(title, width, height, func() tea.Cmd {
		done := c.onDone
		c.onDone = nil
		if done == nil {
			return nil
		}
		return done()
	}, fields...)
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

// putTest saves a test over the one on screen.
func (c *ctlTests) putTest(t assessment.ControlTest) tea.Cmd {
	return c.h.Apply(steps.PutTest{Base: c.h.Assessment().TestOf(t.ControlID), Next: t})
}

// mark is every result key's one rule: it records the sample's result and moves to the
// next sample. A result already recorded differently is changed only after a yes, so a
// quick key can never turn an exception into a pass; the same result again just moves on.
func (c *ctlTests) mark(item checklists.Item, t assessment.ControlTest, result assessment.SampleResult) tea.Cmd {
	i := c.sample
	smp := t.Samples[i]
	switch {
	case smp.Result == result:
		c.advance(len(t.Samples))
		c.h.Say(fmt.Sprintf("Sample %d (%s) stays %s. %s", i+1, kit.Vis(smp.Ref), sampleWord(result), tally(t)))
		return nil
	case smp.Result != assessment.NotTested:
		q := fmt.Sprintf("Sample %d (%s) of %s is recorded as %s. Change it to %s?", i+1, kit.Vis(smp.Ref), item.ID, sampleWord(smp.Result), sampleWord(result))
		c.ask = kit.NewConfirm(kit.Wrap(q, kit.DialogWidth(c.width)), item.ID)
		c.onYes = func() tea.Cmd {
			if cur := c.h.Assessment().TestOf(item.ID); cur != nil && i < len(cur.Samples) {
				return c.record(item, *cur, i, result)
			}
			return nil
		}
		return nil
	}
	return c.record(item, t, i, result)
}

// record saves sample i's result, says what it did to the conclusion and the counts so far,
// and moves on from it.
func (c *ctlTests) record(item checklists.Item, t assessment.ControlTest, i int, result assessment.SampleResult) tea.Cmd {
	sampling := c.h.Catalogue().Sampling
	before := t.Conclusion(sampling)
	next := cloneTest(t)
	next.Samples[i].Result = result
	cmd := c.putTest(next)
	ref := kit.Vis(next.Samples[i].Ref)
	switch after := next.Conclusion(sampling); {
	case after == assessment.Ineffective && before != assessment.Ineffective:
		c.h.Say(fmt.Sprintf("%s now concludes ineffective (exception in %s). %s Press ↑ and enter to describe it, N to raise a nonconformity.", item.ID, ref, tally(next)))
	case after != before:
		c.h.Say(fmt.Sprintf("%s now concludes %s. %s", item.ID, conclusionWord(after), tally(next)))
	default:
		c.h.Say(fmt.Sprintf("Sample %d (%s): %s. %s", i+1, ref, sampleWord(result), tally(next)))
	}
	if c.sample == i {
		c.advance(len(next.Samples))
	}
	return cmd
}

// advance moves to the next sample, staying on the last.
func (c *ctlTests) advance(n int) { c.sample = min(c.sample+1, n-1) }

// tally counts a test's samples by result, as the assessor marks them.
func tally(t assessment.ControlTest) string {
	pass, exc, untested := sampleCounts(t)
	return fmt.Sprintf("%d pass, %s, %d to test.", pass, kit.Plural(exc, "exception"), untested)
}

// startNC raises a nonconformity for an ineffective test, asking first when the control
// already has an open one from a test.
func (c *ctlTests) startNC(item checklists.Item, t assessment.ControlTest) tea.Cmd {
	for _, nc := range c.h.Assessment().NCs {
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
	nc := assessment.NewNonconformity(0, c.h.Assessment().Result(item), item.Title, c.h.Now())
	nc.Source = "test"
	nc.Description = testFindingText(item, t, c.h.Catalogue().Sampling)
	return c.h.Apply(steps.PutNC{Next: nc})
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
