package assessment

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"aimsbench/checklists"
)

// EventDriven is the frequency of a control that runs on events (a release, an onboarding)
// rather than on a calendar; its sample size follows the population.
const EventDriven = "event"

// SampleSize is the suggested sample for a control test per the catalogue's table (§5). A
// known population smaller than the table's size caps it: nobody tests more items than exist.
func SampleSize(s checklists.Sampling, frequency string, population int, elevated bool) (int, error) {
	pick := func(normal, high int) int {
		if elevated {
			return high
		}
		return normal
	}
	if frequency == EventDriven {
		if population < 1 {
			return 0, fmt.Errorf("an event-driven control needs its population size to suggest a sample")
		}
		for _, band := range s.EventDriven {
			if band.MaxPopulation == 0 || population <= band.MaxPopulation {
				if band.All {
					return population, nil
				}
				return min(population, pick(band.Normal, band.Elevated)), nil
			}
		}
	}
	for _, f := range s.Frequencies {
		if f.ID == frequency {
			n := pick(f.Normal, f.Elevated)
			if population > 0 {
				n = min(n, population)
			}
			return n, nil
		}
	}
	var ids []string
	for _, f := range s.Frequencies {
		ids = append(ids, f.ID)
	}
	return 0, fmt.Errorf("frequency %q is not in the sampling table; use %s or %s", frequency, strings.Join(ids, ", "), EventDriven)
}

// SuggestedSize is the table's sample size for this test, 0 when it cannot be worked out yet.
func (t *ControlTest) SuggestedSize(s checklists.Sampling) int {
	n, err := SampleSize(s, t.Frequency, t.Population, t.Elevated)
	if err != nil {
		return 0
	}
	return n
}

// Size is the sample size in force: the assessor's override, else the suggestion.
func (t *ControlTest) Size(s checklists.Sampling) int {
	if t.SizeOverride > 0 {
		return t.SizeOverride
	}
	return t.SuggestedSize(s)
}

// SelectSample draws n distinct positions (1-based) from a population of size population,
// with a generator seeded by seed, so the same seed always gives the same selection and a
// reviewer can reproduce it. The result is in drawing order.
func SelectSample(population, n int, seed uint64) ([]int, error) {
	if population < 1 {
		return nil, fmt.Errorf("the population is empty; record its size before drawing a sample")
	}
	if n < 1 || n > population {
		return nil, fmt.Errorf("cannot draw %d items from a population of %d", n, population)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	// A partial Fisher–Yates shuffle over a sparse map keeps memory at O(n) for huge populations.
	swapped := map[int]int{}
	at := func(i int) int {
		if v, ok := swapped[i]; ok {
			return v
		}
		return i
	}
	out := make([]int, n)
	for i := 0; i < n; i++ {
		j := i + bounded(rng, population-i)
		out[i] = at(j) + 1
		swapped[j] = at(i)
	}
	return out, nil
}

// bounded returns a uniform integer in [0, n) by rejection, so the selection does not depend
// on library shuffling algorithms that may change between Go releases.
func bounded(rng *rand.Rand, n int) int {
	limit := ^uint64(0) - (^uint64(0) % uint64(n))
	for {
		if v := rng.Uint64(); v < limit {
			return int(v % uint64(n))
		}
	}
}

// DrawSamples replaces the test's samples with a fresh seeded selection of Size items. When
// refs (a pasted list of item references) is given, it is the population and the sample is
// drawn from it; otherwise the references are the item numbers within the population.
func (t *ControlTest) DrawSamples(s checklists.Sampling, refs []string, seed uint64) error {
	next := *t
	if len(refs) > 0 {
		next.Population = len(refs) // the size, and so the conclusion, follow the pasted list
	}
	picks, err := SelectSample(next.Population, min(next.Size(s), next.Population), seed)
	if err != nil {
		return err
	}
	t.Population, t.Seed = next.Population, seed
	t.Samples = make([]Sample, len(picks))
	for i, p := range picks {
		ref := fmt.Sprintf("#%d", p)
		if len(refs) > 0 {
			ref = refs[p-1]
		}
		t.Samples[i] = Sample{Ref: ref, Result: NotTested}
	}
	return nil
}

// Conclusion follows §5: effective when the full sample is tested without exception,
// ineffective on any exception, not concluded otherwise. A justified override wins.
func (t *ControlTest) Conclusion(s checklists.Sampling) Conclusion {
	if t.ConclusionOverride != "" && t.ConclusionOverride != NotConcluded {
		return t.ConclusionOverride
	}
	return t.RuleConclusion(s)
}

// RuleConclusion is the conclusion from the samples alone, ignoring any override.
func (t *ControlTest) RuleConclusion(s checklists.Sampling) Conclusion {
	passed := 0
	for _, smp := range t.Samples {
		switch smp.Result {
		case Exception:
			return Ineffective
		case Pass:
			passed++
		}
	}
	if size := t.Size(s); size > 0 && passed >= size {
		return Effective
	}
	return NotConcluded
}

// Exceptions counts the samples that failed.
func (t *ControlTest) Exceptions() int {
	n := 0
	for _, smp := range t.Samples {
		if smp.Result == Exception {
			n++
		}
	}
	return n
}

// OverrideConclusion sets an assessor's conclusion; it needs a justification.
func (t *ControlTest) OverrideConclusion(c Conclusion, justification string) error {
	if c != "" && c != NotConcluded && c != Effective && c != Ineffective {
		return fmt.Errorf("conclusion %q is not known; use effective, ineffective or not_concluded", c)
	}
	if c != "" && c != NotConcluded {
		if err := CheckJustification("overriding the test conclusion of "+t.ControlID, justification); err != nil {
			return err
		}
	}
	t.ConclusionOverride, t.OverrideJustification = c, strings.TrimSpace(justification)
	return nil
}

// OverrideSize sets the assessor's sample size; it needs a reason.
func (t *ControlTest) OverrideSize(n int, reason string) error {
	if n > 0 {
		if err := CheckJustification("overriding the suggested sample size of "+t.ControlID, reason); err != nil {
			return err
		}
	}
	if n < 0 {
		return fmt.Errorf("a sample size cannot be negative")
	}
	t.SizeOverride, t.OverrideReason = n, strings.TrimSpace(reason)
	return nil
}
