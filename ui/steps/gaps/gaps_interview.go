package gaps

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// interview is the logged interview the assessor holds while judging. Every item judged
// while it runs cites it once as evidence (assessment.InterviewEvidence) and is added to
// the items the log says it discussed, so the log and the citations agree.
type interview struct {
	number int             // the interview's number in the log; 0 while the store is numbering a new one
	judged []string        // item IDs, in the order they were first judged
	first  checklists.Item // the item a new interview is logged on
}

// logged is the session's interview as the log on screen holds it.
func (g *gaps) logged() (assessment.Interview, bool) {
	if g.session == nil || g.session.number == 0 {
		return assessment.Interview{}, false
	}
	return g.h.Assessment().InterviewByNumber(g.session.number)
}

// banner is the interview's line above the list, the count first so it shows on a narrow
// list.
func (g *gaps) banner() string {
	iv, ok := g.logged()
	switch {
	case !ok && g.session.number == 0:
		return "● Interview: logging it…"
	case !ok: // deleted from the log elsewhere meanwhile: nothing more can cite it
		return fmt.Sprintf("● Interview %s is no longer in the log; nothing cites it now · I ends", assessment.Interview{Number: g.session.number}.Label())
	}
	return fmt.Sprintf("● Interview %s, %d judged: %s, %s · I ends", iv.Label(), len(g.session.judged), whoOf(iv), kit.DateText(iv.Date))
}

// whoOf names the person interviewed and their role, made visible.
func whoOf(iv assessment.Interview) string {
	who := kit.Vis(iv.Name)
	if strings.TrimSpace(iv.Role) != "" {
		who += " (" + kit.Vis(iv.Role) + ")"
	}
	return who
}

// cites reports whether an item's evidence already cites an interview of the log.
func cites(r *assessment.Result, number int) bool {
	return slices.ContainsFunc(r.Evidence, func(e assessment.Evidence) bool { return e.Interview == number })
}

// cite adds the session's interview to a judgement as evidence, once per item: not when the
// item already cites it, nor when the judgement removes evidence. It returns the interview
// when its list of items discussed must gain the item.
func (g *gaps) cite(item checklists.Item, j *assessment.Judgement) (assessment.Interview, bool) {
	iv, ok := g.logged()
	if !ok || slices.Contains(g.session.judged, item.ID) || (j.EditEvidence != nil && j.EditEvidence.Now == nil) {
		return iv, false
	}
	if !cites(g.h.Assessment().Result(item), iv.Number) {
		j.AddEvidence = append(j.AddEvidence, assessment.InterviewEvidence(iv, g.h.Now().UTC()))
	}
	g.session.judged = append(g.session.judged, item.ID)
	return iv, !iv.Discussed(g.h.Catalogue(), item.ID)
}

// discussed adds an item to the interview's items in the log.
func (g *gaps) discussed(iv assessment.Interview, item checklists.Item) tea.Cmd {
	next := iv
	next.Items = append(slices.Clone(iv.Items), item.ID)
	return g.h.Apply(steps.PutRecord{Base: &iv, Next: &next})
}

// interviewChoices lists the interviews of the log for a choice field: those that
// discussed the item first (when one is given), then the most recent first.
func (g *gaps) interviewChoices(itemID string) (values, names []string) {
	list := slices.Clone(g.h.Assessment().Interviews)
	slices.SortStableFunc(list, func(x, y assessment.Interview) int {
		xi, yi := itemID != "" && x.Discussed(g.h.Catalogue(), itemID), itemID != "" && y.Discussed(g.h.Catalogue(), itemID)
		switch {
		case xi && !yi:
			return -1
		case yi && !xi:
			return 1
		}
		return y.Number - x.Number
	})
	for _, iv := range list {
		values = append(values, strconv.Itoa(iv.Number))
		// The choice is one line beside its label and arrows.
		names = append(names, kit.Truncate(fmt.Sprintf("%s of %s: %s", iv.Label(), kit.DateText(iv.Date), whoOf(iv)), g.detailWidth()-22))
	}
	return values, names
}

