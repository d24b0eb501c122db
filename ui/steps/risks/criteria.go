package risks

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/ui/steps"
)

// The organisation's risk criteria (6.1.1): the appetite and the acceptance threshold as
// scores on the 5×5 scale. They are part of the assessment's own fields, saved with them.

// aboveMark marks a heat-map cell, or a residual rating, whose score is above the appetite.
const aboveMark = "▲"

// appetite is the recorded risk appetite, 0 when not recorded.
func (r *risks) appetite() int { return r.h.Assessment().RiskCriteria.Appetite }

// versusAppetite says where a risk's residual score stands against the appetite: "within",
// "above", or "" when either is not recorded.
func (r *risks) versusAppetite(x assessment.Risk) string {
	score, ok := x.ResidualScore()
	switch {
	case !ok || r.appetite() == 0:
		return ""
	case score > r.appetite():
		return "above"
	}
	return "within"
}

// criteriaText is the criteria in a few words, for the register's heading.
func (r *risks) criteriaText() string {
	c := r.h.Assessment().RiskCriteria
	if c.Appetite == 0 {
		return "no risk appetite recorded (c sets it)"
	}
	text := fmt.Sprintf("appetite %d", c.Appetite)
	if c.Acceptance > 0 {
		text += fmt.Sprintf(", owner acceptance up to %d", c.Acceptance)
	}
	return text
}

// criteriaInput holds the criteria form's values.
type criteriaInput struct{ appetite, acceptance string }

// openCriteria edits the risk appetite and the acceptance threshold.
func (r *risks) openCriteria() tea.Cmd {
	a := r.h.Assessment()
	in := &criteriaInput{appetite: scoreText(a.RiskCriteria.Appetite), acceptance: scoreText(a.RiskCriteria.Acceptance)}
	read := func() assessment.RiskCriteria {
		ap, _ := parseScore(in.appetite)
		ac, _ := parseScore(in.acceptance)
		return assessment.RiskCriteria{Appetite: ap, Acceptance: ac}
	}
	score := func(s string) error { _, err := parseScore(s); return err }
	width, height := r.formSize()
	r.editing = r.form("Risk criteria (L×I scores, 1 to 25)", width, height,
		huh.NewInput().Title("Risk appetite: the highest residual score the organisation will carry (empty: not recorded)").
			Value(&in.appetite).Validate(score),
		huh.NewInput().Title("Acceptance: the score up to which a risk owner may accept a residual risk (empty: not recorded)").
			Value(&in.acceptance).Validate(func(s string) error {
			if err := score(s); err != nil {
				return err
			}
			return read().Check()
		}),
	)
	r.onDone = func() tea.Cmd {
		next := *a
		next.RiskCriteria = read()
		return r.h.Apply(steps.PutHeader{Base: a, Next: &next})
	}
	return r.editing.Init()
}

func scoreText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// parseScore reads a score field: empty is 0 (not recorded), else a whole number 1–25.
func parseScore(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 25 {
		return 0, fmt.Errorf("%q is not a score from 1 to 25 (likelihood × impact on the 5×5 scale)", s)
	}
	return n, nil
}
