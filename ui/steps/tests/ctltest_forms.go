package tests

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

// Test vocabulary of SPEC §5.
var (
	testMethods = []huh.Option[string]{huh.NewOption("inquiry", "inquiry"), huh.NewOption("observation", "observation"),
		huh.NewOption("inspection", "inspection"), huh.NewOption("re-performance", "reperformance")}
	testNatures = []string{"manual", "automated"}
)

// formSize is the room an embedded form gets: the detail pane.
func (c *ctlTests) formSize() (int, int) {
	listW := c.listWidth()
	return max(c.width-listW-3, 30), max(c.height, 10)
}

// testInput holds the test form's values as typed.
type testInput struct {
	procedure, nature, frequency, start, end, population, size, reason string
	methods                                                            []string
	elevated                                                           bool
}

// openTest edits the design of a control's test; a new test starts from the defaults.
func (c *ctlTests) openTest(item checklists.Item, cur *assessment.ControlTest) tea.Cmd {
	high := kit.VisibleNames(assessment.HighImpactInScope(c.h.Assessment()))
	t := assessment.ControlTest{ControlID: item.ID, Nature: "manual", Elevated: len(high) > 0}
	if cur != nil {
		t = cloneTest(*cur)
	}
	in := &testInput{procedure: t.Procedure, nature: t.Nature, frequency: t.Frequency, start: kit.DateInput(t.PeriodStart), end: kit.DateInput(t.PeriodEnd),
		methods: t.Methods, elevated: t.Elevated, reason: t.OverrideReason}
	if t.Population > 0 {
		in.population = strconv.Itoa(t.Population)
	}
	if t.SizeOverride > 0 {
		in.size = strconv.Itoa(t.SizeOverride)
	}
	why := "Default no: no in-scope AI system is high impact."
	if len(high) > 0 {
		why = "Default yes: in-scope high-impact systems: " + strings.Join(high, ", ") + "."
	}
	width, height := c.formSize()
	c.editing = c.form(item.ID+" test design", width, height,
		huh.NewText().Title("Test procedure").Value(&in.procedure).CharLimit(20000).Lines(4),
		huh.NewMultiSelect[string]().Title("Methods (x or space to tick)").Options(testMethods...).Value(&in.methods).Height(5),
		huh.NewSelect[string]().Title("Nature").Inline(true).Options(huh.NewOptions(testNatures...)...).Value(&in.nature),
		huh.NewSelect[string]().Title("Frequency").Options(c.frequencyOptions()...).Value(&in.frequency).Height(5),
		huh.NewInput().Title("Test period from (YYYY-MM-DD)").Value(&in.start).Validate(kit.OptionalDate),
		huh.NewInput().Title("Test period to (YYYY-MM-DD)").Value(&in.end).Validate(kit.NotBefore(&in.start, "the end of the test period", "its start")),
		huh.NewInput().Title("Population (items in the period; empty: unknown)").Value(&in.population).Validate(optionalCount),
		huh.NewConfirm().Title("Elevated risk?").Description(why).Affirmative("Elevated").Negative("Normal").Value(&in.elevated),
		huh.NewInput().Title("Sample size override (empty: the table's suggestion)").Value(&in.size).Validate(optionalCount),
		huh.NewText().Title("Reason for the override").Value(&in.reason).Lines(2).Validate(func(s string) error {
			n, _ := parseCount(in.size)
			probe := t
			return probe.OverrideSize(n, s)
		}),
	)
	c.onDone = func() tea.Cmd { return c.saveDesign(item, t, in) }
	return c.editing.Init()
}

// frequencyOptions are the catalogue's frequencies and event-driven.
func (c *ctlTests) frequencyOptions() []huh.Option[string] {
	opts := []huh.Option[string]{huh.NewOption("— not set", "")}
	for _, f := range c.h.Catalogue().Sampling.Frequencies {
		opts = append(opts, huh.NewOption(f.Title, f.ID))
	}
	return append(opts, huh.NewOption("Event-driven (sample follows the population)", assessment.EventDriven))
}

