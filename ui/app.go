package ui

import (
	"fmt"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/home"
	"aimsbench/ui/kit"
	"aimsbench/ui/merge"
	"aimsbench/ui/steps"
	"aimsbench/ui/steps/gaps"
	"aimsbench/ui/steps/maturity"
	"aimsbench/ui/steps/ncs"
	"aimsbench/ui/steps/readiness"
	"aimsbench/ui/steps/records"
	"aimsbench/ui/steps/report"
	"aimsbench/ui/steps/risks"
	"aimsbench/ui/steps/scoping"
	"aimsbench/ui/steps/soa"
	"aimsbench/ui/steps/tests"
	"aimsbench/ui/theme"
	"aimsbench/ui/workspace"
)

// Minimum terminal size the layout is designed for.
const (
	minWidth  = 80
	minHeight = 24
)

// App is the root model: the home screen, the workspace of one open assessment, or the merge
// screen opened from home.
type App struct {
	c          *kit.Session
	home       *home.Model
	work       *workspace.Model // nil on the home screen
	merge      *merge.Model     // the merge screen, opened from home; nil when closed
	width      int
	height     int
	showHelp   bool
	help       kit.Pane // the ? help scrolls when it is taller than the terminal
	quitting   bool
	firstFrame bool // exit after the first full frame (start-up measurement)
}

// Options configure the application.
type Options struct {
	// ExitAfterFirstFrame quits once the home screen has drawn its data; only the start-up
	// benchmark uses it.
	ExitAfterFirstFrame bool
	// Banner is shown above every screen; a read-only session says why here. When set, the
	// workbench does not accept edits.
	Banner string
}

// New builds the application on an open store.
func New(s *store.Store, cat *checklists.Catalogue, opts Options) *App {
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	c := &kit.Session{Store: s, Cat: cat, Styles: theme.New(), Now: time.Now, WorkDir: dir, ReadOnly: opts.Banner, Writer: kit.NewWriter()}
	return &App{c: c, home: home.New(c), firstFrame: opts.ExitAfterFirstFrame}
}

// stepsOf builds the steps of an open assessment, in workflow order (steps.ID).
func stepsOf(c *kit.Session) []workspace.Factory {
	return []workspace.Factory{
		scoping.New,
		func(h steps.Host) steps.Step { return gaps.New(h, c.Store) },
		soa.New,
		risks.New,
		tests.New,
		maturity.New,
		ncs.New,
		records.New,
		readiness.New,
		func(h steps.Host) steps.Step { return report.New(h, c.Store) },
	}
}

// Run starts the terminal UI and returns when the user quits.
func Run(s *store.Store, cat *checklists.Catalogue, opts Options) error {
	_, err := tea.NewProgram(New(s, cat, opts)).Run()
	return err
}

// Init loads the list of assessments.
func (m *App) Init() tea.Cmd { return m.home.Load() }

var (
	keyQuit     = kit.NewBinding("q", "q", "quit")
	keyForceQ   = kit.NewBinding("ctrl+c", "ctrl+c", "quit")
	keyHelp     = kit.NewBinding("?", "?", "help")
	keyBackHome = kit.NewBinding("esc", "esc", "back")
)

// quit waits for every queued save to reach the disk, then ends the program.
func (m *App) quit() tea.Cmd {
	m.quitting = true
	return m.c.Writer.Flush()
}

// Update routes messages: global keys first unless a field has the keyboard, then the
// active screen.
func (m *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.home.SetSize(msg.Width, m.bodyHeight())
		if m.work != nil {
			m.work.SetSize(msg.Width, m.bodyHeight())
		}
		if m.merge != nil {
			m.merge.SetSize(msg.Width, m.bodyHeight())
		}
		return m, nil
	case kit.FlushedMsg:
		if m.quitting {
			return m, tea.Quit
		}
		return m, nil
	case home.OpenedMsg:
		if msg.Err != nil {
			m.home.Fail(msg.Err)
			return m, nil
		}
		m.work = workspace.New(m.c, msg.A, msg.Seq, stepsOf(m.c))
		m.work.SetSize(m.width, m.bodyHeight())
		return m, m.work.Init()
	case home.MergeMsg:
		m.merge = merge.New(m.c, msg.ID, msg.Title)
		m.merge.SetSize(m.width, m.bodyHeight())
		return m, m.merge.Init()
	case merge.DoneMsg:
		m.merge = nil
		m.home.Say(msg.Text)
		return m, m.home.Load()
	case workspace.CloseMsg:
		m.work = nil
		return m, m.home.Load()
	case home.ListedMsg:
		cmd := m.home.Update(msg)
		if m.firstFrame && msg.Err == nil {
			return m, tea.Sequence(cmd, tea.Quit)
		}
		return m, cmd
	case tea.KeyPressMsg:
		if m.tooSmall() { // the screen is hidden: no key may act on it unseen
			if key.Matches(msg, keyQuit, keyForceQ) {
				return m, m.quit()
			}
			return m, nil
		}
		if cmd, handled := appKeys.Dispatch(m, msg); handled {
			return m, cmd
		}
		if m.showHelp {
			return m, nil // the help has the keyboard until it is closed
		}
	}
	if m.work != nil {
		return m, m.work.Update(msg)
	}
	if m.merge != nil {
		return m, m.merge.Update(msg)
	}
	return m, m.home.Update(msg)
}

