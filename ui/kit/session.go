package kit

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/theme"
)

// Session is what the home screen and the workspace share: the store, the catalogue, the
// palette, the clock, the folder exports go to and the ordered writer. It is passed to
// constructors, never kept in package globals. Steps do not see it: they get a
// steps.Host.
type Session struct {
	Store  *store.Store
	Cat    *checklists.Catalogue
	Styles theme.Styles
	Now    func() time.Time
	// WorkDir is where exports go by default: the folder the workbench was started in.
	WorkDir string
	// ReadOnly says why edits are not accepted ("" when they are).
	ReadOnly string
	Writer   *Writer
}

// Writer runs store writes one at a time, in the order the user made the edits, off the UI
// goroutine. Without it two quick keypresses could reach the database in the wrong order
// and the file would disagree with the screen.
type Writer struct{ jobs chan writeJob }

type writeJob struct {
	run  func() tea.Msg
	done chan tea.Msg
}

// NewWriter starts the writer's goroutine.
func NewWriter() *Writer {
	w := &Writer{jobs: make(chan writeJob, 1024)}
	go func() {
		for j := range w.jobs {
			j.done <- j.run()
		}
	}()
	return w
}

// Queue queues a job now (so order follows Update) and returns the command that delivers
// the job's message once it has run.
func (w *Writer) Queue(job func() tea.Msg) tea.Cmd {
	j := writeJob{run: job, done: make(chan tea.Msg, 1)}
	w.jobs <- j
	return func() tea.Msg { return <-j.done }
}

// FlushedMsg says every write queued before it is on disk.
type FlushedMsg struct{}

// Flush returns a command that completes once every earlier write has finished.
func (w *Writer) Flush() tea.Cmd {
	return w.Queue(func() tea.Msg { return FlushedMsg{} })
}

// Save queues write and returns the command that reports its outcome as the message
// built by reply.
func (w *Writer) Save(write func() error, reply func(error) tea.Msg) tea.Cmd {
	return w.Queue(func() tea.Msg { return reply(write()) })
}