// saveDesign applies the test form's values; the size override goes through the rule that
// demands a reason.
func (c *ctlTests) saveDesign(item checklists.Item, t assessment.ControlTest, in *testInput) tea.Cmd {
	sampling := c.h.Catalogue().Sampling
	next := t
	next.Procedure, next.Methods, next.Nature, next.Frequency = strings.TrimSpace(in.procedure), in.methods, in.nature, in.frequency
	next.PeriodStart, _ = kit.ParseOptionalDate(in.start)
	next.PeriodEnd, _ = kit.ParseOptionalDate(in.end)
	next.Population, _ = parseCount(in.population)
	next.Elevated = in.elevated
	size, _ := parseCount(in.size)
	if err := next.OverrideSize(size, in.reason); err != nil {
		return c.h.Refuse(err)
	}
	cmd := c.putTest(next)
	c.h.Say(fmt.Sprintf("%s test saved; sample size %d.", item.ID, next.Size(sampling)))
	if next.Size(sampling) == 0 {
		c.h.Say(fmt.Sprintf("%s test saved; choose a frequency (and a population when event-driven) to get a sample size.", item.ID))
	}
	return cmd
}

// parseCount reads a non-negative whole number; empty text is 0.
func parseCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a whole number of items", s)
	}
	return n, nil
}

func optionalCount(s string) error { _, err := parseCount(s); return err }

// drawInput holds the draw form's values.
type drawInput struct{ seed, refs, file string }

// startDraw draws a new sample, asking first when that would discard recorded results.
func (c *ctlTests) startDraw(item checklists.Item, t *assessment.ControlTest) tea.Cmd {
	if t == nil {
		return c.h.Refuse(fmt.Errorf("%s has no test yet: press enter to record its frequency and population, then r to draw", item.ID))
	}
	tested := 0
	for _, s := range t.Samples {
		if s.Result != assessment.NotTested {
			tested++
		}
	}
	if tested == 0 {
		return c.openDraw(item, *t)
	}
	c.ask = kit.NewConfirm(kit.Wrap(fmt.Sprintf("Draw a new sample for %s? The %s drawn with seed %d, %d already tested, will be replaced.", item.ID, kit.Plural(len(t.Samples), "sample"), t.Seed, tested), kit.DialogWidth(c.width)), item.ID)
	test := *t
	c.onYes = func() tea.Cmd { return c.openDraw(item, test) }
	return nil
}

// openDraw asks for the seed and, optionally, the population's item references: pasted, or
// read from a file when the list is long.
func (c *ctlTests) openDraw(item checklists.Item, t assessment.ControlTest) tea.Cmd {
	in := &drawInput{seed: strconv.FormatUint(clockSeed(c.h.Now().UnixNano()), 10)}
	width, height := c.formSize()
	c.editing = c.form(item.ID+" draw a random sample", width, height,
		huh.NewInput().Title("Seed (keep the one offered, or type a recorded one to reproduce a selection)").Value(&in.seed).Validate(func(s string) error {
			_, err := parseSeed(s)
			return err
		}),
		huh.NewText().Title("Population's item references (optional)").
			Description(fmt.Sprintf("Paste up to 99 lines, one reference each. Empty: draw item numbers from the population of %s.", countText(t.Population))).
			Value(&in.refs).CharLimit(1_000_000).Lines(5),
		huh.NewInput().Title("…or a text file with one reference per line (for longer lists)").Value(&in.file).CharLimit(4096),
	)
	c.onDone = func() tea.Cmd {
		seed, _ := parseSeed(in.seed)
		if path := strings.TrimSpace(in.file); path != "" {
			c.h.Say("Reading " + kit.Vis(path) + "…")
			return readSampleRefs(item.ID, path, seed)
		}
		return c.draw(item.ID, parseRefs(in.refs), seed)
	}
	return c.editing.Init()
}

