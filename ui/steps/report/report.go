package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// exportKinds are the choices on the report step.
var exportKinds = []struct {
	label, format string
	gapOnly       bool
}{
	{"Full readiness report (PDF)", "pdf", false},
	{"Gap report only (PDF)", "pdf", true},
	{"Full readiness report to edit (Word, DOCX)", "docx", false},
	{"Working workbook (XLSX: summary, registers, tests, evidence, roadmap, KPIs)", "xlsx", false},
	{"Gap register, SoA and results annex (CSV, three files)", "csv", false},
	{"Whole-assessment bundle (JSON, re-importable)", "json", false},
	{"NIST OSCAL assessment plan, results and POA&M (a folder of JSON files)", "oscal", false},
	{"Auditee questionnaire for the client to fill in (XLSX)", "questionnaire", false},
}

// reportStep exports the report and registers, with progress, off the UI goroutine.
type reportStep struct {
	h        steps.Host
	store    *store.Store // read for the audit-chain fingerprint and the previous cycle
	kind     int
	draft    bool
	sealed   bool // a JSON bundle is signed with the assessor's key
	path     kit.Input
	pathSet  bool // the user typed a path; stop following the default name
	bar      progress.Model
	running  bool
	done     float64
	written  []string
	sealInfo string // how the bundle just written was sealed; empty when it was not
	failed   string
	replace  *kit.Confirm // asks before an existing file is replaced; nil when not asking
	width    int
	height   int
	exported int
}

type (
	exportProgressMsg struct {
		done, total int
		next        tea.Cmd
	}
	exportDoneMsg struct {
		paths []string
		seal  string // what sealed a bundle: the key's fingerprint, and where a new key was made
		err   error
	}
	// exportExistsMsg says the export was not started because a file it would write exists.
	exportExistsMsg struct{ err *store.OutputExistsError }
)

var (
	keyKind   = kit.NewBinding("f", "f", "choose output")
	keyDraft  = kit.NewBinding("d", "d", "draft watermark")
	keyPath   = kit.NewBinding("o", "o", "edit output path")
	keySeal   = kit.NewBinding("s", "s", "seal with my key")
	keyExport = kit.NewBinding("enter x", "enter", "export")
)

// New builds the report step; it reads the store for the audit-chain fingerprint and the
// previous cycle, and never writes to it.
func New(h steps.Host, s *store.Store) steps.Step {
	r := &reportStep{h: h, store: s, path: kit.NewInput(), bar: progress.New(progress.WithoutPercentage())}
	r.defaultPath()
	return r
}

// defaultPath names the file after the organisation and today's date, in the current folder.
func (r *reportStep) defaultPath() {
	if r.pathSet {
		return
	}
	k := exportKinds[r.kind]
	name := report.DefaultFileName(r.h.Assessment(), k.format, r.h.Now())
	if k.gapOnly {
		name = strings.TrimSuffix(name, ".pdf") + "-gaps.pdf"
	}
	r.path.SetValue(filepath.Join(r.h.WorkDir(), name))
}

func (r *reportStep) Name() string { return "Report" }

func (r *reportStep) SetSize(w, h int) {
	r.width, r.height = w, h
	r.path.SetWidth(max(w-16, 20))
	r.bar.SetWidth(max(min(w-10, 60), 10))
}

func (r *reportStep) Typing() bool { return r.path.Focused() || r.replace != nil }

func (r *reportStep) Progress() (int, int) { return min(r.exported, 1), 1 }

// FullHelp lists the keys that work now, from the key table.
func (r *reportStep) FullHelp() [][]key.Binding { return reportKeys.Help(r) }

// reportKeys is the step's key table: dispatch, footer and help read it.
var reportKeys = append(kit.Keys[*reportStep]{
	{Binding: keyKind, Enabled: (*reportStep).ready, Run: func(r *reportStep, _ tea.KeyPressMsg) tea.Cmd {
		r.kind = (r.kind + 1) % len(exportKinds)
		r.defaultPath()
		return nil
	}},
	{Binding: keyDraft, Enabled: func(r *reportStep) bool {
		f := exportKinds[r.kind].format
		return r.ready() && (f == "pdf" || f == "docx")
	}, Run: func(r *reportStep, _ tea.KeyPressMsg) tea.Cmd { r.draft = !r.draft; return nil }},
	{Binding: keySeal, Enabled: func(r *reportStep) bool { return r.ready() && exportKinds[r.kind].format == "json" }, Run: func(r *reportStep, _ tea.KeyPressMsg) tea.Cmd {
		r.sealed = !r.sealed
		return nil
	}},
	{Binding: keyPath, Enabled: (*reportStep).ready, Run: func(r *reportStep, _ tea.KeyPressMsg) tea.Cmd {
		return r.path.FocusSelected() // typing replaces the path; an arrow key keeps it to edit
	}},
	{Binding: keyExport, Enabled: (*reportStep).ready, Run: func(r *reportStep, _ tea.KeyPressMsg) tea.Cmd { return r.export(false) }},
	{Binding: kit.NewBinding("enter", "enter", "done"), HelpOnly: true, Enabled: func(r *reportStep) bool { return r.path.Focused() }},
	{Binding: kit.NewBinding("esc", "esc", "restore default"), HelpOnly: true, Enabled: func(r *reportStep) bool { return r.path.Focused() }},
}, kit.DialogRows(func(*reportStep) bool { return false }, func(r *reportStep) bool { return r.replace != nil })...)

