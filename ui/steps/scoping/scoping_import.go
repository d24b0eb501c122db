package scoping

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// inventoryReview is an inventory file read and matched to the inventory by name, shown
// for the assessor to confirm before anything is written.
type inventoryReview struct {
	path          string
	plan          assessment.InventoryPlan
	deleteMissing bool // the assessor asked to delete the systems the file does not name
}

// inventoryReadMsg carries an inventory file read and parsed off the UI goroutine.
type inventoryReadMsg struct {
	aid  string
	seq  int
	path string
	rows []assessment.InventoryRow
	err  error
}

// openImport asks for the path of an inventory CSV; the last path is offered selected, so
// a new one typed replaces it.
func (s *scoping) openImport() tea.Cmd {
	s.sheet = kit.NewSheet("Import AI systems from a CSV file", s.width-2).
		PathField("path", "File", s.importPath, "e.g. ~/Downloads/inventory.csv")
	s.sheet.Intro = "Columns are found by their header: " + strings.Join(assessment.InventoryColumns, ", ") +
		" (only name is required). Comma or semicolon separated, UTF-8. Systems are matched to the inventory by name, " +
		"and you see what changes before anything is written."
	return nil
}

// updateSheet passes keys to the path sheet; saving reads the file.
func (s *scoping) updateSheet(msg tea.Msg) tea.Cmd {
	switch s.sheet.Update(msg) {
	case kit.Cancelled:
		s.sheet = nil
		s.h.Say("Cancelled; nothing was imported.")
	case kit.Saved:
		path := s.sheet.Get("path")
		if path == "" {
			s.sheet.Err = "type the path of the file, e.g. ~/Downloads/inventory.csv"
			return nil
		}
		s.sheet = nil
		return s.readInventory(path)
	}
	return nil
}

// readInventory reads and parses the file in a command; the reply is tagged so a late
// answer to an earlier import is dropped.
func (s *scoping) readInventory(path string) tea.Cmd {
	path = cleanPath(path)
	s.importPath, s.importing, s.importFail, s.review = path, path, nil, nil
	s.importSeq++
	seq, aid, cat := s.importSeq, s.h.Assessment().ID, s.h.Catalogue()
	s.h.Say("Reading " + kit.Vis(path) + "…")
	return s.h.Background(func() (out tea.Msg) {
		msg := inventoryReadMsg{aid: aid, seq: seq, path: path}
		defer func() {
			if p := recover(); p != nil { // a parser bug must not take the workbench down
				msg.rows, msg.err = nil, fmt.Errorf("%s could not be read as an inventory (%v); check it is a CSV file saved from the spreadsheet", path, p)
				out = msg
			}
		}()
		info, err := os.Stat(path)
		switch {
		case err != nil:
			msg.err = fmt.Errorf("cannot open %s: %w; check the path", path, errors.Unwrap(err))
		case info.IsDir():
			msg.err = fmt.Errorf("%s is a folder; give the path of the CSV file inside it", path)
		case info.Size() > maxInventoryBytes:
			msg.err = fmt.Errorf("%s is %d MB, too large for an inventory; is it the right file?", path, info.Size()>>20)
		default:
			var data []byte
			if data, err = os.ReadFile(path); err != nil {
				msg.err = fmt.Errorf("cannot read %s: %w", path, err)
			} else {
				msg.rows, msg.err = assessment.ReadInventoryCSV(cat, data)
			}
		}
		return msg
	})
}

// cleanPath accepts a path as typed or dropped on the terminal: quoted, or starting with ~.
func cleanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
		p = p[1 : len(p)-1]
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	return p
}

// inventoryRead matches the file to the inventory and shows what importing it would do, or
// shows every problem of the file.
func (s *scoping) inventoryRead(m inventoryReadMsg) tea.Cmd {
	if m.aid != s.h.Assessment().ID || m.seq != s.importSeq {
		return nil // an earlier import, overtaken
	}
	s.importing = ""
	var plan assessment.InventoryPlan
	err := m.err
	if err == nil {
		plan, err = assessment.PlanInventoryImport(s.h.Assessment().Systems, m.rows)
	}
	if err != nil {
		f := &importFailure{path: m.path}
		var rows assessment.InventoryErrors
		if errors.As(err, &rows) {
			f.rows = rows
		} else {
			f.message = err.Error()
		}
		s.importFail = f
		return s.h.Refuse(errors.New("import refused; nothing was imported. The problems are listed under the table"))
	}
	s.section, s.review = secInventory, &inventoryReview{path: m.path, plan: plan}
	s.h.Say("Nothing is written yet: check the changes below, then enter imports them or esc discards them.")
	return nil
}