// sampleRefsMsg carries a population list read from a file off the UI goroutine.
type sampleRefsMsg struct {
	control string
	refs    []string
	seed    uint64
	err     error
}

// readSampleRefs reads a population list: one reference per line, blank lines skipped.
func readSampleRefs(control, path string, seed uint64) tea.Cmd {
	return func() tea.Msg {
		data, err := os.ReadFile(path)
		if err != nil {
			return sampleRefsMsg{control: control, err: fmt.Errorf("cannot read the population list: %w", err)}
		}
		refs := parseRefs(string(data))
		if len(refs) == 0 {
			err = fmt.Errorf("%s holds no reference; write one per line", path)
		}
		return sampleRefsMsg{control: control, refs: refs, seed: seed, err: err}
	}
}

// draw replaces the samples of a control's test with a seeded selection.
func (c *ctlTests) draw(control string, refs []string, seed uint64) tea.Cmd {
	sampling := c.h.Catalogue().Sampling
	cur := c.h.Assessment().TestOf(control)
	if cur == nil {
		return c.h.Refuse(fmt.Errorf("%s has no test any more; nothing drawn", control))
	}
	next := cloneTest(*cur)
	probe := next
	if len(refs) > 0 {
		probe.Population = len(refs)
	}
	if probe.Size(sampling) == 0 {
		return c.h.Refuse(fmt.Errorf("no sample size for %s yet: press enter and choose its frequency (and its population when event-driven)", control))
	}
	if err := next.DrawSamples(sampling, refs, seed); err != nil {
		return c.h.Refuse(err)
	}
	if item, _, ok := c.selected(); ok && item.ID == control {
		c.sample, c.inSamples = 0, true
	}
	cmd := c.putTest(next)
	c.h.Say(fmt.Sprintf("Drew %d of %d with seed %d. Mark each: p pass, x exception, u not tested.", len(next.Samples), next.Population, seed))
	return cmd
}

// clockSeed turns the clock into a six-digit seed, short enough to copy into a report.
func clockSeed(nanos int64) uint64 { return uint64(nanos/1000)%900000 + 100000 }

func parseSeed(s string) (uint64, error) {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the seed must be a whole number such as 482913")
	}
	return n, nil
}

// parseRefs reads pasted references: one per line, or separated by commas or semicolons when
// they come on one line. Blank entries are dropped.
func parseRefs(s string) []string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	var nonEmpty []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonEmpty = append(nonEmpty, l)
		}
	}
	if len(nonEmpty) == 1 {
		nonEmpty = strings.FieldsFunc(nonEmpty[0], func(r rune) bool { return r == ',' || r == ';' || r == '\t' })
	}
	var out []string
	for _, r := range nonEmpty {
		if r = strings.TrimSpace(r); r != "" {
			out = append(out, r)
		}
	}
	return out
}

// overrideInput holds the conclusion override form's values.
type overrideInput struct {
	conclusion    assessment.Conclusion
	justification string
}

// openOverride lets the assessor override the rule's conclusion, with a justification.
func (c *ctlTests) openOverride(item checklists.Item, t assessment.ControlTest) tea.Cmd {
	sampling := c.h.Catalogue().Sampling
	in := &overrideInput{conclusion: t.ConclusionOverride, justification: t.OverrideJustification}
	if in.conclusion == "" {
		in.conclusion = assessment.NotConcluded
	}
	width, height := c.formSize()
	c.editing = c.form(item.ID+" override the conclusion", width, height,
		huh.NewSelect[assessment.Conclusion]().Title("Conclusion").
			Description(fmt.Sprintf("The rule concludes %s: %s.", conclusionWord(t.RuleConclusion(sampling)), ruleReason(t, sampling))).
			Options(huh.NewOption("follow the rule (no override)", assessment.NotConcluded),
				huh.NewOption("effective", assessment.Effective), huh.NewOption("ineffective", assessment.Ineffective)).
			Value(&in.conclusion),
		huh.NewText().Title("Justification").Value(&in.justification).CharLimit(20000).Lines(4).Validate(func(s string) error {
			probe := cloneTest(t)
			return probe.OverrideConclusion(in.conclusion, s)
		}),
	)
	c.onDone = func() tea.Cmd {
		next := cloneTest(t)
		if err := next.OverrideConclusion(in.conclusion, in.justification); err != nil {
			return c.h.Refuse(err)
		}
		cmd := c.putTest(next)
		c.h.Say(fmt.Sprintf("%s concludes %s.", item.ID, conclusionWord(next.Conclusion(sampling))))
		return cmd
	}
	return c.editing.Init()
}