// startInterview asks which interview is held: a logged one, or a new one to log with who
// is interviewed, in which role and on which day. The log lists at least one item an
// interview discussed, so a new one is logged on the item selected.
func (g *gaps) startInterview() tea.Cmd {
	item, ok := g.selected()
	if !ok {
		return g.h.Refuse(errors.New("select the item the interview starts on, then press I"))
	}
	values, names := g.interviewChoices("")
	values, names = append([]string{"new"}, values...), append([]string{"new: who and when below"}, names...)
	g.sheet = kit.NewSheet("Start an interview", g.detailWidth()).
		ChoiceField("which", "Interview", values, names, "new").
		LineField("name", "Interviewee", "", "name").
		LineField("role", "Role", "", "e.g. Head of Data Science").
		LineField("day", "Date", kit.DateInput(g.h.Now()), "YYYY-MM-DD")
	g.sheet.Intro = "←/→ picks an interview of the log; for a new one, tab to who and when: it is logged as discussing " +
		item.ID + ". Every item you judge until you press I again cites it as evidence and is added to the items it discussed."
	g.onSheet = func(s *kit.Sheet) (tea.Cmd, error) {
		if which := s.Get("which"); which != "new" {
			n, _ := strconv.Atoi(which)
			g.session = &interview{number: n}
			iv, _ := g.logged()
			g.h.Say(fmt.Sprintf("Interview %s with %s resumed: every item you judge now cites it. I ends it.", iv.Label(), kit.Vis(iv.Name)))
			return nil, nil
		}
		if strings.TrimSpace(s.Get("name")) == "" {
			return nil, errors.New("name the person interviewed, or pick a logged interview with ←/→")
		}
		day, err := assessment.ParseDate(s.Get("day"))
		if err != nil {
			return nil, fmt.Errorf("the interview's date: %w", err)
		}
		cmd := g.h.Apply(steps.PutRecord{Next: &assessment.Interview{Name: s.Get("name"), Role: s.Get("role"), Date: day, Items: []string{item.ID}}})
		if cmd != nil {
			g.session = &interview{first: item} // numbered when the store replies (interviewLogged)
		}
		return cmd, nil
	}
	return nil
}

// interviewLogged starts the session on the interview the store has just numbered, and
// cites it on the item it was logged on.
func (g *gaps) interviewLogged(msg steps.Saved) tea.Cmd {
	if g.session == nil || g.session.number != 0 {
		return nil
	}
	if msg.Err != nil {
		g.session = nil // the workspace says why
		return nil
	}
	iv := msg.Record.(assessment.Interview)
	g.session.number = iv.Number
	g.h.Say(fmt.Sprintf("Interview %s with %s logged; %s cites it, and so will every item you judge now. I ends it.", iv.Label(), kit.Vis(iv.Name), g.session.first.ID))
	return g.judge(g.session.first, assessment.Judgement{}, nil)
}

// endInterview ends the interview and says how many items cite it.
func (g *gaps) endInterview() tea.Cmd {
	iv, ok := g.logged()
	n := len(g.session.judged)
	g.session = nil
	if !ok {
		g.h.Say("Interview ended.")
		return nil
	}
	g.h.Say(fmt.Sprintf("Interview %s with %s ended; it is evidence for %s.", iv.Label(), kit.Vis(iv.Name), kit.Plural(n, "item")))
	return nil
}

// citeInterview asks which interview of the log the selected item cites as evidence; the
// interviews that discussed the item come first.
func (g *gaps) citeInterview(item checklists.Item) tea.Cmd {
	values, names := g.interviewChoices(item.ID)
	g.sheet = kit.NewSheet("Cite an interview on "+item.ID, g.detailWidth()).
		ChoiceField("which", "Interview", values, names, "")
	g.sheet.Intro = "←/→ picks the interview, enter cites it as evidence and adds " + item.ID + " to the items it discussed."
	g.onSheet = func(s *kit.Sheet) (tea.Cmd, error) {
		n, _ := strconv.Atoi(s.Get("which"))
		iv, ok := g.h.Assessment().InterviewByNumber(n)
		if !ok {
			return nil, errors.New("that interview is no longer in the log")
		}
		if cites(g.h.Assessment().Result(item), n) {
			return nil, fmt.Errorf("%s already cites %s", item.ID, iv.Label())
		}
		cmd := g.h.Apply(steps.Judge{Item: item, Judgement: assessment.Judgement{AddEvidence: []assessment.Evidence{assessment.InterviewEvidence(iv, g.h.Now().UTC())}}})
		if cmd == nil {
			return nil, nil
		}
		g.h.Say(fmt.Sprintf("%s now cites interview %s with %s.", item.ID, iv.Label(), kit.Vis(iv.Name)))
		if !iv.Discussed(g.h.Catalogue(), item.ID) {
			cmd = tea.Batch(cmd, g.discussed(iv, item))
		}
		return cmd, nil
	}
	return nil
}