// applyImport imports the reviewed file, asking first when it deletes systems.
func (s *scoping) applyImport() tea.Cmd {
	r := s.review
	if r.plan.Writes() == 0 && !r.deleteMissing {
		s.review = nil
		s.h.Say("The inventory already matches " + kit.Vis(filepath.Base(r.path)) + "; nothing to import.")
		return nil
	}
	apply := func() tea.Cmd {
		s.review = nil
		return s.h.Apply(steps.ImportInventory{Plan: r.plan, DeleteMissing: r.deleteMissing, From: r.path})
	}
	if !r.deleteMissing || len(r.plan.Missing) == 0 {
		return apply()
	}
	s.confirm = kit.NewConfirm(s.question(fmt.Sprintf("Import %s and delete from the inventory the %s it does not name (%s)?",
		kit.Vis(filepath.Base(r.path)), kit.Plural(len(r.plan.Missing), "AI system"), kit.Vis(systemList(r.plan.Missing)))), r.path)
	s.onConfirm = apply
	return nil
}

// imported shows what the import wrote, with the numbers the store gave new systems.
func (s *scoping) imported(in steps.ImportInventory, done store.InventoryImported) {
	s.section = secInventory
	if len(done.Added) > 0 {
		s.cursor[secInventory] = max(len(s.h.Assessment().Systems)-len(done.Added), 0)
	}
	kept := ""
	if n := len(in.Plan.Missing); n > 0 && !in.DeleteMissing {
		kept = fmt.Sprintf(", %s not in the file kept", kit.Plural(n, "system"))
	}
	s.h.Say(fmt.Sprintf("Imported %s: %d added, %d updated, %d unchanged, %d deleted%s.", kit.Vis(filepath.Base(in.From)),
		len(done.Added), len(done.Updated), len(in.Plan.Unchanged), len(done.Deleted), kept))
}

// reviewView says what importing the file would do, section by section, as many names as fit.
func (s *scoping) reviewView(width, height int) string {
	st := s.h.Styles()
	r := s.review
	p := r.plan
	var b strings.Builder
	b.WriteString(st.Title.Render(kit.Truncate("Import of "+kit.Vis(filepath.Base(r.path))+": nothing is written until you press enter", width)) + "\n")
	names := func(list []assessment.AISystem) string { return kit.Vis(systemList(list)) }
	var changed []string
	for _, u := range p.Changed {
		changed = append(changed, kit.Vis(u.Stored.Name)+" ("+strings.Join(u.Fields, ", ")+")")
	}
	missing := "kept in the inventory (m deletes them too)"
	if r.deleteMissing {
		missing = st.Warning.Render("deleted with the import (m keeps them)")
	}
	for _, line := range []struct{ mark, head, list string }{
		{"+", kit.Plural(len(p.New), "new system") + ", added", names(p.New)},
		{"~", kit.Plural(len(p.Changed), "changed system") + ", updated", strings.Join(changed, "; ")},
		{"=", kit.Plural(len(p.Unchanged), "system") + " unchanged", ""},
		{"?", kit.Plural(len(p.Missing), "system") + " not in the file, " + missing, names(p.Missing)},
	} {
		text := line.mark + " " + line.head
		if line.list != "" {
			text += ": " + line.list
		}
		b.WriteString(clip(kit.Wrap(text, width), max((height-1)/4, 2)) + "\n")
	}
	return b.String()
}

// systemList names systems, comma-separated.
func systemList(list []assessment.AISystem) string {
	var out []string
	for _, sys := range list {
		out = append(out, sys.Name)
	}
	return strings.Join(out, ", ")
}

// clip keeps the first n lines of text, ending in … when it cut some.
func clip(text string, n int) string {
	lines := strings.Split(text, "\n")
	if len(lines) <= n {
		return text
	}
	lines = lines[:n]
	lines[n-1] = strings.TrimRight(lines[n-1], " ") + " …"
	return strings.Join(lines, "\n")
}

// Back discards an inventory file waiting for review; esc then goes home as on other steps.
func (s *scoping) Back() bool {
	if s.review == nil {
		return false
	}
	s.review = nil
	s.h.Say("Import discarded; nothing was written.")
	return true
}

// reviewing is true while an inventory file waits for the assessor's word.
func (s *scoping) reviewing() bool {
	return s.review != nil && s.form == nil && s.confirm == nil && s.sheet == nil
}
