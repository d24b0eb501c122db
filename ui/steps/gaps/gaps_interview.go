package gaps

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

// interview is the interview the assessor holds while judging: who is interviewed, in which
// role, on which day, and the items judged in it. Every item judged while it runs cites it
// once as an evidence item of kind "interview" (the interviewee in its reference, the day
// it was collected), so the report shows what each judgement rests on.
type interview struct {
	name, role string
	day        time.Time
	judged     []string // item IDs, in the order they were first judged
}

// evidence is the evidence item an item judged in the interview gets.
func (s *interview) evidence(now time.Time) assessment.Evidence {
	who := s.name
	if s.role != "" {
		who += ", " + s.role
	}
	return assessment.Evidence{Title: "Interview with " + who, Kind: "interview", Reference: who, Collected: s.day, AttachedAt: now.UTC()}
}

// banner is the interview's line above the list, the count first so it shows on a narrow
// list.
func (s *interview) banner() string {
	who := kit.Vis(s.name)
	if s.role != "" {
		who += " (" + kit.Vis(s.role) + ")"
	}
	return fmt.Sprintf("● Interview, %d judged: %s, %s · I ends", len(s.judged), who, kit.DateText(s.day))
}

// cite adds the interview to a judgement as evidence, once per item: not when the item is
// already cited in it, nor when the judgement removes evidence.
func (g *gaps) cite(item checklists.Item, j *assessment.Judgement) {
	s := g.session
	if s == nil || slices.Contains(s.judged, item.ID) || (j.EditEvidence != nil && j.EditEvidence.Now == nil) {
		return
	}
	ev := s.evidence(g.h.Now())
	for _, e := range g.h.Assessment().Result(item).Evidence {
		if e.Kind == ev.Kind && e.Reference == ev.Reference && e.Collected.Equal(ev.Collected) {
			s.judged = append(s.judged, item.ID) // cited before, e.g. in a session read again
			return
		}
	}
	j.AddEvidence = append(j.AddEvidence, ev)
	s.judged = append(s.judged, item.ID)
}

// startInterview asks who is interviewed, in which role and on which day.
func (g *gaps) startInterview() tea.Cmd {
	g.sheet = kit.NewSheet("Start an interview", g.detailWidth()).
		LineField("name", "Interviewee", "", "name").
		LineField("role", "Role", "", "e.g. Head of Data Science").
		LineField("day", "Date", kit.DateInput(g.h.Now()), "YYYY-MM-DD")
	g.sheet.Intro = "Every item you judge until you press I again cites this interview as its evidence."
	g.onSheet = func(s *kit.Sheet) (tea.Cmd, error) {
		if strings.TrimSpace(s.Get("name")) == "" {
			return nil, errors.New("name the person interviewed")
		}
		day, err := assessment.ParseDate(s.Get("day"))
		if err != nil {
			return nil, fmt.Errorf("the interview's date: %w", err)
		}
		g.session = &interview{name: s.Get("name"), role: s.Get("role"), day: day}
		g.h.Say("Interview started: every item you judge now cites it as evidence. I ends it.")
		return nil, nil
	}
	return nil
}

// endInterview ends the interview and says how many items cite it.
func (g *gaps) endInterview() tea.Cmd {
	s := g.session
	g.session = nil
	g.h.Say(fmt.Sprintf("Interview with %s ended: %s cite it as evidence.", kit.Vis(s.name), kit.Plural(len(s.judged), "item")))
	return nil
}