// ready is true while no export runs and neither the path field nor a question has the
// keyboard.
func (r *reportStep) ready() bool { return !r.running && !r.path.Focused() && r.replace == nil }

// Update handles choices, the path field and the export's progress.
func (r *reportStep) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportProgressMsg:
		if msg.total > 0 {
			r.done = float64(msg.done) / float64(msg.total)
		}
		return msg.next
	case exportDoneMsg:
		r.running = false
		if msg.err != nil {
			r.failed = msg.err.Error()
			return r.h.Refuse(msg.err)
		}
		r.written, r.failed, r.sealInfo = msg.paths, "", msg.seal
		r.exported++
		said := "Written: " + strings.Join(msg.paths, ", ")
		if msg.seal != "" {
			said += " (sealed; the key's fingerprint is shown above)"
		}
		r.h.Say(said)
		return nil
	case exportExistsMsg:
		r.running = false
		q := fmt.Sprintf("%s already exists. Replace it with this export?", kit.Vis(msg.err.Path))
		r.replace = kit.NewConfirm(kit.Wrap(q, kit.DialogWidth(r.width)), msg.err.Path)
		return nil
	}
	if r.replace != nil {
		if done, yes := r.replace.Update(msg); done {
			r.replace = nil
			if yes {
				return r.export(true)
			}
			r.h.Say("Nothing was written; the existing file is as it was. Press o to choose another name.")
		}
		return nil
	}
	if r.path.Focused() {
		return r.updatePath(msg)
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := reportKeys.Dispatch(r, kp)
		return cmd
	}
	return nil
}

func (r *reportStep) updatePath(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch kp.String() {
		case "enter":
			r.path.Blur()
			r.pathSet = true
			return nil
		case "esc":
			r.path.Blur()
			r.pathSet = false
			r.defaultPath()
			return nil
		}
	}
	var cmd tea.Cmd
	r.path, cmd = r.path.Update(msg)
	return cmd
}