// appKeys are the keys every screen shares: ctrl+c always quits; q, ? and esc (in the help)
// only while no field has the keyboard, where they are letters.
var appKeys = kit.Keys[*App]{
	{Binding: keyHelp, Enabled: notTyping, Run: func(m *App, _ tea.KeyPressMsg) tea.Cmd {
		m.showHelp = !m.showHelp
		m.help.Reset()
		return nil
	}},
	{Binding: keyQuit, Enabled: notTyping, Run: func(m *App, _ tea.KeyPressMsg) tea.Cmd { return m.quit() }},
	{Binding: keyForceQ, Run: func(m *App, _ tea.KeyPressMsg) tea.Cmd { return m.quit() }},
	{Binding: keyBackHome, Enabled: helping, Hidden: true,
		Run: func(m *App, _ tea.KeyPressMsg) tea.Cmd { m.showHelp = false; return nil }},
	{Binding: keyHelpDown, Enabled: helping, Hidden: true, Run: func(m *App, _ tea.KeyPressMsg) tea.Cmd { m.help.Scroll(1); return nil }},
	{Binding: keyHelpUp, Enabled: helping, Hidden: true, Run: func(m *App, _ tea.KeyPressMsg) tea.Cmd { m.help.Scroll(-1); return nil }},
}

// Keys that scroll the ? help, listed in its closing line rather than among the screen's.
var (
	keyHelpDown = kit.NewBinding("down j J pgdown", "↓", "scroll help")
	keyHelpUp   = kit.NewBinding("up k K pgup", "↑", "scroll help")
)

func helping(m *App) bool { return m.showHelp && !m.typing() }

func notTyping(m *App) bool { return !m.typing() }

func (m *App) typing() bool {
	if m.work != nil {
		return m.work.Typing()
	}
	if m.merge != nil {
		return m.merge.Typing()
	}
	return m.home.Typing()
}

// View draws the active screen, or a clear message when the terminal is too small.
func (m *App) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.WindowTitle = "aimsbench"
	v.ReportFocus = true // a workspace reads the data again when it changed meanwhile
	return v
}

func (m *App) content() string {
	if m.width == 0 {
		return "Loading…"
	}
	if m.tooSmall() {
		text := fmt.Sprintf("The terminal is %d×%d; aimsbench needs at least %d×%d. Enlarge the window (or reduce the font size) "+
			"and the screen comes back as you left it. Every saved edit is safe; q or ctrl+c quits.", m.width, m.height, minWidth, minHeight)
		if m.typing() {
			text += " A form is open: enlarge the window to finish it, as quitting now drops what it holds."
		}
		return kit.Wrap(text, max(m.width-1, 10))
	}
	if m.showHelp {
		return m.helpView()
	}
	body := m.home.View()
	if m.work != nil {
		body = m.work.View()
	} else if m.merge != nil {
		body = m.merge.View()
	}
	if banner := m.banner(); banner != "" {
		body = banner + "\n" + body
	}
	return body
}

// banner says why the session is read-only, wrapped onto at most two lines so the sentence
// that says what to do (restore from a backup, work on a copy) is read whole.
func (m *App) banner() string {
	if m.c.ReadOnly == "" {
		return ""
	}
	lines := strings.Split(kit.Wrap(kit.Vis(m.c.ReadOnly), max(m.width-2, 1)), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = kit.Truncate(lines[1]+" …", m.width-2)
	}
	for i, l := range lines {
		lines[i] = m.c.Styles.Warning.Reverse(true).Render(kit.Pad(" "+strings.TrimRight(l, " ")+" ", m.width))
	}
	return strings.Join(lines, "\n")
}

// tooSmall reports whether the terminal is below the size the layout needs: the screen is
// replaced by a notice and only the quit keys work.
func (m *App) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// bodyHeight is the height left for the screen below the read-only banner, if any.
func (m *App) bodyHeight() int {
	if banner := m.banner(); banner != "" {
		return m.height - strings.Count(banner, "\n") - 1
	}
	return m.height
}

// helpView lists every key of the active screen and the global ones.
func (m *App) helpView() string {
	h := help.New()
	h.SetWidth(10 * m.width) // helpColumns fits the columns to the screen
	var screenKeys [][]key.Binding
	name := "Home"
	if m.work != nil {
		name = m.work.Name()
		screenKeys = m.work.FullHelp()
	} else if m.merge != nil {
		name = "Merge"
		screenKeys = m.merge.FullHelp()
	} else {
		screenKeys = m.home.FullHelp()
	}
	var global []key.Binding
	for _, k := range appKeys {
		if !k.Hidden {
			global = append(global, k.Binding)
		}
	}
	keys := helpColumns(h, append(screenKeys, global), m.width-4)
	closing := m.c.Styles.Subtle.Render(kit.Wrap("Every edit is saved at once. q quits (not while typing); ctrl+c always quits. ? or esc closes this help; ↓/↑ scroll it.", m.width-4))
	body := m.help.View(keys+"\n\n"+closing, m.height-4, m.c.Styles)
	return lipgloss.NewStyle().Padding(1, 2).Render(m.c.Styles.Title.Render("Keys — "+name) + "\n\n" + body)
}

// helpColumns lays the key columns side by side, starting a new row of columns where the
// next one would not fit, so no key is cut off on a narrow terminal.
func helpColumns(h help.Model, groups [][]key.Binding, width int) string {
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(append(row, g))) > width {
			rows = append(rows, h.FullHelpView(row))
			row = nil
		}
		row = append(row, g)
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	return strings.Join(rows, "\n\n")
}
