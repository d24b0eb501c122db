package assessment

import "fmt"

// Rung is what stands between an assessment and one readiness level: the blockers whose cap
// is below that level and the items of R rated below it. The readiness screen shows the rungs
// of levels 3, 4 and 5 as a ladder.
type Rung struct {
	Level    int
	Blockers []Blocker
	Below    []RatedItem
}

// Steps counts what must change to reach the rung: each blocker to clear and each item to raise.
func (r Rung) Steps() int { return len(r.Blockers) + len(r.Below) }

// Reached reports whether nothing stands between the assessment and the level. While the
// assessment is incomplete this is provisional, like the level itself.
func (r Rung) Reached() bool { return r.Steps() == 0 }

// Rung returns what stands between the assessment and a readiness level.
func (s Summary) Rung(level int) Rung {
	r := Rung{Level: level, Below: s.below(level)}
	for _, b := range s.Blockers {
		if b.Cap < level {
			r.Blockers = append(r.Blockers, b)
		}
	}
	return r
}

// stepsTo counts the steps of the rung of a level without building it.
func (s Summary) stepsTo(level int) int {
	n := 0
	for _, b := range s.Blockers {
		if b.Cap < level {
			n++
		}
	}
	for _, it := range s.belowTop {
		if it.Maturity < level {
			n++
		}
	}
	return n
}

// Ladder returns the rungs of levels 3 (certification-ready), 4 and 5, in that order.
func (s Summary) Ladder() []Rung { return []Rung{s.Rung(3), s.Rung(4), s.Rung(5)} }

// below lists the items of R rated below a level, in catalogue order.
func (s Summary) below(level int) []RatedItem {
	out := []RatedItem{}
	for _, it := range s.belowTop {
		if it.Maturity < level {
			out = append(out, it)
		}
	}
	return out
}

// CountLine is the count the TUI header and readiness screen, the PDF and `summary --json`
// share: "n blockers, m items below level 3, k steps to level 4".
func (s Summary) CountLine() string {
	return fmt.Sprintf("%s, %s below level 3, %s to level 4",
		counted(len(s.Blockers), "blocker", "blockers"), counted(len(s.BelowLevel3), "item", "items"), counted(s.Steps, "step", "steps"))
}

// counted writes a count with the noun in the right number: "1 blocker", "3 blockers".
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
