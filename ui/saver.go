package ui

import tea "charm.land/bubbletea/v2"

// saver runs store writes one at a time, in the order the user made the edits, off the UI
// goroutine. Without it two quick keypresses could reach the database in the wrong order
// and the file would disagree with the screen.
type saver struct{ jobs chan saveJob }

type saveJob struct {
	run  func() error
	done chan error
}

func newSaver() *saver {
	s := &saver{jobs: make(chan saveJob, 1024)}
	go func() {
		for j := range s.jobs {
			j.done <- j.run()
		}
	}()
	return s
}

// save queues a write now (so order follows Update) and returns the command that reports
// its outcome as the message built by reply.
func (s *saver) save(write func() error, reply func(error) tea.Msg) tea.Cmd {
	j := saveJob{run: write, done: make(chan error, 1)}
	s.jobs <- j
	return func() tea.Msg { return reply(<-j.done) }
}

// flushedMsg says every write queued before it is on disk.
type flushedMsg struct{}

// flush returns a command that completes once every earlier write has finished.
func (s *saver) flush() tea.Cmd {
	return s.save(func() error { return nil }, func(error) tea.Msg { return flushedMsg{} })
}