// noteInput holds a sample's note and evidence.
type noteInput struct{ note, evidence string }

// openNote records what was seen for the selected sample.
func (c *ctlTests) openNote(t assessment.ControlTest) tea.Cmd {
	i := c.sample
	smp := t.Samples[i]
	in := &noteInput{note: smp.Note, evidence: smp.Evidence}
	width, height := c.formSize()
	c.editing = c.form(fmt.Sprintf("%s sample %d: %s (%s)", t.ControlID, i+1, kit.Vis(smp.Ref), sampleWord(smp.Result)), width, height,
		huh.NewText().Title("Note (what was seen; for an exception, what went wrong)").Value(&in.note).CharLimit(20000).Lines(4),
		huh.NewInput().Title("Evidence (document, record or screenshot reference)").Value(&in.evidence).CharLimit(1000),
	)
	c.onDone = func() tea.Cmd {
		next := cloneTest(t)
		next.Samples[i].Note, next.Samples[i].Evidence = strings.TrimSpace(in.note), strings.TrimSpace(in.evidence)
		cmd := c.putTest(next)
		c.h.Say(fmt.Sprintf("Note on %s saved.", kit.Vis(smp.Ref)))
		return cmd
	}
	return c.editing.Init()
}

// ruleReason explains, from the sample counts, why the rule reached its conclusion.
func ruleReason(t assessment.ControlTest, sampling checklists.Sampling) string {
	pass, exc, untested := sampleCounts(t)
	size := t.Size(sampling)
	switch {
	case t.RuleConclusion(sampling) == assessment.Ineffective:
		return fmt.Sprintf("%s in %s", kit.Plural(exc, "exception"), kit.Plural(len(t.Samples), "sample"))
	case t.RuleConclusion(sampling) == assessment.Effective:
		return fmt.Sprintf("%d of the %d required samples passed, no exception", pass, size)
	case size == 0:
		return "no sample size yet (choose the frequency, and the population when event-driven)"
	case len(t.Samples) == 0:
		return fmt.Sprintf("no sample drawn yet (%d required)", size)
	case pass+untested < size:
		return fmt.Sprintf("only %s drawn for the %d required; draw again", kit.Plural(len(t.Samples), "sample"), size)
	}
	return fmt.Sprintf("%d of the %d required samples passed, %d not tested yet", pass, size, untested)
}

func sampleCounts(t assessment.ControlTest) (pass, exc, untested int) {
	for _, s := range t.Samples {
		switch s.Result {
		case assessment.Pass:
			pass++
		case assessment.Exception:
			exc++
		default:
			untested++
		}
	}
	return pass, exc, untested
}

// testFindingText describes a failed test for the nonconformity raised from it.
func testFindingText(item checklists.Item, t assessment.ControlTest, sampling checklists.Sampling) string {
	text := fmt.Sprintf("Operating-effectiveness test of %s %s concluded ineffective: %s.", item.ID, item.Title, ruleReason(t, sampling))
	for _, s := range t.Samples {
		if s.Result == assessment.Exception && strings.TrimSpace(s.Note) != "" {
			text += fmt.Sprintf("\n%s: %s", s.Ref, s.Note)
		}
	}
	return text
}