// export runs the export in a command and streams its progress back through a channel. Every
// file goes through the store's guard: never over the database or its companions, and over
// an existing file only once the assessor said so (replace).
func (r *reportStep) export(replace bool) tea.Cmd {
	k := exportKinds[r.kind]
	path := strings.TrimSpace(r.path.Value())
	if path == "" {
		return r.h.Refuse(fmt.Errorf("the output path is empty; press o and type where to write the file"))
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	r.running, r.done, r.failed, r.written, r.sealInfo = true, 0, "", nil, ""
	s, cat, now := r.store, r.h.Catalogue(), r.h.Now()
	a := r.h.Copy() // the export reads its own copy while the assessor goes on editing
	draft, sealed := r.draft, r.sealed
	events := make(chan tea.Msg, 64)
	// next re-reads the channel; each message comes back to this step, on screen or not.
	var next tea.Cmd
	next = r.h.Background(func() tea.Msg {
		msg := <-events
		if p, ok := msg.(exportProgressMsg); ok {
			p.next = next
			return p
		}
		return msg
	})
	go func() {
		opts := report.Options{GapOnly: k.gapOnly, Draft: draft, AsOf: now, MayWrite: s.OutputGuard(replace),
			Progress: func(done, total int) {
				select {
				case events <- exportProgressMsg{done: done, total: total}:
				default: // the screen is behind; it will catch up with the next one
				}
			}}
		var err error
		if opts.Fingerprint, err = s.ChainHead(); err == nil && a.PreviousID != "" {
			opts.Previous, _ = s.Load(a.PreviousID)
		}
		var seal string
		switch {
		case err != nil:
		case k.format == "json":
			seal, err = exportBundle(s, a, path, sealed, opts)
		default:
			err = report.ExportFile(path, k.format, cat, a, opts)
		}
		if exists := (*store.OutputExistsError)(nil); errors.As(err, &exists) {
			events <- exportExistsMsg{exists}
			return
		}
		events <- exportDoneMsg{paths: report.OutputPaths(path, k.format), seal: seal, err: err}
	}()
	return next
}

// View shows the choices, the path, the progress and what was written.
func (r *reportStep) View() string {
	st := r.h.Styles()
	if r.replace != nil {
		return lipgloss.Place(r.width, r.height, lipgloss.Center, lipgloss.Center, r.replace.View(st))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render("Export") + "\n\n")
	for i, k := range exportKinds {
		mark := "( )"
		if i == r.kind {
			mark = "(•)"
		}
		b.WriteString(fmt.Sprintf("  %s %s\n", mark, k.label))
	}
	if f := exportKinds[r.kind].format; f == "pdf" || f == "docx" {
		b.WriteString("\n  " + r.draftLine() + "\n")
	} else if f == "json" {
		b.WriteString("\n  " + r.sealLine() + "\n")
	}
	if r.path.Focused() || r.path.Value() == "" {
		b.WriteString("\n  Output  " + r.path.View() + "\n")
	} else { // the whole path, so the assessor can read where the file goes
		lines := strings.Split(breakPath(kit.Vis(r.path.Value()), max(r.width-12, 20)), "\n")
		b.WriteString("\n  Output  " + strings.Join(lines, "\n          ") + "\n")
	}
	if !r.pathSet && len(r.written) == 0 {
		b.WriteString(st.Subtle.Render("          (default: this folder; organisation, date and assessment ID in the name)") + "\n")
	}
	b.WriteString("\n")
	switch {
	case r.running:
		b.WriteString("  Exporting…  " + r.bar.ViewAs(r.done) + "\n")
	case r.failed != "":
		b.WriteString(st.Error.Render(kit.Wrap("  Export failed: "+kit.Vis(r.failed), r.width-4)) + "\n")
	case len(r.written) > 0:
		b.WriteString(st.Saved.Render("  ✓ Written: ") + r.writtenText() + "\n")
		if r.sealInfo != "" {
			b.WriteString(indent(kit.Wrap(kit.Vis(r.sealInfo), max(r.width-8, 20)), "    ") + "\n")
		}
	}
	sum := r.h.Summary()
	b.WriteString("\n" + st.Subtle.Render(kit.Wrap(fmt.Sprintf("The report states the verdict \"%s\" (level %d), %d of %d items assessed, and prints the audit-chain fingerprint so it can be tied to this exact data. Files are written with owner-only permissions.",
		sum.Verdict, sum.Level, sum.Assessed, sum.Total), r.width-4)))
	return b.String()
}

// draftLine says whether the PDF will print DRAFT: because the assessor asked, or because the
// data does not allow a final report yet (assessment.DraftReasons), whatever the toggle says.
func (r *reportStep) draftLine() string {
	if r.draft {
		return "[x] DRAFT on every page"
	}
	why := assessment.DraftReasons(r.h.Assessment(), *r.h.Summary())
	if len(why) == 0 {
		return "[ ] DRAFT on every page (off: this report prints FINAL)"
	}
	text := kit.Wrap("The report prints DRAFT all the same: "+kit.Vis(strings.Join(why, "; "))+".", max(r.width-10, 20))
	return "[ ] DRAFT on every page\n" + r.h.Styles().Subtle.Render("      "+strings.ReplaceAll(strings.TrimRight(text, " \n"), "\n", "\n      "))
}

// sealLine says whether the bundle will be sealed, and how the receiver checks it.
func (r *reportStep) sealLine() string {
	mark := "[ ]"
	if r.sealed {
		mark = "[x]"
	}
	return mark + " Sealed with your signing key" + r.h.Styles().Subtle.Render(kit.Truncate(" (anyone can check it offline with verify-bundle)", max(r.width-36, 1)))
}

// exportBundle writes the JSON bundle with its origin, so the copy can be merged later, and
// sealed with the assessor's key when asked, as 'export --format json --sealed' does. It
// returns what the result line says about the seal: the key's fingerprint, and where the
// key was made when this export made it.
func exportBundle(s *store.Store, a *assessment.Assessment, path string, sealed bool, opts report.Options) (string, error) {
	origin, err := s.Origin(a.ID)
	if err != nil {
		return "", err
	}
	bundle := report.BundleOptions{Origin: origin, SealedAt: opts.AsOf, SealedBy: origin.Exported.By}
	said := ""
	if opts.MayWrite != nil { // asked first, so a key is not made for a bundle that is not written
		if err := opts.MayWrite(path); err != nil {
			return "", err
		}
	}
	if sealed {
		folder, err := store.ConfigFolder()
		if err != nil {
			return "", err
		}
		key, made, err := report.LoadOrCreateKey(folder)
		if err != nil {
			return "", err
		}
		bundle.Key, said = key, "Sealed with key "+key.Fingerprint()
		if made {
			said += " (made now in " + key.Path + "; back up that folder)"
		}
	}
	return said, report.ExportBundle(path, a, bundle, opts.MayWrite)
}

// writtenText names what was written in one line: the output path shown above is not
// repeated, and files written beside it are named without their folder.
func (r *reportStep) writtenText() string {
	out := r.path.Value()
	if len(r.written) == 1 && r.written[0] == out {
		return "the file above"
	}
	if len(r.written) == 1 {
		return kit.Vis(r.written[0])
	}
	return kit.Truncate(fmt.Sprintf("%d files in %s, named like the path above", len(r.written), kit.Vis(filepath.Dir(r.written[0]))), max(r.width-14, 20))
}

// breakPath cuts a path into lines of at most width cells, so a long one is read whole
// rather than cut off at the screen's edge.
func breakPath(p string, width int) string {
	var lines []string
	for r := []rune(p); len(r) > 0; {
		n := min(width, len(r))
		lines = append(lines, string(r[:n]))
		r = r[n:]
	}
	return strings.Join(lines, "\n")
}

// indent starts every line of text with prefix.
func indent(text, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimRight(text, " \n"), "\n", "\n"+prefix)
}
